/**
 * The facts document: the file an analyst writes by hand (YAML or JSON) for ONE source — the
 * source itself, the entities it mentions and the relationships it reports, each with verbatim
 * quotes as evidence. This zod definition is the format's one source of truth: the TypeScript
 * types are inferred from it, schema/facts.schema.json is generated from it (drift-tested), and
 * validate.ts runs it before the checks a schema cannot express (references, endpoint kinds,
 * quotes found in the text, dates against the source's date).
 */
import { z } from 'zod';
import { parsePartialDate } from '../model/partial-date';
import {
  DelegationRole,
  ID_PREFIX,
  MeetingFormat,
  MeetingMedium,
  MeetingMode,
  MeetingStatus,
  NodeKind,
  OrganizationKind,
  ParticipantRole,
  PlaceKind,
  RelType,
  StatementKind,
} from '../model/vocabulary';

export const FACTS_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Ids

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ISO3 = '[A-Z]{3}';

/** The id form of one kind: `country:UKR` (ISO 3166-1 alpha-3), otherwise `<prefix>:<kebab-slug>`. */
export function idPattern(kind: NodeKind): RegExp {
  return new RegExp(`^${ID_PREFIX[kind]}:${kind === NodeKind.Country ? ISO3 : SLUG}$`);
}

/** Any well-formed id, of any kind. */
export const ANY_ID = new RegExp(
  `^(?:${ID_PREFIX[NodeKind.Country]}:${ISO3}|(?:${Object.values(NodeKind)
    .filter((kind) => kind !== NodeKind.Country)
    .map((kind) => ID_PREFIX[kind])
    .join('|')}):${SLUG})$`,
);

function idHint(kind: NodeKind): string {
  return kind === NodeKind.Country
    ? 'a Country id is country:<ISO 3166-1 alpha-3 code, uppercase>, e.g. country:UKR'
    : `a ${kind} id is ${ID_PREFIX[kind]}:<lowercase-kebab-slug>, e.g. ${ID_PREFIX[kind]}:example-name`;
}

const entityId = (kind: NodeKind) => z.string().regex(idPattern(kind), idHint(kind));

const reference = z
  .string()
  .regex(ANY_ID, 'an id is <prefix>:<slug> (country:UKR, person:hakan-fidan, place:istanbul, …)')
  .meta({ id: 'Reference', description: 'The id of an entity in this document, or of one already in the graph.' });

// ---------------------------------------------------------------------------------------------
// Dates, times

const DATE_FORM = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * A date as exact as the source is: the form gives the precision. Written as a string, so a bare
 * year must be quoted in YAML ("2022"), or YAML would read a number.
 */
export const PartialDateSchema = z
  .string({ error: 'a date is a string: YYYY-MM-DD, YYYY-MM or YYYY (quote a bare year: "2022")' })
  .regex(DATE_FORM, 'a date is YYYY-MM-DD (a day), YYYY-MM (a month) or YYYY (a year), nothing more')
  // Only a well-formed date can be off the calendar; a malformed one has its own issue above.
  .refine((value) => !DATE_FORM.test(value) || parsePartialDate(value) !== null, {
    message: 'not a date on the calendar (month 01-12, day within the month)',
  })
  .meta({
    id: 'PartialDate',
    description: 'YYYY-MM-DD (a day), YYYY-MM (a month: "March 2022") or YYYY (a year). The form is the precision.',
  });

const TIME = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM, 24-hour')
  .describe('Local start time, HH:MM (24-hour); needs a date that is a day.');

const TIMEZONE = z
  .string()
  .refine(isTimeZone, { message: 'not an IANA time zone (e.g. Europe/Istanbul)' })
  .describe('IANA time zone of `time`, e.g. Europe/Istanbul.');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

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
    publisher: z.string().min(1),
    publisherId: reference
      .optional()
      .describe('The publisher as an Organization entity (in this document or the graph), when it is one.'),
    title: z.string().min(1),
    date: PartialDateSchema.describe('Publication date, as exact as the source gives it.'),
    url: z.url().optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag, e.g. en, uk, zh-Hans')
      .optional(),
    textFile: z
      .string()
      .min(1)
      .optional()
      .describe("Path of the source's full text (UTF-8), relative to this document's folder."),
    text: z.string().min(1).optional().describe('The full text inline, instead of textFile.'),
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

const common = <K extends Exclude<NodeKind, NodeKind.Source>>(kind: K) => ({
  id: entityId(kind),
  kind: z.literal(kind),
  name: z.string().min(1).describe('The name the graph shows; for an unnamed actor, a description of it.'),
  aliases: z
    .array(z.string().min(1))
    .optional()
    .describe('Other spellings and transliterations (Turkey, Türkiye; Zelenskyy; Україна).'),
  description: z.string().min(1).optional(),
  evidence: EVIDENCE,
});

