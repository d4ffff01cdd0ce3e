/** Sources: the articles facts come from, with their full text stored. */
import { Field, ObjectType } from 'type-graphql';
import { NodeInterface, PartialDateType } from '../node/node.type';

@ObjectType('Source', {
  simpleResolvers: true,
  implements: NodeInterface,
  description: 'An article or document that facts in the graph come from; quotes are substrings of its `text`.',
})
export class Source extends NodeInterface {
  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => PartialDateType, { nullable: true, description: 'Publication date.' })
  date!: PartialDateType | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  language!: string | null;

  @Field(() => String, { description: 'The full text, as stored when it was imported.' })
  text!: string;
}
