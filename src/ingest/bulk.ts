/**
 * Loads plans too large for one transaction: a stream of plans (each one source's nodes and
 * relationships) cut into batches of at most `batchRows` rows, each batch loaded by `loadPlan` in a
 * transaction of its own — so with the same statements, the same kind checks and the same
 * idempotent merges as a facts document. Within a plan every node batch goes before its edges.
 *
 * Not atomic: a failure leaves the batches before it written. Since every batch merges by id,
 * loading the same stream again converges to the same graph, and `resumeAt` (the `index` of the
 * first batch not reported done to `onBatch`) skips the batches already written.
 */
import type { Executor } from '../graph/executor';
import { type LoadEdge, type LoadNode, type LoadPlan, loadPlan } from './load';

export interface BulkOptions {
  /** Rows (nodes or relationships) per transaction; default 10,000. */
  batchRows?: number;
  /** Index of the first batch to load: the batches before it are skipped (not re-read from Neo4j). */
  resumeAt?: number;
  /** Called after each batch is committed. */
  onBatch?: (batch: BulkBatch) => void | Promise<void>;
  /** Timeout of each batch's transaction. */
  timeoutMs?: number;
}

export interface BulkBatch {
  /** Position of this batch in the stream, from 0. */
  index: number;
  sourceId: string;
  nodes: number;
  relationships: number;
  milliseconds: number;
}

export interface BulkResult {
  batches: number;
  skipped: number;
  nodes: number;
  relationships: number;
  milliseconds: number;
}

export async function loadPlansInBatches(
  executor: Executor,
  plans: Iterable<LoadPlan> | AsyncIterable<LoadPlan>,
  options: BulkOptions = {},
): Promise<BulkResult> {
  const batchRows = options.batchRows ?? 10_000;
  const resumeAt = options.resumeAt ?? 0;
  const began = Date.now();
  const result: BulkResult = { batches: 0, skipped: 0, nodes: 0, relationships: 0, milliseconds: 0 };
  let index = 0;
  for await (const plan of plans) {
    for (const batch of batchesOf(plan, batchRows)) {
      if (index < resumeAt) {
        result.skipped += 1;
      } else {
        const loaded = await loadPlan(executor, batch, { timeoutMs: options.timeoutMs });
        result.batches += 1;
        result.nodes += loaded.nodes;
        result.relationships += loaded.relationships;
        await options.onBatch?.({
          index,
          sourceId: plan.sourceId,
          nodes: loaded.nodes,
          relationships: loaded.relationships,
          milliseconds: loaded.milliseconds,
        });
      }
      index += 1;
    }
  }
  result.milliseconds = Date.now() - began;
  return result;
}

/** The plan's nodes, then its edges, `size` rows at a time. */
function* batchesOf(plan: LoadPlan, size: number): Generator<LoadPlan> {
  const nodes: LoadNode[] = plan.nodes;
  const edges: LoadEdge[] = plan.edges;
  for (let i = 0; i < nodes.length; i += size) {
    yield { sourceId: plan.sourceId, nodes: nodes.slice(i, i + size), edges: [] };
  }
  for (let i = 0; i < edges.length; i += size) {
    yield { sourceId: plan.sourceId, nodes: [], edges: edges.slice(i, i + size) };
  }
}
