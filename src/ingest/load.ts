/**
 * Writes a validated facts document into Neo4j in ONE transaction: the source, then every node
 * by kind, then every relationship by type, each an UNWIND batch merged by id. A failure anywhere
 * rolls everything back; loading the same document again changes nothing.
 */
import { appError, ErrorCode } from '../errors';
import type { Executor, Tx } from '../graph/executor';
import { type Evidence, type PropertyValue, searchText } from '../model/elements';
import type { NodeKind, RelType } from '../model/vocabulary';
import { EXISTING_KINDS, GRAPH_IS_EMPTY, MERGE_EDGES, MERGE_NODES } from './load.cypher';

export interface LoadNode {
  id: string;
  kind: NodeKind;
  /** Stored properties, name and aliases included (null values remove a property). */
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

/** What a facts document becomes once validated: everything to write, for one source. */
export interface LoadPlan {
  sourceId: string;
  nodes: LoadNode[];
  edges: LoadEdge[];
}

export interface LoadResult {
  sourceId: string;
  nodes: number;
  relationships: number;
  milliseconds: number;
}

const BATCH = 5000;

export async function loadPlan(executor: Executor, plan: LoadPlan, timeoutMs = 300_000): Promise<LoadResult> {
  const began = Date.now();
  await executor.writeTransaction(
    async (tx) => {
      await refuseKindChanges(tx, plan);
      const byKind = groupBy(plan.nodes, (n) => n.kind);
      for (const [kind, nodes] of byKind) {
        for (const rows of chunks(nodes, BATCH)) {
          await tx.run(MERGE_NODES[kind], { sourceId: plan.sourceId, rows: rows.map(nodeRow) });
        }
      }
      const byType = groupBy(plan.edges, (e) => e.type);
      for (const [type, edges] of byType) {
        for (const rows of chunks(edges, BATCH)) {
          await tx.run(MERGE_EDGES[type], { sourceId: plan.sourceId, rows: rows.map(edgeRow) });
        }
      }
    },
    `load ${plan.sourceId}`,
    timeoutMs,
  );
  return {
    sourceId: plan.sourceId,
    nodes: plan.nodes.length,
    relationships: plan.edges.length,
    milliseconds: Date.now() - began,
  };
}

export async function graphIsEmpty(executor: Executor): Promise<boolean> {
  const [row] = await executor.read<{ empty: boolean }>(GRAPH_IS_EMPTY);
  return row?.empty ?? true;
}

/** An id already in the graph as another kind would silently become two kinds at once. */
async function refuseKindChanges(tx: Tx, plan: LoadPlan): Promise<void> {
  const rows = await tx.run<{ id: string; kind: string }>(EXISTING_KINDS, { ids: plan.nodes.map((n) => n.id) });
  const existing = new Map(rows.map((r) => [r.id, r.kind]));
  const problems = plan.nodes
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

function nodeRow(node: LoadNode) {
  const name = typeof node.props.name === 'string' ? node.props.name : node.id;
  const aliases = Array.isArray(node.props.aliases) ? (node.props.aliases as string[]) : [];
  return {
    id: node.id,
    // Full-text indexes skip list properties: search reads name and aliases from one string.
    props: { ...cleanProps(node.props), searchText: searchText(name, aliases) },
    ...evidenceLists(node.evidence),
  };
}

function edgeRow(edge: LoadEdge) {
  return { id: edge.id, from: edge.from, to: edge.to, props: cleanProps(edge.props), ...evidenceLists(edge.evidence) };
}

function cleanProps(props: Record<string, PropertyValue | undefined>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) out[k] = v;
  return out;
}

function evidenceLists(evidence: Evidence[]) {
  return {
    evidenceSourceIds: evidence.map((e) => e.sourceId),
    evidenceQuotes: evidence.map((e) => e.quote),
    evidenceOffsets: evidence.map((e) => e.offset),
  };
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
