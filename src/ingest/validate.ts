/**
 * Reads and checks a facts document, with no database: YAML or JSON → the zod schema → the
 * checks a schema cannot express (ids unique, references resolve, endpoint kinds fit the
 * relationship type, every quote found verbatim in the source text, dates no later than the
 * source). It lists EVERY problem it finds, each with a path, a YAML line and a stable code, so
 * an analyst fixes a document in one pass. A document with no problems comes back resolved:
 * quotes carry their offsets in the source text and dates their precision — what the loader
 * writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Evidence, edgeId } from '../model/elements';
import { type PartialDate, parsePartialDate } from '../model/partial-date';
import {
  ACTOR_KINDS,
  type DelegationRole,
  kindOfId,
  MeetingStatus,
  NodeKind,
  type ParticipantRole,
  REL_ENDPOINTS,
  RelType,
  StatementKind,
} from '../model/vocabulary';
import {
  ANY_ID,
  type EntityFact,
  type EvidenceFact,
  FactsDocumentSchema,
  type RelationshipFact,
  type SourceFact,
} from './facts.schema';

/** Stable problem codes: tools and tests match on them. Add, never rename. */
export enum ProblemCode {
  /** Not YAML or JSON (also: a key given twice in one mapping). */
  SYNTAX = 'SYNTAX',
  /** A field missing, unknown, of the wrong type or out of range. */
  SCHEMA = 'SCHEMA',
  INVALID_ID = 'INVALID_ID',
  /** Not a calendar date, wrong form, over-precise (a time on a month), or after the source. */
  INVALID_DATE = 'INVALID_DATE',
  MISSING_EVIDENCE = 'MISSING_EVIDENCE',
  /** Two entities (of the same kind or not) with one id. */
  DUPLICATE_ID = 'DUPLICATE_ID',
  /** The same relationship twice (same type, ends and key). */
  DUPLICATE_RELATIONSHIP = 'DUPLICATE_RELATIONSHIP',
  /** `from`/`to`/`publisherId` names an id neither in the document nor already in the graph. */
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  /** An endpoint's kind does not fit the relationship type (REL_ENDPOINTS). */
  KIND_MISMATCH = 'KIND_MISMATCH',
  SELF_REFERENCE = 'SELF_REFERENCE',
  /** A quote (or a QUOTE statement's text) is not a verbatim substring of the source text. */
  QUOTE_NOT_FOUND = 'QUOTE_NOT_FOUND',
  SOURCE_TEXT_UNAVAILABLE = 'SOURCE_TEXT_UNAVAILABLE',
  /** A statement without STATED_BY, or a delegation without REPRESENTS. */
  MISSING_RELATIONSHIP = 'MISSING_RELATIONSHIP',
}

export interface Problem {
  /** Where, as `entities[3].evidence[0].quote`; `(document)` for the whole document. */
  path: string;
  /** 1-based line in the document, when the path can be located. */
  line?: number;
  code: ProblemCode;
  message: string;
}

