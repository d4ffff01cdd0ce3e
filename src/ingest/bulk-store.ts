/**
 * The bulk path for a big load into an EMPTY graph: the same plans as `loadPlan` and
 * `loadPlansInBatches`, the same claims and the same derived values (the same record builders
 * from load.ts and the rule of model/claims.ts), written as CSV files and loaded by Neo4j's own
 * offline importer into a new store folder (src/graph/neo4j-import.ts); constraints and indexes
 * are built once the Neo4j on that folder is started (`finishBulkImport`).
 *
 * Why the importer: one writing transaction keeps one Neo4j core busy and tops out near 23k
 * relationships/s whatever the statement, and every node written online also updates two
 * uniqueness indexes and the full-text index. The importer writes store files on every core and
 * builds indexes afterwards, in one pass each.
 *
 * Plans are read twice (`plans` is called once per pass), so memory stays flat: the first pass
 * only marks, in two small Bloom filters, the ids claimed more than once (by several sources, or
 * twice by one); the second derives everything claimed once as it streams and holds only the
 * claims of those (a false positive only holds a claim that did not need holding).
 */
import fs from 'node:fs';
import path from 'node:path';
import { appError, ErrorCode } from '../errors';
import type { Executor } from '../graph/executor';
import { readSchemaStatements } from '../graph/migrations';
import { runNeo4jImport, storeExists } from '../graph/neo4j-import';
import { type Claim, derive } from '../model/claims';
import type { PropertyValue } from '../model/elements';
import { CLAIM_LABEL, ENTITY_LABEL, NodeKind } from '../model/vocabulary';
import {
  AWAIT_INDEXES_LONG,
  BULK_FIX_LABEL,
  CARRIAGE_RETURN_STAND_IN,
  EMPTY_LISTS_MARKER,
  FIX_MARKED_NODES,
  FIX_MARKED_RELATIONSHIPS,
  LINE_BREAKS_MARKER,
  LINE_FEED_STAND_IN,
} from './bulk-store.cypher';
import { invalidDocument } from './import';
import {
  type ClaimSubject,
  claimRecord,
  claimValues,
  elementRecord,
  type LoadPlan,
  nodeRecord,
  sourceRecord,
} from './load';
import { planFromFacts } from './plan';
import { knownRelationshipKey } from './rules/required-relationships';
import { parseFactsDocument } from './validate';

/** Called once per pass: each call streams the same plans, in the same order. */
export type PlanSource = () => Iterable<LoadPlan> | AsyncIterable<LoadPlan>;

export interface BulkStoreOptions {
  /** The new store's folder: the project's Neo4j home (LOCAL_NEO4J_DATA_DIR); must hold no database. */
  dataDir: string;
  /** Where the CSV files go (default `<dataDir>/bulk-import`); removed after the import. */
  csvDir?: string;
  keepCsv?: boolean;
  importHeapMb?: number;
  importOffHeapMb?: number;
  log?: (line: string) => void;
}

/** Whether any node or relationship row holds an empty list or a line break (see bulk-store.cypher.ts). */
export interface BulkFixes {
  nodes: boolean;
  relationships: boolean;
}

export interface BulkStoreResult {
  nodes: number;
  relationships: number;
  claims: number;
  sources: number;
  /** Ids held in memory in the second pass (claimed more than once, or false positives). */
  held: number;
  csvMilliseconds: number;
  importMilliseconds: number;
  importSummary: string;
  fixes: BulkFixes;
}

/** Separates array elements in a CSV field; a value holding it is refused. */
const ARRAY_DELIMITER = '\u001f';
const PROPERTY_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Writes the plans' graph into a new store folder. Refuses (CONFLICT) when the folder already
 * holds a database: the importer only writes a new graph; an existing one takes
 * `loadPlansInBatches`.
 */
