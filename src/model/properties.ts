/**
 * One typed property record per node kind and per relationship type: the properties a source can
 * state about each, as zod shapes. Everything else is derived from this one declaration —
 *  - the facts document schema (src/ingest/facts.schema.ts composes its entities and
 *    relationships from these shapes, and schema/facts.schema.json is generated from it);
 *  - the TypeScript types (`NodeProperties<K>`, `EdgeProperties<T>`);
 *  - the stored properties with their export types (`STORED_NODE_PROPERTIES`,
 *    `STORED_EDGE_PROPERTIES`), which the loader's plan writes and the table-like exports
 *    declare as typed attributes.
 * How a fact is stored: a `date` becomes four properties (`date`, `datePrecision`, `dateStart`,
 * `dateEnd`; see partial-date.ts); any other date (an office's `since`, `until`) its value; a
 * source's `textFile` is read into its `text` and not stored; everything else keeps its name.
 */
import { z } from 'zod';
import { parsePartialDate } from './partial-date';
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
} from './vocabulary';

// ---------------------------------------------------------------------------------------------
// Value forms shared by several properties

/** The slug of an id, `hakan-fidan`; a country's id takes an ISO 3166-1 alpha-3 code instead. */
export const ID_SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const ISO3_CODE = '[A-Z]{3}';

/** Any well-formed id, of any kind. */
export const ANY_ID = new RegExp(
  `^(?:${ID_PREFIX[NodeKind.Country]}:${ISO3_CODE}|(?:${Object.values(NodeKind)
    .filter((kind) => kind !== NodeKind.Country)
    .map((kind) => ID_PREFIX[kind])
    .join('|')}):${ID_SLUG})$`,
);

export const ReferenceSchema = z
  .string()
  .regex(ANY_ID, 'an id is <prefix>:<slug> (country:UKR, person:hakan-fidan, place:istanbul, …)')
  .meta({ id: 'Reference', description: 'The id of an entity in this document, or of one already in the graph.' });

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

/** The date schemas of this record (described copies of PartialDateSchema are new objects). */
const DATES = new WeakSet<z.ZodType>([PartialDateSchema]);

/** PartialDateSchema with a description of its own (a copy, which DATES must know). */
function describedDate(description: string): typeof PartialDateSchema {
  const schema = PartialDateSchema.describe(description);
  DATES.add(schema);
  return schema;
}

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
// Nodes

/** What a source can state about an entity of any kind (not the source itself). */
export const ENTITY_PROPERTIES = {
  name: z.string().min(1).describe('The name the graph shows; for an unnamed actor, a description of it.'),
  aliases: z
    .array(z.string().min(1))
    .optional()
    .describe('Other spellings and transliterations (Turkey, Türkiye; Zelenskyy; Україна).'),
  description: z.string().min(1).optional(),
};

/** What a source can state about an entity of each kind, beyond ENTITY_PROPERTIES; a source's own fields. */
export const KIND_PROPERTIES = {
  [NodeKind.Country]: {
    iso3: z
      .string()
      .regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3, uppercase')
      .optional()
      .describe('Defaults to the code in the id; when given, must equal it.'),
  },
  [NodeKind.Organization]: {
    orgKind: z.enum(OrganizationKind),
  },
  [NodeKind.Person]: {
    unnamed: z
      .boolean()
      .optional()
      .describe('True for a person the source mentions but does not name ("the head of the delegation").'),
  },
  [NodeKind.Delegation]: {},
  [NodeKind.Place]: {
    placeKind: z.enum(PlaceKind),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  },
  [NodeKind.Meeting]: {
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
  },
  [NodeKind.Statement]: {
    statementKind: z.enum(StatementKind),
    text: z
      .string()
      .min(1)
      .describe('QUOTE: the quoted words, verbatim from the source. REPORTED: the position as the source puts it.'),
    date: PartialDateSchema.optional(),
  },
  [NodeKind.Source]: {
    publisher: z.string().min(1),
    publisherId: ReferenceSchema.optional().describe(
      'The publisher as an Organization entity (in this document or the graph), when it is one.',
    ),
    title: z.string().min(1),
    date: describedDate('Publication date, as exact as the source gives it.'),
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
  },
} satisfies Record<NodeKind, z.ZodRawShape>;

type EntityKind = Exclude<NodeKind, NodeKind.Source>;
type NodeShape<K extends NodeKind> = K extends EntityKind
  ? typeof ENTITY_PROPERTIES & (typeof KIND_PROPERTIES)[K]
  : (typeof KIND_PROPERTIES)[K];

/** The properties a source can state about a node of kind K, as a facts document writes them. */
export type NodeProperties<K extends NodeKind> = z.infer<z.ZodObject<NodeShape<K>>>;

// ---------------------------------------------------------------------------------------------
// Relationships

const NOTE = {
  note: z.string().min(1).optional().describe('A remark for readers, e.g. how a hedged fact is worded.'),
};
const DATED = { date: PartialDateSchema.optional(), ...NOTE };

