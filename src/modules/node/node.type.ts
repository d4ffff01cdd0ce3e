/**
 * What every node shares (`Node`), how it shows its provenance (`Evidence`), and dates with
 * precision (`PartialDate`). Concrete node types live in their modules.
 */
import { JSONResolver } from 'graphql-scalars';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { Evidence as EvidenceRecord } from '../../model/elements';
import { DatePrecision, NodeKind } from '../../model/vocabulary';
import '../common/enums';

@ObjectType('Evidence', {
  simpleResolvers: true,
  description: 'A verbatim quote from a source that supports a node or a relationship.',
})
export class Evidence implements EvidenceRecord {
  @Field(() => ID, { description: 'Id of the source quoted.' })
  sourceId!: string;

  @Field(() => String, { description: "The quote, verbatim: equal to the source's text from `offset`." })
  quote!: string;

  @Field(() => Int, { description: "Position of the quote's first character in the source text (0-based, UTF-16)." })
  offset!: number;
}

@ObjectType('Claim', {
  simpleResolvers: true,
  description:
    "One source's value for one property of a node or relationship, with that source's quotes. The value shown on the type itself is derived from all claims by one rule (README: the latest source's claim; aliases the union).",
})
export class ClaimType {
  @Field(() => String, { description: 'The property, as stored: name, aliases, durationMinutes, title, date…' })
  property!: string;

  @Field(() => JSONResolver, {
    nullable: true,
    description: 'The value this source gives, in its stored form (a date as given: 2025-05-16, 2022-03).',
  })
  value!: unknown;

  @Field(() => ID)
  sourceId!: string;

  @Field(() => [Evidence], { description: "This source's quotes for the node or relationship." })
  evidence!: Evidence[];
}

@ObjectType('PartialDate', {
  simpleResolvers: true,
  description:
    'A date as exact as its source: a day (2025-05-16), a month (2022-03: "since March 2022") or a year. `start` and `end` give the days it can mean.',
})
export class PartialDateType {
  @Field(() => String, { description: 'The date as given: YYYY, YYYY-MM or YYYY-MM-DD.' })
  value!: string;

  @Field(() => DatePrecision)
  precision!: DatePrecision;

  @Field(() => String, { description: 'First day it can mean (YYYY-MM-DD).' })
  start!: string;

  @Field(() => String, { description: 'Last day it can mean (YYYY-MM-DD).' })
  end!: string;
}

@InterfaceType('Node', {
  description: 'Anything in the graph: an actor, a place, a meeting, a statement or a source.',
  resolveType: (value: { kind: NodeKind }) => value.kind,
})
export abstract class NodeInterface {
  @Field(() => ID, {
    description: 'Stable, human-readable id: country:UKR, person:hakan-fidan, meeting:2025-05-16-istanbul-talks.',
  })
  id!: string;

  @Field(() => NodeKind)
  kind!: NodeKind;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Other spellings and transliterations (Turkiye, Türkiye; Zelenskyy).' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'A description for readers, when a source gives one.' })
  description!: string | null;

  @Field(() => [Evidence], { description: 'The quotes that support this node, each with its source.' })
  evidence!: Evidence[];

  @Field(() => [String], {
    description: 'Properties whose sources give different values (see `claims`); empty when they agree.',
  })
  disputed!: string[];
}

@InterfaceType('Relationship', {
  description: 'A relationship between two nodes, with the quotes that support it.',
})
export abstract class RelationshipInterface {
  @Field(() => ID, { description: 'Stable id: "<from> -TYPE-> <to>".' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A remark for readers (e.g. how a hedged fact is worded), when a source gives one.',
  })
  note!: string | null;

  @Field(() => [Evidence], { description: 'The quotes that support this relationship.' })
  evidence!: Evidence[];

  @Field(() => [String], {
    description: 'Properties whose sources give different values (see `claims`); empty when they agree.',
  })
  disputed!: string[];
}