export interface ParseOptions {
  /**
   * Ids already in the graph, which relationships may refer to. A map gives their kinds; with a
   * set, the kind is read from the id's prefix.
   */
  knownIds?: ReadonlySet<string> | ReadonlyMap<string, NodeKind>;
  /**
   * Reads `source.textFile`, given relative to the document's folder. The default reads the
   * file system; pass a function to keep validation pure (tests, uploads).
   */
  readTextFile?: (relativePath: string) => string;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type ResolvedEntity = DistributiveOmit<EntityFact, 'evidence' | 'date' | 'aliases'> & {
  aliases: string[];
  evidence: Evidence[];
  /** Meetings and statements: the date with its precision. */
  date?: PartialDate;
  /** A QUOTE statement: where its `text` starts in the source text. */
  textOffset?: number;
};

export interface ResolvedRelationshipProps {
  role?: ParticipantRole | DelegationRole;
  title?: string;
  note?: string;
  date?: PartialDate;
  since?: PartialDate;
  until?: PartialDate;
}

export interface ResolvedRelationship {
  /** `from -TYPE-> to`, with `#key` when given (see `edgeId`). */
  id: string;
  type: RelType;
  from: string;
  to: string;
  key?: string;
  props: ResolvedRelationshipProps;
  evidence: Evidence[];
}

export type ResolvedSource = Omit<SourceFact, 'date' | 'text'> & { date: PartialDate; text: string };

/** A valid facts document, ready to load. */
export interface ResolvedFacts {
  version: 1;
  fileName: string;
  source: ResolvedSource;
  entities: ResolvedEntity[];
  relationships: ResolvedRelationship[];
}

export type FactsParseResult = { ok: true; document: ResolvedFacts } | { ok: false; problems: Problem[] };

type Path = (string | number)[];
type Obj = Record<string, unknown>;

export function parseFactsDocument(text: string, fileName: string, options: ParseOptions = {}): FactsParseResult {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems = new Problems(yaml, lineCounter);
  for (const error of yaml.errors) {
    problems.addAtLine(lineCounter.linePos(error.pos[0]).line, ProblemCode.SYNTAX, error.message.split('\n')[0]!);
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.sorted() };

  const data: unknown = yaml.toJS();
  const parsed = FactsDocumentSchema.safeParse(data);
  if (!parsed.success) for (const issue of parsed.error.issues) addIssue(problems, issue, data);

  const raw = isObj(data) ? data : {};
  const sourceText = readSourceText(raw.source, fileName, options, problems);
  checkSemantics(raw, sourceText, options, problems);

  if (!parsed.success || problems.list.length > 0 || sourceText === undefined) {
    return { ok: false, problems: problems.sorted() };
  }
  return { ok: true, document: resolve(parsed.data, sourceText, fileName) };
}

/** Where a quote starts in `text`: its `occurrence`-th appearance (from 1), or how often it appears. */
export function locateQuote(text: string, quote: string, occurrence = 1): { offset: number } | { count: number } {
  let count = 0;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    count += 1;
    if (count === occurrence) return { offset: at };
  }
  return { count };
}

// ---------------------------------------------------------------------------------------------
// Problems and where they are

class Problems {
  readonly list: Problem[] = [];

  constructor(
    private readonly yaml: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  add(at: Path, code: ProblemCode, message: string): void {
    this.list.push({ path: formatPath(at), line: this.lineOf(at), code, message });
  }

  addAtLine(line: number, code: ProblemCode, message: string): void {
    this.list.push({ path: '(document)', line, code, message });
  }

  sorted(): Problem[] {
    return [...this.list].sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  }

  /** The line of the deepest node on `at` that exists; a mapping entry is placed at its key. */
  private lineOf(at: Path): number | undefined {
    let node: unknown = this.yaml.contents;
    let offset = rangeStart(node);
    for (const segment of at) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment];
        offset = rangeStart(node) ?? offset;
      } else {
        break;
      }
    }
    return offset === undefined ? undefined : this.lineCounter.linePos(offset).line;
  }
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

export function formatPath(at: Path): string {
  if (at.length === 0) return '(document)';
  return at.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const ID_FIELDS = new Set(['id', 'from', 'to', 'publisherId', 'iso3']);
const DATE_FIELDS = new Set(['date', 'since', 'until', 'time']);

/** A zod issue as problems: the code from the field it is about, the message made specific. */
function addIssue(problems: Problems, issue: z.core.$ZodIssue, data: unknown): void {
  const at = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const field = at.at(-1);
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) problems.add([...at, key], ProblemCode.SCHEMA, `unknown field "${key}"`);
    return;
  }
  if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
    const value = valueAt(data, at);
    const options = ((issue as { options?: unknown[] }).options ?? []).map(String).join(', ');
    const message =
      value === undefined
        ? `${issue.discriminator} is required: one of ${options}`
        : `unknown ${issue.discriminator} ${JSON.stringify(value)}: expected one of ${options}`;
    problems.add(at, ProblemCode.SCHEMA, message);
    return;
  }
  let code = ProblemCode.SCHEMA;
  if (field === 'evidence') code = ProblemCode.MISSING_EVIDENCE;
  else if (typeof field === 'string' && DATE_FIELDS.has(field)) code = ProblemCode.INVALID_DATE;
  else if (typeof field === 'string' && ID_FIELDS.has(field) && issue.code === 'invalid_format') {
    code = ProblemCode.INVALID_ID;
  }
  const value = valueAt(data, at);
  if (issue.code === 'invalid_type' && value === undefined && field !== 'evidence') {
    problems.add(at, code, `${String(field ?? 'the document')} is required (${issue.expected})`);
    return;
  }
  const shown = typeof value === 'string' || typeof value === 'number' ? ` (${JSON.stringify(value)})` : '';
  problems.add(at, code, `${issue.message}${shown}`);
}