/** What a source can state about a relationship of each type. */
export const EDGE_PROPERTIES = {
  [RelType.HOLDS_OFFICE]: {
    title: z.string().min(1).describe('The title as the source gives it, e.g. "Foreign Minister".'),
    since: PartialDateSchema.optional(),
    until: PartialDateSchema.optional(),
    ...NOTE,
  },
  [RelType.PART_OF]: NOTE,
  [RelType.MEMBER_OF]: { role: z.enum(DelegationRole), ...NOTE },
  [RelType.REPRESENTS]: NOTE,
  [RelType.SENT_BY]: NOTE,
  [RelType.PARTICIPATED_IN]: { role: z.enum(ParticipantRole), ...NOTE },
  [RelType.DECLINED]: DATED,
  [RelType.PROPOSED]: DATED,
  [RelType.PRESENT_IN]: DATED,
  [RelType.HELD_AT]: NOTE,
  [RelType.LOCATED_IN]: NOTE,
  [RelType.FOLLOWS]: NOTE,
  [RelType.STATED_BY]: NOTE,
  [RelType.ABOUT]: NOTE,
  [RelType.MADE_AT]: NOTE,
  [RelType.MADE_DURING]: NOTE,
  [RelType.SAME_AS]: NOTE,
} satisfies Record<RelType, z.ZodRawShape>;

/** The properties a source can state about a relationship of type T. */
export type EdgeProperties<T extends RelType> = z.infer<z.ZodObject<(typeof EDGE_PROPERTIES)[T]>>;

// ---------------------------------------------------------------------------------------------
// Stored properties and their types

export type StoredType = 'string' | 'int' | 'double' | 'boolean';

export interface StoredProperty {
  readonly name: string;
  readonly type: StoredType;
  /** A list (of `type`). */
  readonly list?: true;
}

/** Document fields that are not stored as they are: the loader reads a source's text file into `text`. */
const NOT_STORED: ReadonlySet<string> = new Set(['textFile']);

/** The property every date named `date` is stored as, with its precision and span. */
export const DATE_PARTS = ['date', 'datePrecision', 'dateStart', 'dateEnd'] as const;

/** Whether a fact property is a partial date (PartialDateSchema, described or optional). */
export function isPartialDate(schema: z.ZodType): boolean {
  return DATES.has(unwrapOptional(schema));
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? unwrapOptional(schema.unwrap() as z.ZodType) : schema;
}

/** The stored properties one fact property becomes, with their types. */
export function storedForm(name: string, schema: z.ZodType): StoredProperty[] {
  if (NOT_STORED.has(name)) return [];
  if (isPartialDate(schema)) {
    return name === 'date' ? DATE_PARTS.map((part) => ({ name: part, type: 'string' })) : [{ name, type: 'string' }];
  }
  const inner = unwrapOptional(schema);
  // By zod's own type names: string formats (z.url()) are not ZodString instances.
  switch (inner._zod.def.type) {
    case 'array': {
      const item = storedForm(name, (inner as z.ZodArray<z.ZodType>).element)[0];
      return item ? [{ name, type: item.type, list: true }] : [];
    }
    case 'number':
      return [{ name, type: (inner as z.ZodNumber).isInt ? 'int' : 'double' }];
    case 'boolean':
      return [{ name, type: 'boolean' }];
    case 'string':
    case 'enum':
      return [{ name, type: 'string' }];
  }
  throw new Error(`the property record cannot store ${name}: no stored form for its schema`);
}

/** Stored properties of shapes in turn, each name once, at its first appearance. */
function storedOf(shapes: readonly z.ZodRawShape[], leaveOut: readonly string[]): readonly StoredProperty[] {
  const out = new Map<string, StoredProperty>();
  for (const shape of shapes) {
    for (const [name, schema] of Object.entries(shape)) {
      for (const stored of storedForm(name, schema as z.ZodType)) {
        const earlier = out.get(stored.name);
        if (earlier && (earlier.type !== stored.type || earlier.list !== stored.list)) {
          throw new Error(`the property ${stored.name} is stored with two types`);
        }
        if (!earlier && !leaveOut.includes(stored.name)) out.set(stored.name, stored);
      }
    }
  }
  return [...out.values()];
}

/**
 * Every property a node of some kind can have stored, in the order of this record (entity
 * properties first, then each kind's own in NodeKind order). `name` is left out: it is the
 * node's label in every format, not a property.
 */
export const STORED_NODE_PROPERTIES: readonly StoredProperty[] = storedOf(
  [ENTITY_PROPERTIES, ...Object.values(NodeKind).map((kind) => KIND_PROPERTIES[kind])],
  ['name'],
);

/** Every property a relationship of some type can have stored, in RelType order. */
export const STORED_EDGE_PROPERTIES: readonly StoredProperty[] = storedOf(
  Object.values(RelType).map((type) => EDGE_PROPERTIES[type]),
  [],
);
