/** What `importFacts` and `removeSource` answer (src/ingest/report.ts, as GraphQL types). */
import { JSONResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PropertyValue } from '../../model/elements';

@ObjectType('ChangeCounts', {
  simpleResolvers: true,
  description: "One node kind's or relationship type's figures in an import or a source's removal.",
})
export class ChangeCounts {
  @Field(() => String, { description: 'The node kind or relationship type.' })
  name!: string;

  @Field(() => Int, { description: 'Not in the graph before: the document is the first source to state it.' })
  created!: number;

  @Field(() => Int, { description: 'In the graph, and this source already claimed exactly this about it.' })
  unchanged!: number;

  @Field(() => Int, { description: "In the graph, and this source's claim on it is new or different." })
  claimed!: number;

  @Field(() => Int, {
    description: "This source's claims that go: the document no longer states them, or the source is removed.",
  })
  retracted!: number;

  @Field(() => Int, { description: 'Gone from the graph: no other source supports it.' })
  deleted!: number;
}

@ObjectType('Conflict', {
  simpleResolvers: true,
  description: "A property the document gives a value that differs from the graph's current value.",
})
export class Conflict {
  @Field(() => ID, { description: 'The node or relationship.' })
  id!: string;

  @Field(() => String)
  property!: string;

  @Field(() => JSONResolver, { description: "The graph's current value, as in a facts document." })
  graphValue!: PropertyValue;

  @Field(() => JSONResolver, { description: "The document's value." })
  documentValue!: PropertyValue;

  @Field(() => ID, { description: "The source whose claim gives the graph's value." })
  graphSourceId!: string;
}

@ObjectType('ImportReport', {
  simpleResolvers: true,
  description:
    'What a facts document did to the graph, or would do (dry run): a dry run reports exactly what the import then does.',
})
export class ImportReport {
  @Field(() => ID, { description: 'The source the document describes.' })
  sourceId!: string;

  @Field(() => Boolean, { description: 'True when nothing was written.' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'The source was in the graph with another text, and the document replaced it.' })
  replaced!: boolean;

  @Field(() => Boolean, { description: 'The source was already in the graph (with the same text, or replaced).' })
  sourceExisted!: boolean;

  @Field(() => [ChangeCounts], { description: 'Per node kind.' })
  nodes!: ChangeCounts[];

  @Field(() => [ChangeCounts], { description: 'Per relationship type.' })
  relationships!: ChangeCounts[];

  @Field(() => [Conflict], { description: 'Every value the document disagrees with the graph on.' })
  conflicts!: Conflict[];

  @Field(() => Int)
  milliseconds!: number;
}

@ObjectType('RemoveReport', { simpleResolvers: true, description: 'What taking a source out of the graph did.' })
export class RemoveReport {
  @Field(() => ID)
  sourceId!: string;

  @Field(() => [ChangeCounts], { description: 'Per node kind.' })
  nodes!: ChangeCounts[];

  @Field(() => [ChangeCounts], { description: 'Per relationship type.' })
  relationships!: ChangeCounts[];

  @Field(() => Int)
  milliseconds!: number;
}