export const CountryFactSchema = z
  .strictObject({
    ...common(NodeKind.Country),
    iso3: z
      .string()
      .regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3, uppercase')
      .optional()
      .describe('Defaults to the code in the id; when given, must equal it.'),
  })
  .meta({ id: 'Country' });

export const OrganizationFactSchema = z
  .strictObject({
    ...common(NodeKind.Organization),
    orgKind: z.enum(OrganizationKind),
  })
  .meta({ id: 'Organization' });

export const PersonFactSchema = z
  .strictObject({
    ...common(NodeKind.Person),
    unnamed: z
      .boolean()
      .optional()
      .describe('True for a person the source mentions but does not name ("the head of the delegation").'),
  })
  .meta({ id: 'Person' });

export const DelegationFactSchema = z.strictObject({ ...common(NodeKind.Delegation) }).meta({ id: 'Delegation' });

export const PlaceFactSchema = z
  .strictObject({
    ...common(NodeKind.Place),
    placeKind: z.enum(PlaceKind),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .meta({ id: 'Place' });

export const MeetingFactSchema = z
  .strictObject({
    ...common(NodeKind.Meeting),
    date: PartialDateSchema.optional().describe('Omit when the source gives none (e.g. a proposed meeting).'),
    time: TIME.optional(),
    timezone: TIMEZONE.optional(),
    durationMinutes: z.int().positive().optional(),
    durationApproximate: z
      .boolean()
      .optional()
      .describe('True when the source gives the duration roughly ("about two hours").'),
    status: z.enum(MeetingStatus),
    format: z.enum(MeetingFormat).optional(),
    mode: z.enum(MeetingMode).optional(),
    medium: z
      .enum(MeetingMedium)
      .optional()
      .describe('IN_PERSON, PHONE or VIDEO; omit when the source does not say (a call is not a meeting in person).'),
  })
  .meta({ id: 'Meeting' });

export const StatementFactSchema = z
  .strictObject({
    ...common(NodeKind.Statement),
    statementKind: z.enum(StatementKind),
    text: z
      .string()
      .min(1)
      .describe('QUOTE: the quoted words, verbatim from the source. REPORTED: the position as the source puts it.'),
    date: PartialDateSchema.optional(),
  })
  .meta({ id: 'Statement' });

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

const NOTE = {
  note: z.string().min(1).optional().describe('A remark for readers, e.g. how a hedged fact is worded.'),
};
const NO_PROPS = z.strictObject(NOTE).optional();
const DATED = z.strictObject({ date: PartialDateSchema.optional(), ...NOTE }).optional();

const relationship = <T extends RelType, P extends z.ZodType>(type: T, props: P) =>
  z
    .strictObject({
      type: z.literal(type),
      from: reference,
      to: reference,
      key: z
        .string()
        .regex(new RegExp(`^${SLUG}$`), 'a key is a lowercase-kebab slug')
        .optional()
        .describe('Tells apart two relationships of one type between the same two entities.'),
      props,
      evidence: EVIDENCE,
    })
    .meta({ id: type });

export const RelationshipFactSchema = z.discriminatedUnion('type', [
  relationship(
    RelType.HOLDS_OFFICE,
    z.strictObject({
      title: z.string().min(1).describe('The title as the source gives it, e.g. "Foreign Minister".'),
      since: PartialDateSchema.optional(),
      until: PartialDateSchema.optional(),
      ...NOTE,
    }),
  ),
  relationship(RelType.PART_OF, NO_PROPS),
  relationship(RelType.MEMBER_OF, z.strictObject({ role: z.enum(DelegationRole), ...NOTE })),
  relationship(RelType.REPRESENTS, NO_PROPS),
  relationship(RelType.SENT_BY, NO_PROPS),
  relationship(RelType.PARTICIPATED_IN, z.strictObject({ role: z.enum(ParticipantRole), ...NOTE })),
  relationship(RelType.DECLINED, DATED),
  relationship(RelType.PROPOSED, DATED),
  relationship(RelType.PRESENT_IN, DATED),
  relationship(RelType.HELD_AT, NO_PROPS),
  relationship(RelType.LOCATED_IN, NO_PROPS),
  relationship(RelType.FOLLOWS, NO_PROPS),
  relationship(RelType.STATED_BY, NO_PROPS),
  relationship(RelType.ABOUT, NO_PROPS),
  relationship(RelType.MADE_AT, NO_PROPS),
  relationship(RelType.MADE_DURING, NO_PROPS),
  relationship(RelType.SAME_AS, NO_PROPS),
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
