/**
 * Reads and checks a facts document, with no database: YAML or JSON (aliases expanded within a
 * limit) → the zod schema → the rules of rules/ for what a schema cannot express (ids unique,
 * references resolve, endpoint kinds fit the relationship type, every quote found verbatim in the
 * source text, dates no later than the source); what the graph holds comes in through
 * ParseOptions (see graph-context.ts). It lists EVERY problem it finds, each with a path, a YAML line and a stable code, so
 * an analyst fixes a document in one pass. A document with no problems comes back resolved:
 * quotes carry their offsets in the source text and dates their precision — what the loader
 * writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { DEFAULT_MAX_YAML_ALIASES } from '../config';
import { type Evidence, edgeId } from '../model/elements';
import { type PartialDate, parsePartialDate } from '../model/partial-date';
import { type DelegationRole, NodeKind, type ParticipantRole, type RelType, StatementKind } from '../model/vocabulary';
import {
  type EntityFact,
  type EvidenceFact,
  FactsDocumentSchema,
  type RelationshipFact,
  type SourceFact,
} from './facts.schema';
import { formatPath, type Path, type Problem, ProblemCode } from './problems';
import { locateQuote } from './quotes';
import { specifiedRules } from './rules';
import { createContext, isObj } from './rules/context';

export { formatPath, type Problem, ProblemCode } from './problems';
export { locateQuote } from './quotes';

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
  /**
   * Relationships the graph already has, as `"<fromId> <TYPE>"` (see `knownRelationshipKey`): a
   * redeclared delegation or statement need not repeat its REPRESENTS or STATED_BY.
   */
  knownRelationships?: ReadonlySet<string>;
  /** More ids of the graph that an unknown reference may have meant ("did you mean"). */
  candidates?: Iterable<string>;
  /**
   * How far YAML aliases may expand (yaml's `maxAliasCount`: each use of an anchor, weighted by
   * the nesting and aliases inside it); past it the document is refused (TOO_MANY_ALIASES), not
   * expanded. 0 allows no alias. Default: MAX_YAML_ALIASES' default in config.ts.
   */
  maxAliasCount?: number;
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

export function parseFactsDocument(text: string, fileName: string, options: ParseOptions = {}): FactsParseResult {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems = new Problems(yaml, lineCounter);
  for (const error of yaml.errors) {
    problems.addAtLine(lineCounter.linePos(error.pos[0]).line, ProblemCode.SYNTAX, error.message.split('\n')[0]!);
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.sorted() };

  let data: unknown;
  try {
    data = yaml.toJS({ maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_YAML_ALIASES });
  } catch (error) {
    problems.add([], ...expansionProblem(error, options.maxAliasCount ?? DEFAULT_MAX_YAML_ALIASES));
    return { ok: false, problems: problems.sorted() };
  }
  const parsed = FactsDocumentSchema.safeParse(data);
  if (!parsed.success) for (const issue of parsed.error.issues) addIssue(problems, issue, data);

  const raw = isObj(data) ? data : {};
  const sourceText = readSourceText(raw.source, fileName, options, problems);
  const context = createContext(raw, sourceText, options, (at, code, message, details) =>
    problems.add(at, code, message, details),
  );
  for (const rule of specifiedRules) rule(context);

  if (!parsed.success || problems.list.length > 0 || sourceText === undefined) {
    return { ok: false, problems: problems.sorted() };
  }
  return { ok: true, document: resolve(parsed.data, sourceText, fileName) };
}

/**
 * Why yaml refused to build the data. It throws a ReferenceError ("Excessive alias count …") for
 * aliases that expand past maxAliasCount, before expanding them: a billion-laughs document is
 * refused in the time it takes to count.
 */
function expansionProblem(error: unknown, limit: number): [ProblemCode, string] {
  const message = error instanceof Error ? error.message : String(error);
  // "Excessive alias count …", or "Alias resolution is disabled" when the limit is 0.
  if (error instanceof ReferenceError && /alias/i.test(message)) {
    return [
      ProblemCode.TOO_MANY_ALIASES,
      `YAML aliases expand to more than ${limit} copies (anchors used over and over, or aliases of aliases): write the values out, or raise MAX_YAML_ALIASES`,
    ];
  }
  return [ProblemCode.SYNTAX, message.split('\n')[0]!];
}

// ---------------------------------------------------------------------------------------------
// Problems and where they are

class Problems {
  readonly list: Problem[] = [];

  constructor(
    private readonly yaml: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  add(at: Path, code: ProblemCode, message: string, details: { suggestion?: string } = {}): void {
    this.list.push({ path: formatPath(at), line: this.lineOf(at), code, message, ...details });
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