export async function importPlansIntoNewStore(plans: PlanSource, options: BulkStoreOptions): Promise<BulkStoreResult> {
  if (storeExists(options.dataDir)) {
    throw appError(
      ErrorCode.CONFLICT,
      `${options.dataDir} already holds a database: the bulk path only writes a new, empty graph (load into an existing one with loadPlansInBatches).`,
    );
  }
  const log = options.log ?? (() => undefined);
  const csvDir = options.csvDir ?? path.join(options.dataDir, 'bulk-import');
  fs.rmSync(csvDir, { recursive: true, force: true });
  fs.mkdirSync(csvDir, { recursive: true });
  const began = Date.now();
  const files = new CsvFiles(csvDir);
  let counts: Omit<BulkStoreResult, 'csvMilliseconds' | 'importMilliseconds' | 'importSummary' | 'fixes'>;
  try {
    const repeated = await markRepeatedIds(plans);
    log(`bulk: first pass done in ${Date.now() - began} ms`);
    counts = await writeRows(plans, repeated, files);
  } finally {
    files.close();
  }
  const csvMilliseconds = Date.now() - began;
  log(`bulk: CSV files written in ${csvMilliseconds} ms`);
  try {
    const run = await runNeo4jImport(
      options.dataDir,
      { nodes: files.nodeFiles(), relationships: files.relationshipFiles(), arrayDelimiter: ARRAY_DELIMITER },
      { heapMb: options.importHeapMb, offHeapMb: options.importOffHeapMb, log },
    );
    return {
      ...counts,
      csvMilliseconds,
      importMilliseconds: run.milliseconds,
      importSummary: run.summary,
      fixes: files.fixes(),
    };
  } finally {
    if (!options.keepCsv) fs.rmSync(csvDir, { recursive: true, force: true });
  }
}

/**
 * On the Neo4j started on the new store: sets the empty lists and line breaks the importer could
 * not write, then creates the schema (schema/constraints.cypher) and waits until every index is
 * online. Plain and full-text indexes are created first: they fill in the background, beside
 * the constraints, which fill one at a time as each is created.
 */
export async function finishBulkImport(
  executor: Executor,
  result: Pick<BulkStoreResult, 'fixes'>,
  { awaitSeconds = 3600, log }: { awaitSeconds?: number; log?: (line: string) => void } = {},
): Promise<{ milliseconds: number }> {
  const began = Date.now();
  const timeout = awaitSeconds * 1000;
  const step = async (what: string, run: () => Promise<unknown>) => {
    const at = Date.now();
    await run();
    log?.(`bulk: ${what} in ${Date.now() - at} ms`);
  };
  const stand = { lf: LINE_FEED_STAND_IN, cr: CARRIAGE_RETURN_STAND_IN };
  if (result.fixes.nodes) await step('marked nodes fixed', () => executor.autoCommit(FIX_MARKED_NODES, stand, timeout));
  if (result.fixes.relationships) {
    await step('marked relationships fixed', () => executor.autoCommit(FIX_MARKED_RELATIONSHIPS, stand, timeout));
  }
  const schema = readSchemaStatements();
  const isConstraint = (s: { text: string }) => /^CREATE\s+CONSTRAINT\b/i.test(s.text);
  for (const statement of [...schema.filter((s) => !isConstraint(s)), ...schema.filter(isConstraint)]) {
    await step(statement.text.split('\n')[0]!.slice(0, 80), () => executor.autoCommit(statement, {}, timeout));
  }
  await step('indexes online', () => executor.autoCommit(AWAIT_INDEXES_LONG, { seconds: awaitSeconds }, timeout));
  return { milliseconds: Date.now() - began };
}

// ---------------------------------------------------------------------------------------------
// First pass: which ids are claimed more than once

async function markRepeatedIds(plans: PlanSource): Promise<BloomFilter> {
  const seen = new BloomFilter(28);
  const repeated = new BloomFilter(24);
  const note = (id: string) => {
    if (seen.has(id)) repeated.add(id);
    else seen.add(id);
  };
  for await (const plan of plans()) {
    for (const node of plan.nodes) note(node.kind === NodeKind.Source ? `\u0000${node.id}` : node.id);
    for (const edge of plan.edges) note(edge.id);
  }
  return repeated;
}

