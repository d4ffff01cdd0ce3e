/**
 * Writes one source's claims into Neo4j in ONE transaction, and derives from all claims what the
 * graph shows (model/claims.ts). For every node and relationship the plan touches:
 *   1. read every source's claims on it;
 *   2. swap this source's claim for the plan's;
 *   3. derive the current values again and write them (or delete the element when no claim is left).
 * Nothing a source says overwrites another source's claim, and the derived values depend only on
 * the claims, so the order of imports does not matter, importing twice equals once (an unchanged
 * claim writes nothing) and removing a source gives the graph without it.
 *
 * A *complete* plan is everything its source says (a facts document): this source's claims on
 * elements outside it are retracted. A partial plan (a bulk batch) only adds and replaces. The
 * same planning answers dry runs: they read, report and write nothing.
 */
import { appError, ErrorCode } from '../errors';
import type { Executor, Tx } from '../graph/executor';
import { type Claim, DERIVED_PARTS, type Derived, derive, stableJson } from '../model/claims';
import { type Evidence, evidenceFromLists, type PropertyValue, searchText } from '../model/elements';
import { NodeKind, type RelType } from '../model/vocabulary';
import {
  CLAIMS_OF_SUBJECTS,
  DELETE_CLAIMS,
  DELETE_EDGES,
  DELETE_NODES,
  DELETE_SOURCE,
  DEPENDENT_EDGES,
  EXISTING_KINDS,
  GRAPH_IS_EMPTY,
  GRAPH_PREDATES_CLAIMS,
  SOURCE_STATE,
  SUBJECTS_OF_SOURCE,
  UPSERT_CLAIMS,
  WRITE_EDGES,
  WRITE_NODES,
  WRITE_SOURCE,
} from './load.cypher';
import type { ChangeCounts, Conflict, ImportReport } from './report';

export interface LoadNode {
  id: string;
  kind: NodeKind;
  /** Stored properties, name and aliases included (undefined: not stated). */
  props: Record<string, PropertyValue | undefined>;
  evidence: Evidence[];
}

export interface LoadEdge {
  id: string;
  type: RelType;
  from: string;
  to: string;
  props: Record<string, PropertyValue | undefined>;
  evidence: Evidence[];
}

/**
 * What one source says, ready to write: its own node (kind Source, id `sourceId`; a bulk batch
 * after the first may leave it out) and its claims on nodes and relationships.
 */
export interface LoadPlan {
  sourceId: string;
  nodes: LoadNode[];
  edges: LoadEdge[];
}

export interface LoadOptions {
  /** The plan is all its source says: its claims on anything else are retracted. */
  complete?: boolean;
  /** A different stored text of the source may be replaced (its claims are all re-made). */
  replace?: boolean;
  dryRun?: boolean;
  /** Remove the source itself (with a complete, empty plan). */
  removeSource?: boolean;
  timeoutMs?: number;
}

export interface LoadResult {
  sourceId: string;
  nodes: number;
  relationships: number;
  milliseconds: number;
  report: ImportReport;
}

const BATCH = 5000;

export async function loadPlan(executor: Executor, plan: LoadPlan, options: LoadOptions = {}): Promise<LoadResult> {
  const began = Date.now();
  const work = (tx: Tx) => applyPlan(tx, plan, options);
  const name = `${options.removeSource ? 'remove' : 'load'} ${plan.sourceId}`;
  const report = options.dryRun
    ? await executor.readTransaction(work, name)
    : await executor.writeTransaction(work, name, options.timeoutMs ?? 300_000);
  report.milliseconds = Date.now() - began;
  return {
    sourceId: plan.sourceId,
    nodes: plan.nodes.length,
    relationships: plan.edges.length,
    milliseconds: report.milliseconds,
    report,
  };
}

export async function graphIsEmpty(executor: Executor): Promise<boolean> {
  const [row] = await executor.read<{ empty: boolean }>(GRAPH_IS_EMPTY);
  return row?.empty ?? true;
}

/**
 * A graph written before claims were kept has values but not who said them: its sources must
 * be imported again (each import turns what it states into claims) before one can be removed.
 */
