/**
 * The facts document: the file an analyst writes by hand (YAML or JSON) for ONE source — the
 * source itself, the entities it mentions and the relationships it reports, each with verbatim
 * quotes as evidence. This zod definition is the format's one source of truth: the TypeScript
 * types are inferred from it, schema/facts.schema.json is generated from it (drift-tested), and
 * validate.ts runs it before the checks a schema cannot express (references, endpoint kinds,
 * quotes found in the text, dates against the source's date).
 */
import { z } from 'zod';
import {
  ANY_ID,
  EDGE_PROPERTIES,
  ENTITY_PROPERTIES,
  ID_SLUG,
  ISO3_CODE,
  KIND_PROPERTIES,
  PartialDateSchema,
  ReferenceSchema,
} from '../model/properties';
import { ID_PREFIX, NodeKind, RelType } from '../model/vocabulary';

export { ANY_ID, PartialDateSchema };

export const FACTS_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Ids

/** The id form of one kind: `country:UKR` (ISO 3166-1 alpha-3), otherwise `<prefix>:<kebab-slug>`. */
export function idPattern(kind: NodeKind): RegExp {
  return new RegExp(`^${ID_PREFIX[kind]}:${kind === NodeKind.Country ? ISO3_CODE : ID_SLUG}$`);
}

function idHint(kind: NodeKind): string {
  return kind === NodeKind.Country
    ? 'a Country id is country:<ISO 3166-1 alpha-3 code, uppercase>, e.g. country:UKR'
    : `a ${kind} id is ${ID_PREFIX[kind]}:<lowercase-kebab-slug>, e.g. ${ID_PREFIX[kind]}:example-name`;
}

const entityId = (kind: NodeKind) => z.string().regex(idPattern(kind), idHint(kind));

const reference = ReferenceSchema;

// ---------------------------------------------------------------------------------------------
// Evidence

export const EvidenceFactSchema = z
  .strictObject({
    quote: z
      .string()
      .min(1)
      .describe('Characters copied exactly from the source text: same spelling, spacing, quotes and dashes.'),
    occurrence: z
      .int()
      .min(1)
      .optional()
      .describe('Which occurrence of the quote is meant, counting from 1, when it appears more than once (default 1).'),
  })
  .meta({ id: 'Evidence', description: 'A verbatim quote of the source supporting the claim.' });

const EVIDENCE = z
  .array(EvidenceFactSchema, { error: 'evidence is required: a list of { quote: "…" } from the source' })
  .min(1, 'at least one evidence quote is required')
  .meta({ id: 'EvidenceList', description: 'Verbatim quotes of the source supporting this claim; at least one.' });

// ---------------------------------------------------------------------------------------------
// Source

export const SourceFactSchema = z
  .strictObject({
    id: entityId(NodeKind.Source),
    ...KIND_PROPERTIES[NodeKind.Source],
  })
  .refine((source) => (source.textFile === undefined) !== (source.text === undefined), {
    message: 'give exactly one of textFile or text',
  })
  .meta({
    id: 'Source',
    description: 'The one source this document extracts facts from. Its full text is stored; quotes are found in it.',
  });

// ---------------------------------------------------------------------------------------------
// Entities

/** An entity of one kind: its id and kind, what any entity states, its evidence, then its kind's own properties. */
const entity = <K extends Exclude<NodeKind, NodeKind.Source>>(kind: K) =>
  z
    .strictObject({
      id: entityId(kind),
      kind: z.literal(kind),
      ...ENTITY_PROPERTIES,
      evidence: EVIDENCE,
      ...KIND_PROPERTIES[kind],
    })
    .meta({ id: kind });

export const CountryFactSchema = entity(NodeKind.Country);
export const OrganizationFactSchema = entity(NodeKind.Organization);
export const PersonFactSchema = entity(NodeKind.Person);
export const DelegationFactSchema = entity(NodeKind.Delegation);
export const PlaceFactSchema = entity(NodeKind.Place);
export const MeetingFactSchema = entity(NodeKind.Meeting);
export const StatementFactSchema = entity(NodeKind.Statement);