/** A Bloom filter of strings with two hash functions over 2^log2Bits bits. */
class BloomFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(log2Bits: number) {
    this.bits = new Uint32Array(2 ** (log2Bits - 5));
    this.mask = 2 ** log2Bits - 1;
  }

  add(key: string): void {
    const [a, b] = this.hashes(key);
    this.bits[a >>> 5]! |= 1 << (a & 31);
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }

  has(key: string): boolean {
    const [a, b] = this.hashes(key);
    return (this.bits[a >>> 5]! & (1 << (a & 31))) !== 0 && (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  private hashes(key: string): [number, number] {
    // FNV-1a and a multiplicative hash, both over UTF-16 code units.
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    return [(h1 >>> 0) & this.mask, (h2 >>> 0) & this.mask];
  }
}

// ---------------------------------------------------------------------------------------------
// Second pass: claims and derived values, as loadPlansInBatches would leave them

interface Held {
  subject: ClaimSubject;
  /** Claims by source, in the order they were last made. */
  claims: Map<string, Claim>;
}

async function writeRows(plans: PlanSource, repeated: BloomFilter, files: CsvFiles) {
  const counts = { nodes: 0, relationships: 0, claims: 0, sources: 0, held: 0 };
  const held = new Map<string, Held>();
  const sourceDates = new Map<string, string | null>();
  const sources = new Map<string, Record<string, PropertyValue>>();

  const emit = (subject: ClaimSubject, claims: Claim[]) => {
    const derived = derive(claims);
    if (subject.node) {
      files.node([ENTITY_LABEL, subject.node.kind], nodeRecord(subject.id, derived));
      counts.nodes += 1;
    } else {
      const { type, from, to } = subject.edge!;
      files.relationship(type, from, to, { id: subject.id, ...elementRecord(derived) });
      counts.relationships += 1;
    }
    for (const claim of claims) {
      files.node([CLAIM_LABEL], claimRecord(subject, claim, `${subject.id}|${claim.sourceId}`));
      counts.claims += 1;
    }
  };
  const take = (subject: ClaimSubject, claim: Claim) => {
    if (!repeated.has(subject.id)) {
      emit(subject, [claim]);
      return;
    }
    let entry = held.get(subject.id);
    if (!entry) {
      entry = { subject, claims: new Map() };
      held.set(subject.id, entry);
    } else if (subject.node && entry.subject.node?.kind !== subject.node.kind) {
      throw appError(
        ErrorCode.INVALID_DOCUMENT,
        `${subject.id} is claimed as ${entry.subject.node?.kind ?? 'a relationship'} and as ${subject.node.kind}`,
      );
    }
    entry.claims.delete(claim.sourceId);
    entry.claims.set(claim.sourceId, claim);
  };

  for await (const plan of plans()) {
    const own = plan.nodes.find((n) => n.kind === NodeKind.Source && n.id === plan.sourceId);
    // As loadPlan: the plan's own source node's date, else the one the graph holds by now.
    const sourceDate = (own?.props.dateStart as string | undefined) ?? sourceDates.get(plan.sourceId) ?? null;
    for (const node of plan.nodes) {
      if (node.kind !== NodeKind.Source) continue;
      const record = sourceRecord(node);
      sources.set(node.id, record);
      sourceDates.set(node.id, (record.dateStart as string | undefined) ?? null);
    }
    for (const node of plan.nodes) {
      if (node.kind === NodeKind.Source) continue;
      const claim = { sourceId: plan.sourceId, sourceDate, values: claimValues(node.props), evidence: node.evidence };
      take({ id: node.id, node: { kind: node.kind } }, claim);
    }
    for (const edge of plan.edges) {
      const claim = { sourceId: plan.sourceId, sourceDate, values: claimValues(edge.props), evidence: edge.evidence };
      take({ id: edge.id, edge: { type: edge.type, from: edge.from, to: edge.to } }, claim);
    }
  }
  for (const [id, record] of sources) {
    files.node([ENTITY_LABEL, NodeKind.Source], { ...record, id });
    counts.sources += 1;
    counts.nodes += 1;
  }
  counts.held = held.size;
  for (const entry of held.values()) {
    // As loadPlansInBatches leaves them: every claim but the last one made was read back from
    // its Claim node, where the evidence's source is the claim's own.
    const claims = [...entry.claims.values()];
    const last = claims.length - 1;
    emit(
      entry.subject,
      claims.map((c, i) =>
        i === last ? c : { ...c, evidence: c.evidence.map((e) => ({ ...e, sourceId: c.sourceId })) },
      ),
    );
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// CSV files for the importer: one per shape of row (labels or type, and typed columns)

class CsvGroup {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(
    readonly file: string,
    header: string,
  ) {
    this.fd = fs.openSync(file, 'w');
    this.push(`${header}\n`);
  }

  push(line: string): void {
    this.buffer.push(line);
    this.size += line.length;
    if (this.size > 1 << 22) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** One row's cells, and what its shape is: its columns' signature and whether it needs fixing. */
interface EncodedRow {
  /** Each present property's name and type code, in the record's order (the group's key). */
  signature: string;
  /** The comma-separated cells of the present, non-empty properties. */
  cells: string;
  empty: readonly string[];
  lineBreaks: readonly string[];
}

/** The typed columns of a row, collected only for the first row of a file (its header). */
interface Columns {
  keys: string[];
  types: string[];
}

class CsvFiles {
  private readonly groups = new Map<string, CsvGroup>();
  private readonly nodeGroups: CsvGroup[] = [];
  private readonly relationshipGroups: CsvGroup[] = [];
  private marked = { nodes: false, relationships: false };

  constructor(private readonly dir: string) {}

  node(labels: string[], props: Record<string, unknown>): void {
    const row = encodeRow(props);
    const fix = row.empty.length > 0 || row.lineBreaks.length > 0;
    if (fix) this.marked.nodes = true;
    // The importer splits labels at the array delimiter too.
    const label = (fix ? [...labels, BULK_FIX_LABEL] : labels).join(ARRAY_DELIMITER);
    const key = `n${label}|${row.signature}`;
    const group =
      this.groups.get(key) ??
      this.open(key, `:LABEL,${header(props, row, labels[0] !== CLAIM_LABEL)}`, this.nodeGroups);
    group.push(`"${label}",${row.cells}${markerCells(row)}\n`);
  }

  relationship(type: string, from: string, to: string, props: Record<string, unknown>): void {
    const row = encodeRow(props);
    if (row.empty.length > 0 || row.lineBreaks.length > 0) this.marked.relationships = true;
    const key = `r${type}|${row.signature}`;
    const group =
      this.groups.get(key) ??
      this.open(key, `:START_ID,:END_ID,:TYPE,${header(props, row, false)}`, this.relationshipGroups);
    group.push(`${quote(from)},${quote(to)},${type},${row.cells}${markerCells(row)}\n`);
  }

  nodeFiles(): string[] {
    return this.nodeGroups.map((g) => g.file);
  }

  relationshipFiles(): string[] {
    return this.relationshipGroups.map((g) => g.file);
  }

  /** Whether any node or relationship row carries a marker (and so needs `finishBulkImport`'s fix). */
  fixes(): BulkFixes {
    return { ...this.marked };
  }

  close(): void {
    for (const group of this.groups.values()) group.close();
  }

  /** A new file for rows whose key (kind and signature) no file has yet. */
  private open(key: string, header: string, list: CsvGroup[]): CsvGroup {
    const group = new CsvGroup(
      path.join(this.dir, `${list === this.nodeGroups ? 'nodes' : 'relationships'}-${this.groups.size}.csv`),
      header,
    );
    this.groups.set(key, group);
    list.push(group);
    return group;
  }
}

/**
 * A row's cells, in the record's own order; null values are left out, as SET does. Rows of one
 * record builder share an order, so the signature (names, types and markers) picks their file
 * without sorting. Line breaks become the stand-ins, so no cell spans lines and the importer
 * parses every file in parallel.
 */
function encodeRow(props: Record<string, unknown>, columns?: Columns): EncodedRow {
  let signature = '';
  const cells: string[] = [];
  let empty: string[] = NONE;
  let lineBreaks: string[] = NONE;
  for (const key in props) {
    const value = props[key];
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) {
      if (empty === NONE) empty = [];
      empty.push(key);
      signature += `${key}:[],`;
      continue;
    }
    let type: string;
    let cell: string;
    let broken = false;
    if (typeof value === 'string') {
      // Most cells: a string, handled here without encodeValue's tuple.
      type = 'string';
      broken = LINE_BREAK.test(value);
      cell = quote(broken ? oneLine(key, value) : value);
    } else {
      [type, cell, broken] = encodeValue(key, value);
    }
    if (broken) {
      if (lineBreaks === NONE) lineBreaks = [];
      lineBreaks.push(key);
    }
    columns?.keys.push(key);
    columns?.types.push(type);
    signature += `${key}:${type},`;
    cells.push(cell);
  }
  if (lineBreaks.length > 0) signature += '|lines';
  return { signature, cells: cells.join(','), empty, lineBreaks };
}

/** What a row without empty lists or line breaks holds of them (never written to). */
const NONE: string[] = [];

/** The header of a file of rows shaped like `props` (encoded as `row`); checks the names once per file. */
function header(props: Record<string, unknown>, row: EncodedRow, isEntity: boolean): string {
  const shape: Columns = { keys: [], types: [] };
  encodeRow(props, shape);
  for (const key of [...shape.keys, ...row.empty]) {
    if (!PROPERTY_KEY.test(key) || key === EMPTY_LISTS_MARKER || key === LINE_BREAKS_MARKER) {
      throw appError(ErrorCode.INVALID_DOCUMENT, `property name ${JSON.stringify(key)} cannot be bulk-loaded`);
    }
  }
  const columns = shape.keys.map((key, i) => (isEntity && key === 'id' ? 'id:ID' : `${key}:${shape.types[i]}`));
  if (row.empty.length > 0) columns.push(`${EMPTY_LISTS_MARKER}:string[]`);
  if (row.lineBreaks.length > 0) columns.push(`${LINE_BREAKS_MARKER}:string[]`);
  return columns.join(',');
}

function markerCells(row: EncodedRow): string {
  let cells = '';
  if (row.empty.length > 0) cells += `,"${row.empty.join(ARRAY_DELIMITER)}"`;
  if (row.lineBreaks.length > 0) cells += `,"${row.lineBreaks.join(ARRAY_DELIMITER)}"`;
  return cells;
}

const quote = (text: string) => (text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`);

const LINE_BREAK = /[\r\n]/;
const LINE_BREAKS = /[\r\n]/g;
const STAND_INS = new RegExp(`[${LINE_FEED_STAND_IN}${CARRIAGE_RETURN_STAND_IN}]`);

/** A string without line breaks; a value holding both one and a stand-in is refused. */
function oneLine(key: string, text: string): string {
  if (STAND_INS.test(text)) {
    throw appError(
      ErrorCode.INVALID_DOCUMENT,
      `a value of ${key} holds both a line break and a character the bulk loader writes for one (U+001D, U+001E)`,
    );
  }
  return text.replace(LINE_BREAKS, (c) => (c === '\n' ? LINE_FEED_STAND_IN : CARRIAGE_RETURN_STAND_IN));
}

/**
 * The importer's type of a value other than a string (encodeRow writes those), as the driver
 * would send it (safe integers as longs), its cell, and whether its line breaks were replaced by
 * the stand-ins.
 */
function encodeValue(key: string, value: unknown): [type: string, cell: string, lineBreaks: boolean] {
  const scalar = scalarType(value);
  if (scalar !== undefined && scalar !== 'string') return [scalar, String(value), false];
  if (Array.isArray(value)) {
    const type = scalarType(value[0]);
    let broken = false;
    const parts: string[] = [];
    for (const element of value) {
      if (type === undefined || scalarType(element) !== type) {
        throw appError(ErrorCode.INVALID_DOCUMENT, `${key} holds a value Neo4j cannot store as a property`);
      }
      let part = String(element);
      if (part.includes(ARRAY_DELIMITER)) {
        throw appError(
          ErrorCode.INVALID_DOCUMENT,
          `a value of ${key} holds the bulk loader's array delimiter (U+001F)`,
        );
      }
      if (type === 'string' && LINE_BREAK.test(part)) {
        part = oneLine(key, part);
        broken = true;
      }
      parts.push(part);
    }
    return [`${type}[]`, quote(parts.join(ARRAY_DELIMITER)), broken];
  }
  throw appError(ErrorCode.INVALID_DOCUMENT, `${key} holds a value Neo4j cannot store as a property`);
}

function scalarType(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isSafeInteger(value) ? 'long' : 'double';
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Facts documents for the bulk path

/**
 * The plans of facts documents loaded together into an empty graph: each validated as
 * `importFacts` would after the ones before it (their ids and required relationships count as
 * in the graph). A document with any problem refuses the whole load (INVALID_DOCUMENT).
 */
export function plansFromFiles(files: string[], maxAliasCount?: number): LoadPlan[] {
  const knownIds = new Map<string, NodeKind>();
  const knownRelationships = new Set<string>();
  return files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const parsed = parseFactsDocument(text, file, {
      readTextFile: (relative) => fs.readFileSync(path.resolve(path.dirname(file), relative), 'utf8'),
      maxAliasCount,
      knownIds,
      knownRelationships,
      candidates: [...knownIds.keys()],
    });
    if (!parsed.ok) throw invalidDocument(path.basename(file), parsed.problems);
    const plan = planFromFacts(parsed.document);
    for (const node of plan.nodes) if (node.kind !== NodeKind.Source) knownIds.set(node.id, node.kind);
    for (const edge of plan.edges) knownRelationships.add(knownRelationshipKey(edge.from, edge.type));
    return plan;
  });
}