export async function graphPredatesClaims(executor: Executor): Promise<boolean> {
  const [row] = await executor.read<{ predates: boolean }>(GRAPH_PREDATES_CLAIMS);
  return row?.predates ?? false;
}

// ---------------------------------------------------------------------------------------------
// Planning

/** What a claim is about: a node of a kind, or a relationship of a type between two ids. */
export interface ClaimSubject {
  id: string;
  node?: { kind: NodeKind };
  edge?: { type: RelType; from: string; to: string };
}

/** A node or relationship the plan touches, with its claims before and after. */
interface Subject {
  id: string;
  node?: { kind: NodeKind };
  edge?: { type: RelType; from: string; to: string };
  before: Claim[];
  /** This source's claim from the plan (undefined: the plan retracts it, or does not touch it). */
  claim?: Claim;
  /** In the graph before this import (a node without claims counts: loaded before claims existed). */
  existed: boolean;
}

interface StoredClaimRow {
  subjectId: string;
  sourceId: string;
  sourceDate: string | null;
  values: string;
  quotes: string[];
  offsets: number[];
}

async function applyPlan(tx: Tx, plan: LoadPlan, options: LoadOptions): Promise<ImportReport> {
  const { sourceId } = plan;
  const sourceNodes = plan.nodes.filter((n) => n.kind === NodeKind.Source);
  const claimed = plan.nodes.filter((n) => n.kind !== NodeKind.Source);
  const ownSource = sourceNodes.find((n) => n.id === sourceId);

  const [stored] = await tx.run<{ text: string | null; dateStart: string | null }>(SOURCE_STATE, { sourceId });
  if (options.removeSource && !stored) throw appError(ErrorCode.NOT_FOUND, `No source ${sourceId} in the graph.`);
  const replaced = Boolean(stored && ownSource && stored.text !== (ownSource.props.text ?? null));
  if (replaced && !options.replace) {
    throw appError(
      ErrorCode.CONFLICT,
      `${sourceId} is already in the graph with a different text. Its quotes and offsets refer to that text: import with replace (CLI: --replace) to replace the source and all its claims, or give the new text a new source id.`,
      { sourceId },
    );
  }
  const sourceDate = (ownSource?.props.dateStart as string | undefined) ?? stored?.dateStart ?? null;
  // A replaced text invalidates every offset of the source: all its claims are re-made.
  const complete = options.complete || replaced;

  await refuseKindChanges(tx, claimed);

  const subjects = new Map<string, Subject>();
  const touch = (id: string, shape: Pick<Subject, 'node' | 'edge'>): Subject => {
    let subject = subjects.get(id);
    if (!subject) {
      subject = { id, ...shape, before: [], existed: false };
      subjects.set(id, subject);
    }
    return subject;
  };
  const claimOf = (values: Record<string, PropertyValue | undefined>, evidence: Evidence[]): Claim => ({
    sourceId,
    sourceDate,
    values: claimValues(values),
    evidence,
  });
  for (const node of claimed) touch(node.id, { node: { kind: node.kind } }).claim = claimOf(node.props, node.evidence);
  for (const edge of plan.edges) {
    touch(edge.id, { edge: { type: edge.type, from: edge.from, to: edge.to } }).claim = claimOf(
      edge.props,
      edge.evidence,
    );
  }
  if (complete) {
    const own = await tx.run<OwnSubjectRow>(SUBJECTS_OF_SOURCE, { sourceId });
    for (const row of own) if (!subjects.has(row.subjectId)) touch(row.subjectId, shapeOf(row));
  }

  const ids = [...subjects.keys()];
  for (const batch of chunks(ids, BATCH)) {
    const rows = await tx.run<StoredClaimRow>(CLAIMS_OF_SUBJECTS, { ids: batch });
    for (const row of rows) {
      const subject = subjects.get(row.subjectId)!;
      subject.before.push({
        sourceId: row.sourceId,
        sourceDate: row.sourceDate,
        values: JSON.parse(row.values) as Record<string, PropertyValue>,
        evidence: evidenceFromLists(
          row.quotes.map(() => row.sourceId),
          row.quotes,
          row.offsets,
        ),
      });
      subject.existed = true;
    }
  }
  const nodeIds = ids.filter((id) => subjects.get(id)!.node);
  for (const batch of chunks(nodeIds, BATCH)) {
    for (const row of await tx.run<{ id: string }>(EXISTING_KINDS, { ids: batch }))
      subjects.get(row.id)!.existed = true;
  }

  const changes = planChanges(subjects, sourceId);
  const report: ImportReport = {
    sourceId,
    dryRun: Boolean(options.dryRun),
    replaced,
    sourceExisted: Boolean(stored),
    nodes: changes.nodeCounts,
    relationships: changes.edgeCounts,
    conflicts: changes.conflicts,
    milliseconds: 0,
  };

  await refuseDangling(tx, changes, options.removeSource ? sourceId : undefined);
  if (options.dryRun) return report;

  for (const source of sourceNodes) await tx.run(WRITE_SOURCE, { props: sourceRecord(source) });
  for (const keys of chunks(changes.claimDeletes, BATCH)) await tx.run(DELETE_CLAIMS, { keys });
  for (const rows of chunks(changes.claimWrites, BATCH)) await tx.run(UPSERT_CLAIMS, { rows });
  for (const [kind, rows] of groupBy(changes.nodeWrites, (r) => r.kind)) {
    for (const batch of chunks(rows, BATCH)) await tx.run(WRITE_NODES[kind], { rows: batch.map((r) => r.row) });
  }
  for (const [type, rows] of groupBy(changes.edgeDeletes, (r) => r.type)) {
    for (const batch of chunks(rows, BATCH)) await tx.run(DELETE_EDGES[type], { rows: batch });
  }
  for (const [type, rows] of groupBy(changes.edgeWrites, (r) => r.type)) {
    for (const batch of chunks(rows, BATCH)) {
      const [written] = await tx.run<{ written: number }>(WRITE_EDGES[type], { rows: batch });
      if (Number(written?.written ?? 0) !== batch.length) {
        throw appError(ErrorCode.INVALID_DOCUMENT, `a ${type} relationship names a node that is not in the graph`, {
          sourceId,
        });
      }
    }
  }
  for (const batch of chunks(changes.nodeDeletes, BATCH)) await tx.run(DELETE_NODES, { ids: batch });
  if (options.removeSource) await tx.run(DELETE_SOURCE, { sourceId });
  return report;
}