function valueAt(data: unknown, at: Path): unknown {
  let value = data;
  for (const segment of at) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Source text

function readSourceText(source: unknown, fileName: string, options: ParseOptions, problems: Problems) {
  if (!isObj(source)) return undefined;
  if (typeof source.text === 'string') return source.text;
  if (typeof source.textFile !== 'string') return undefined;
  const read =
    options.readTextFile ??
    ((relative: string) => fs.readFileSync(path.resolve(path.dirname(fileName), relative), 'utf8'));
  try {
    // A byte-order mark is not part of the text; offsets count from the first character.
    return read(source.textFile).replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.add(['source', 'textFile'], ProblemCode.SOURCE_TEXT_UNAVAILABLE, `cannot read the source text: ${reason}`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Checks a schema cannot express. They read the raw data leniently, so that a document with a
// schema problem in one entity still has its other entities, references and quotes checked.

interface Declared {
  index: number;
  kind: NodeKind | undefined;
}

function checkSemantics(raw: Obj, text: string | undefined, options: ParseOptions, problems: Problems): void {
  const source = isObj(raw.source) ? raw.source : {};
  const sourceDate = typeof source.date === 'string' ? parsePartialDate(source.date) : null;
  const entities = Array.isArray(raw.entities) ? raw.entities : [];
  const relationships = Array.isArray(raw.relationships) ? raw.relationships : [];

  const declared = new Map<string, Declared>();
  if (typeof source.id === 'string') declared.set(source.id, { index: -1, kind: NodeKind.Source });
  const kindOf = (id: string): NodeKind | undefined | null => {
    if (declared.has(id)) return declared.get(id)!.kind;
    const known = options.knownIds;
    if (known === undefined || !known.has(id)) return null;
    return known instanceof Map ? known.get(id) : kindOfId(id);
  };

  entities.forEach((entity, i) => {
    if (!isObj(entity)) return;
    const at: Path = ['entities', i];
    const kind = entityKind(entity.kind);
    if (typeof entity.id === 'string') {
      const earlier = declared.get(entity.id);
      if (earlier) {
        const where = earlier.index === -1 ? 'as the source id' : `at entities[${earlier.index}]`;
        const other = earlier.kind && earlier.kind !== kind ? ` (a ${earlier.kind})` : '';
        problems.add([...at, 'id'], ProblemCode.DUPLICATE_ID, `"${entity.id}" is already declared ${where}${other}`);
      } else {
        declared.set(entity.id, { index: i, kind });
      }
      const knownKind = options.knownIds instanceof Map ? options.knownIds.get(entity.id) : undefined;
      if (knownKind && kind && knownKind !== kind) {
        problems.add(
          [...at, 'kind'],
          ProblemCode.KIND_MISMATCH,
          `"${entity.id}" is already in the graph as a ${knownKind}`,
        );
      }
      if (kind === NodeKind.Country && typeof entity.iso3 === 'string' && `country:${entity.iso3}` !== entity.id) {
        problems.add(
          [...at, 'iso3'],
          ProblemCode.INVALID_ID,
          `iso3 "${entity.iso3}" differs from the id "${entity.id}"`,
        );
      }
    }
    checkEvidence(entity.evidence, at, text, problems);
    if (
      kind === NodeKind.Statement &&
      entity.statementKind === StatementKind.QUOTE &&
      typeof entity.text === 'string'
    ) {
      if (text !== undefined && 'count' in locateQuote(text, entity.text)) {
        problems.add(
          [...at, 'text'],
          ProblemCode.QUOTE_NOT_FOUND,
          `a QUOTE statement's text must be verbatim in the source${nearMissHint(text, entity.text)}`,
        );
      }
    }
    const date = typeof entity.date === 'string' ? parsePartialDate(entity.date) : null;
    if (kind === NodeKind.Meeting && entity.time !== undefined && date?.precision !== 'DAY') {
      problems.add(
        [...at, 'time'],
        ProblemCode.INVALID_DATE,
        'a time is more precise than the date: give the day (YYYY-MM-DD) or drop the time',
      );
    }
    const happened = kind === NodeKind.Statement || (kind === NodeKind.Meeting && entity.status === MeetingStatus.HELD);
    if (happened && date && sourceDate && date.start > sourceDate.end) {
      problems.add(
        [...at, 'date'],
        ProblemCode.INVALID_DATE,
        `${date.value} is after the source's date (${sourceDate.value}): the source cannot report it as past`,
      );
    }
  });

  if (typeof source.publisherId === 'string' && ANY_ID.test(source.publisherId)) {
    const kind = kindOf(source.publisherId);
    if (kind === null) {
      problems.add(['source', 'publisherId'], ProblemCode.UNKNOWN_REFERENCE, `no entity "${source.publisherId}"`);
    } else if (kind && kind !== NodeKind.Organization) {
      problems.add(
        ['source', 'publisherId'],
        ProblemCode.KIND_MISMATCH,
        `the publisher must be an Organization, not a ${kind}`,
      );
    }
  }

  const seen = new Map<string, number>();
  const linked = new Map<RelType, Set<string>>();
  relationships.forEach((relationship, i) => {
    if (!isObj(relationship)) return;
    const at: Path = ['relationships', i];
    const type = Object.values(RelType).includes(relationship.type as RelType) ? (relationship.type as RelType) : null;
    for (const end of ['from', 'to'] as const) {
      const id = relationship[end];
      if (typeof id !== 'string' || !ANY_ID.test(id)) continue;
      const kind = kindOf(id);
      if (kind === null) {
        problems.add([...at, end], ProblemCode.UNKNOWN_REFERENCE, `no entity "${id}" in this document or the graph`);
      } else if (type && kind && !REL_ENDPOINTS[type][end].includes(kind)) {
        const allowed = describeKinds(REL_ENDPOINTS[type][end]);
        problems.add(
          [...at, end],
          ProblemCode.KIND_MISMATCH,
          `${type} ${end === 'from' ? 'starts at' : 'ends at'} ${allowed}; "${id}" is a ${kind}`,
        );
      }
    }
    const { from, to, key } = relationship;
    if (typeof from === 'string' && from === to) {
      problems.add([...at, 'to'], ProblemCode.SELF_REFERENCE, `"${from}" cannot be related to itself`);
    }
    if (type && typeof from === 'string' && typeof to === 'string') {
      const signature = `${from} ${type} ${to} ${typeof key === 'string' ? key : ''}`;
      const earlier = seen.get(signature);
      if (earlier !== undefined) {
        problems.add(
          at,
          ProblemCode.DUPLICATE_RELATIONSHIP,
          `the same ${type} from "${from}" to "${to}" as relationships[${earlier}]; merge their evidence, or tell them apart with a key`,
        );
      } else {
        seen.set(signature, i);
      }
      if (!linked.has(type)) linked.set(type, new Set());
      linked.get(type)!.add(from);
    }
    checkEvidence(relationship.evidence, at, text, problems);
    checkRelationshipDates(relationship, type, at, sourceDate, problems);
  });

  entities.forEach((entity, i) => {
    if (!isObj(entity) || typeof entity.id !== 'string' || declared.get(entity.id)?.index !== i) return;
    const kind = entityKind(entity.kind);
    if (kind === NodeKind.Statement && !linked.get(RelType.STATED_BY)?.has(entity.id)) {
      problems.add(
        ['entities', i],
        ProblemCode.MISSING_RELATIONSHIP,
        `statement "${entity.id}" has no STATED_BY: who said it?`,
      );
    }
    if (kind === NodeKind.Delegation && !linked.get(RelType.REPRESENTS)?.has(entity.id)) {
      problems.add(
        ['entities', i],
        ProblemCode.MISSING_RELATIONSHIP,
        `delegation "${entity.id}" has no REPRESENTS: which country does it represent?`,
      );
    }
  });
}

function checkEvidence(evidence: unknown, at: Path, text: string | undefined, problems: Problems): void {
  if (text === undefined || !Array.isArray(evidence)) return;
  evidence.forEach((item, j) => {
    if (!isObj(item) || typeof item.quote !== 'string' || item.quote.length === 0) return;
    const occurrence = typeof item.occurrence === 'number' && item.occurrence >= 1 ? item.occurrence : 1;
    const found = locateQuote(text, item.quote, occurrence);
    if ('offset' in found) return;
    const message =
      found.count > 0
        ? `the quote occurs ${found.count} time(s) in the source, not ${occurrence}`
        : `the quote is not verbatim in the source text${nearMissHint(text, item.quote)}`;
    problems.add([...at, 'evidence', j, 'quote'], ProblemCode.QUOTE_NOT_FOUND, message);
  });
}

function checkRelationshipDates(
  relationship: Obj,
  type: RelType | null,
  at: Path,
  sourceDate: PartialDate | null,
  problems: Problems,
): void {
  const props = isObj(relationship.props) ? relationship.props : {};
  const dateOf = (field: string) => (typeof props[field] === 'string' ? parsePartialDate(props[field]) : null);
  const date = dateOf('date');
  // Presence and refusal are past events; a proposal may name a future date.
  if ((type === RelType.PRESENT_IN || type === RelType.DECLINED) && date && sourceDate && date.start > sourceDate.end) {
    problems.add(
      [...at, 'props', 'date'],
      ProblemCode.INVALID_DATE,
      `${date.value} is after the source's date (${sourceDate.value}): the source cannot report it as past`,
    );
  }
  const since = dateOf('since');
  const until = dateOf('until');
  if (since && until && since.start > until.end) {
    problems.add(
      [...at, 'props', 'until'],
      ProblemCode.INVALID_DATE,
      `until (${until.value}) is before since (${since.value})`,
    );
  }
}

/** Says why a quote that is not verbatim looks close: the usual copying slips. */
function nearMissHint(text: string, quote: string): string {
  const fold = (s: string) =>
    s
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201C\u201D]/g, '"')
      .replace(/[\u2013\u2014]/g, '-')
      .replace(/\s+/g, ' ')
      .toLowerCase();
  return fold(text).includes(fold(quote))
    ? ' (it is there with different spacing, case, quotes or dashes: copy the characters exactly)'
    : '';
}

function entityKind(kind: unknown): NodeKind | undefined {
  return Object.values(NodeKind).includes(kind as NodeKind) && kind !== NodeKind.Source
    ? (kind as NodeKind)
    : undefined;
}

function describeKinds(kinds: readonly NodeKind[]): string {
  if (kinds === ACTOR_KINDS) return 'an actor (Country, Organization, Person or Delegation)';
  return `a ${kinds.join(' or ')}`;
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Resolution of a valid document

function resolve(document: z.infer<typeof FactsDocumentSchema>, text: string, fileName: string): ResolvedFacts {
  const sourceId = document.source.id;
  const evidence = (items: EvidenceFact[]): Evidence[] =>
    items.map((item) => {
      const found = locateQuote(text, item.quote, item.occurrence ?? 1);
      // Checked before resolution: every quote was found.
      return { sourceId, quote: item.quote, offset: 'offset' in found ? found.offset : -1 };
    });
  const date = (value: string | undefined) =>
    value === undefined ? undefined : (parsePartialDate(value) ?? undefined);

  const { text: _inline, date: sourceDate, ...source } = document.source;
  return {
    version: 1,
    fileName,
    source: { ...source, date: parsePartialDate(sourceDate)!, text },
    entities: document.entities.map((entity) => resolveEntity(entity, evidence(entity.evidence), date, text)),
    relationships: (document.relationships ?? []).map((relationship) =>
      resolveRelationship(relationship, evidence(relationship.evidence), date),
    ),
  };
}

function resolveEntity(
  entity: EntityFact,
  evidence: Evidence[],
  date: (value: string | undefined) => PartialDate | undefined,
  text: string,
): ResolvedEntity {
  const { evidence: _evidence, aliases, ...rest } = entity;
  const resolved = { ...rest, aliases: aliases ?? [], evidence } as ResolvedEntity;
  if (entity.kind === NodeKind.Meeting || entity.kind === NodeKind.Statement) {
    const value = date(entity.date);
    if (value) resolved.date = value;
    else delete resolved.date;
  }
  if (entity.kind === NodeKind.Country) (resolved as { iso3?: string }).iso3 = entity.id.slice('country:'.length);
  if (entity.kind === NodeKind.Statement && entity.statementKind === StatementKind.QUOTE) {
    const found = locateQuote(text, entity.text);
    if ('offset' in found) resolved.textOffset = found.offset;
  }
  return resolved;
}

function resolveRelationship(
  relationship: RelationshipFact,
  evidence: Evidence[],
  date: (value: string | undefined) => PartialDate | undefined,
): ResolvedRelationship {
  const given = (relationship.props ?? {}) as Record<string, string | undefined>;
  const props: ResolvedRelationshipProps = {};
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (name === 'date' || name === 'since' || name === 'until') props[name] = date(value);
    else if (name === 'role') props.role = value as ParticipantRole | DelegationRole;
    else if (name === 'title' || name === 'note') props[name] = value;
  }
  const { type, from, to, key } = relationship;
  return { id: edgeId(from, type, to, key), type, from, to, ...(key ? { key } : {}), props, evidence };
}