export const EntityFactSchema = z.discriminatedUnion('kind', [
  CountryFactSchema,
  OrganizationFactSchema,
  PersonFactSchema,
  DelegationFactSchema,
  PlaceFactSchema,
  MeetingFactSchema,
  StatementFactSchema,
]);

// ---------------------------------------------------------------------------------------------
// Relationships

/**
 * A relationship of one type. Its `props` are the type's properties, required when one of them
 * is (an office's title, a participant's role), optional when none is.
 */
const relationship = <T extends RelType>(type: T) => {
  const shape = EDGE_PROPERTIES[type];
  const props = z.strictObject(shape);
  const required = Object.values(shape).some((schema) => !(schema instanceof z.ZodOptional));
  return z
    .strictObject({
      type: z.literal(type),
      from: reference,
      to: reference,
      key: z
        .string()
        .regex(new RegExp(`^${ID_SLUG}$`), 'a key is a lowercase-kebab slug')
        .optional()
        .describe('Tells apart two relationships of one type between the same two entities.'),
      props: required ? props : props.optional(),
      evidence: EVIDENCE,
    })
    .meta({ id: type });
};

export const RelationshipFactSchema = z.discriminatedUnion('type', [
  relationship(RelType.HOLDS_OFFICE),
  relationship(RelType.PART_OF),
  relationship(RelType.MEMBER_OF),
  relationship(RelType.REPRESENTS),
  relationship(RelType.SENT_BY),
  relationship(RelType.PARTICIPATED_IN),
  relationship(RelType.DECLINED),
  relationship(RelType.PROPOSED),
  relationship(RelType.PRESENT_IN),
  relationship(RelType.HELD_AT),
  relationship(RelType.LOCATED_IN),
  relationship(RelType.FOLLOWS),
  relationship(RelType.STATED_BY),
  relationship(RelType.ABOUT),
  relationship(RelType.MADE_AT),
  relationship(RelType.MADE_DURING),
  relationship(RelType.SAME_AS),
]);

// ---------------------------------------------------------------------------------------------
// The document

export const FactsDocumentSchema = z
  .strictObject({
    version: z.literal(FACTS_VERSION),
    source: SourceFactSchema,
    entities: z.array(EntityFactSchema),
    relationships: z.array(RelationshipFactSchema).optional(),
  })
  .meta({
    title: 'diplograph facts document',
    description:
      'The facts one source reports, written by hand: the source, its entities and relationships, each with verbatim evidence quotes. Generated from src/ingest/facts.schema.ts; see seed/README.md.',
  });

export type FactsDocument = z.infer<typeof FactsDocumentSchema>;
export type SourceFact = z.infer<typeof SourceFactSchema>;
export type EntityFact = z.infer<typeof EntityFactSchema>;
export type RelationshipFact = z.infer<typeof RelationshipFactSchema>;
export type EvidenceFact = z.infer<typeof EvidenceFactSchema>;
export type CountryFact = z.infer<typeof CountryFactSchema>;
export type OrganizationFact = z.infer<typeof OrganizationFactSchema>;
export type PersonFact = z.infer<typeof PersonFactSchema>;
export type DelegationFact = z.infer<typeof DelegationFactSchema>;
export type PlaceFact = z.infer<typeof PlaceFactSchema>;
export type MeetingFact = z.infer<typeof MeetingFactSchema>;
export type StatementFact = z.infer<typeof StatementFactSchema>;

/** The JSON Schema of the format (committed as schema/facts.schema.json, for editors). */
export function factsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(FactsDocumentSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** schema/facts.schema.json, byte for byte. */
export function factsJsonSchemaText(): string {
  return `${JSON.stringify(factsJsonSchema(), null, 2)}\n`;
}