interface OwnSubjectRow {
  subjectId: string;
  subject: 'NODE' | 'EDGE';
  kind: NodeKind | null;
  type: RelType | null;
  from: string | null;
  to: string | null;
}

function shapeOf(row: OwnSubjectRow): Pick<Subject, 'node' | 'edge'> {
  return row.subject === 'EDGE'
    ? { edge: { type: row.type as RelType, from: String(row.from), to: String(row.to) } }
    : { node: { kind: row.kind as NodeKind } };
}

interface Changes {
  nodeCounts: ChangeCounts[];
  edgeCounts: ChangeCounts[];
  conflicts: Conflict[];
  claimWrites: Record<string, unknown>[];
  claimDeletes: string[];
  nodeWrites: { kind: NodeKind; row: Record<string, PropertyValue> }[];
  nodeDeletes: string[];
  edgeWrites: { type: RelType; from: string; to: string; props: Record<string, PropertyValue> }[];
  edgeDeletes: { type: RelType; id: string; from: string; to: string }[];
}

/** What changes, element by element: pure, so a dry run and the import compute the same. */
function planChanges(subjects: Map<string, Subject>, sourceId: string): Changes {
  const changes: Changes = {
    nodeCounts: [],
    edgeCounts: [],
    conflicts: [],
    claimWrites: [],
    claimDeletes: [],
    nodeWrites: [],
    nodeDeletes: [],
    edgeWrites: [],
    edgeDeletes: [],
  };
  const nodeCounts = new Map<string, ChangeCounts>();
  const edgeCounts = new Map<string, ChangeCounts>();
  const countsOf = (subject: Subject) => {
    const [table, name] = subject.node ? [nodeCounts, subject.node.kind] : [edgeCounts, subject.edge!.type];
    let row = table.get(name);
    if (!row) {
      row = { name, created: 0, unchanged: 0, claimed: 0, retracted: 0, deleted: 0 };
      table.set(name, row);
    }
    return row;
  };

  for (const subject of subjects.values()) {
    const counts = countsOf(subject);
    const own = subject.before.find((c) => c.sourceId === sourceId);
    const others = subject.before.filter((c) => c.sourceId !== sourceId);
    const after = subject.claim ? [...others, subject.claim] : others;
    const key = `${subject.id}|${sourceId}`;

    if (subject.claim) {
      if (!subject.existed) counts.created += 1;
      else if (own && sameClaim(own, subject.claim)) {
        counts.unchanged += 1;
        continue;
      } else counts.claimed += 1;
      if (subject.before.length > 0) changes.conflicts.push(...conflictsOf(subject.id, subject.before, subject.claim));
      changes.claimWrites.push(claimRecord(subject, subject.claim, key));
    } else if (own) {
      counts.retracted += 1;
      changes.claimDeletes.push(key);
    } else {
      continue;
    }

    if (after.length === 0) {
      counts.deleted += 1;
      if (subject.node) changes.nodeDeletes.push(subject.id);
      else changes.edgeDeletes.push({ id: subject.id, ...subject.edge! });
      continue;
    }
    const derived = derive(after);
    if (subject.node) {
      changes.nodeWrites.push({ kind: subject.node.kind, row: nodeRecord(subject.id, derived) });
    } else {
      const { type, from, to } = subject.edge!;
      changes.edgeWrites.push({ type, from, to, props: { id: subject.id, ...elementRecord(derived) } });
    }
  }
  changes.nodeCounts = [...nodeCounts.values()].sort((a, b) => a.name.localeCompare(b.name));
  changes.edgeCounts = [...edgeCounts.values()].sort((a, b) => a.name.localeCompare(b.name));
  changes.conflicts.sort((a, b) => a.id.localeCompare(b.id) || a.property.localeCompare(b.property));
  return changes;
}

