/** Statements: a verbatim quote, or a position the source reports in its own words. */
import { Field, ObjectType } from 'type-graphql';
import { StatementKind } from '../../model/vocabulary';
import { NodeInterface, PartialDateType } from '../node/node.type';

@ObjectType('Statement', {
  simpleResolvers: true,
  implements: NodeInterface,
  description: 'What someone said (QUOTE, verbatim) or a position the source reports (REPORTED).',
})
export class Statement extends NodeInterface {
  @Field(() => StatementKind)
  statementKind!: StatementKind;

  @Field(() => String, { description: 'The words quoted (QUOTE) or the position as the source puts it (REPORTED).' })
  text!: string;

  @Field(() => PartialDateType, { nullable: true })
  date!: PartialDateType | null;
}
