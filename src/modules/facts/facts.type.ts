/** What `importFacts` answers. */
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('ImportResult', { simpleResolvers: true, description: 'A facts document loaded in one transaction.' })
export class ImportResult {
  @Field(() => ID, { description: 'The source the document describes.' })
  sourceId!: string;

  @Field(() => Int, { description: 'Nodes in the document (the source included), created or updated.' })
  nodes!: number;

  @Field(() => Int, { description: 'Relationships in the document, created or updated.' })
  relationships!: number;

  @Field(() => Int)
  milliseconds!: number;
}