/** The document's values that differ from what the graph shows now (its name and aliases are a union). */
function conflictsOf(id: string, before: Claim[], claim: Claim): Conflict[] {
  const shown = derive(before);
  const out: Conflict[] = [];
  for (const [property, value] of Object.entries(claim.values)) {
    if (property === 'aliases' || DERIVED_PARTS.has(property)) continue;
    const current = shown.props[property];
    if (current === undefined || stableJson(current) === stableJson(value)) continue;
    out.push({ id, property, graphValue: current, documentValue: value, graphSourceId: shown.from[property] ?? '' });
  }
  return out;
}

function sameClaim(a: Claim, b: Claim): boolean {
  return (
    a.sourceDate === b.sourceDate &&
    stableJson(a.values) === stableJson(b.values) &&
    stableJson(a.evidence) === stableJson(b.evidence)
  );
}

/** What a Claim node stores (the bulk path writes the same records: src/ingest/bulk-store.ts). */
export function claimRecord(subject: ClaimSubject, claim: Claim, key: string): Record<string, unknown> {
  return {
    key,
    subjectId: subject.id,
    subject: subject.node ? 'NODE' : 'EDGE',
    ...(subject.node
      ? { kind: subject.node.kind }
      : { type: subject.edge!.type, from: subject.edge!.from, to: subject.edge!.to }),
    sourceId: claim.sourceId,
    sourceDate: claim.sourceDate,
    values: stableJson(claim.values),
    evidenceQuotes: claim.evidence.map((e) => e.quote),
    evidenceOffsets: claim.evidence.map((e) => e.offset),
  };
}

/** A node's stored properties: the derived values, its search key, evidence and disputes. */
export function nodeRecord(id: string, derived: Derived): Record<string, PropertyValue> {
  const name = typeof derived.props.name === 'string' ? derived.props.name : id;
  const aliases = Array.isArray(derived.props.aliases) ? (derived.props.aliases as string[]) : [];
  // Full-text indexes skip list properties: search reads name and aliases from one string.
  return { id, ...elementRecord(derived), searchText: searchText(name, aliases) };
}

/** A relationship's stored properties (with its `id`), or a node's without search key. */
export function elementRecord(derived: Derived): Record<string, PropertyValue> {
  return {
    ...derived.props,
    evidenceSourceIds: derived.evidence.map((e) => e.sourceId),
    evidenceQuotes: derived.evidence.map((e) => e.quote),
    evidenceOffsets: derived.evidence.map((e) => e.offset),
    ...(derived.disputed.length > 0 ? { disputed: derived.disputed } : {}),
  };
}

export function sourceRecord(source: LoadNode): Record<string, PropertyValue> {
  const props = definedValues(source.props);
  return { ...props, id: source.id, name: (props.name as string | undefined) ?? (props.title as string) ?? source.id };
}

// ---------------------------------------------------------------------------------------------
// Refusals

/** An id already in the graph as another kind would silently become two kinds at once. */
async function refuseKindChanges(tx: Tx, nodes: LoadNode[]): Promise<void> {
  const existing = new Map<string, string>();
  for (const batch of chunks(
    nodes.map((n) => n.id),
    BATCH,
  )) {
    for (const row of await tx.run<{ id: string; kind: string }>(EXISTING_KINDS, { ids: batch })) {
      existing.set(row.id, row.kind);
    }
  }
  const problems = nodes
    .filter((n) => existing.has(n.id) && existing.get(n.id) !== n.kind)
    .map((n) => ({
      path: n.id,
      code: 'KIND_MISMATCH',
      message: `${n.id} is already in the graph as ${existing.get(n.id)}, not ${n.kind}`,
    }));
  if (problems.length > 0) {
    throw appError(ErrorCode.INVALID_DOCUMENT, `${problems.length} problem(s): ${problems[0]!.message}`, { problems });
  }
}

/**
 * Nodes that lose their last claim go, and so do their relationships; a relationship another
 * source still supports would be lost with them, which no import or removal may do silently.
 */
async function refuseDangling(tx: Tx, changes: Changes, removedSourceId?: string): Promise<void> {
  const going = [...changes.nodeDeletes, ...(removedSourceId ? [removedSourceId] : [])];
  if (going.length === 0) return;
  const goingEdgeIds = changes.edgeDeletes.map((e) => e.id);
  const rows = await tx.run<{ id: string; edgeId: string | null; sourceIds: string[] | null }>(DEPENDENT_EDGES, {
    ids: going,
    goingEdgeIds,
  });
  if (rows.length === 0) return;
  const dependents = rows.map((r) => ({ nodeId: r.id, relationshipId: r.edgeId, sourceIds: r.sourceIds ?? [] }));
  const sources = [...new Set(dependents.flatMap((d) => d.sourceIds))].sort();
  const first = dependents[0]!;
  throw appError(
    ErrorCode.CONFLICT,
    `${first.nodeId} would go, but ${first.relationshipId ?? 'a relationship'} needs it${
      sources.length > 0 ? ` (stated by ${sources.join(', ')})` : ''
    }: remove or change those sources first, or have them state the node themselves.`,
    { dependents },
  );
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function definedValues(props: Record<string, PropertyValue | undefined>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined && k !== 'searchText') out[k] = v;
  return out;
}

/**
 * The values a claim stores for a plan's properties: those stated, with its aliases each once and
 * without its own name, as the rule would show them; so a node or relationship that one source
 * states has exactly its claim's values (exports rely on it). The bulk path stores the same.
 */
export function claimValues(props: Record<string, PropertyValue | undefined>): Record<string, PropertyValue> {
  return normalised(definedValues(props));
}

function normalised(values: Record<string, PropertyValue>): Record<string, PropertyValue> {
  if (!Array.isArray(values.aliases)) return values;
  const aliases = [...new Set(values.aliases as string[])].filter((a) => a !== values.name);
  return { ...values, aliases };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
