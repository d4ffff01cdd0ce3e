/**
 * Subgraphs around seeds and shortest paths. Variable-length bounds cannot be parameters in
 * Cypher, so there is one constant statement per bound, made here from our own integers; input
 * only picks one of them.
 */
import { cypher, type Statement } from '../../graph/executor';
import { edgeMap, nodeMap } from '../../graph/records';

export const MAX_STATEMENT_DEPTH = 10;
export const MAX_STATEMENT_HOPS = 20;

/** A node the subgraph may hold: anything but a meeting outside the date window. */
const KEEP = (v: string) =>
  `(NOT ${v}:Meeting OR (($from IS NULL OR ${v}.dateEnd >= $from) AND ($to IS NULL OR ${v}.dateStart <= $to)))`;

/**
 * Breadth-first reach from the seeds, one level after another, leaving `reached` as the list of
 * nodes within `depth`, nearest first. Each level expands every node reached so far and keeps
 * the distinct ones, so the work is at most depth × relationships — unlike a variable-length
 * pattern with a predicate on its nodes, which enumerates every path. The list is cut at
 * $maxNodes + 1 at each level, so a hub cannot make a capped request expensive.
 */
function reach(depth: number): string {
  let text = `
    MATCH (s:Entity) WHERE s.id IN $seedIds AND ${KEEP('s')}
    WITH collect(DISTINCT s) AS reached`;
  for (let level = 1; level <= depth; level++) {
    text += `
    CALL (reached) {
      UNWIND reached AS x
      MATCH (x)-[r]-(n:Entity)
      WHERE ($types IS NULL OR type(r) IN $types) AND ${KEEP('n')}
      RETURN collect(DISTINCT n) AS next
    }
    CALL (reached, next) {
      UNWIND reached + next AS n
      WITH DISTINCT n
      RETURN collect(n)[0..($maxNodes + 1)] AS grown
    }
    WITH grown AS reached`;
  }
  return text;
}

/** Nodes within `depth` of any seed (nearest first, cut at $maxNodes), and every relationship among them. */
function subgraphStatement(depth: number): Statement {
  return cypher(
    `subgraph-depth-${depth}`,
    `${reach(depth)}
     WITH reached[0..$maxNodes] AS kept, size(reached) > $maxNodes AS truncated
     CALL (kept) {
       UNWIND kept AS a
       MATCH (a)-[r]->(b)
       WHERE b IN kept AND ($types IS NULL OR type(r) IN $types)
       RETURN collect(${edgeMap('r')}) AS edges
     }
     RETURN [n IN kept | ${nodeMap('n')}] AS nodes, edges, truncated`,
  );
}

/** How many nodes an export holds (up to $maxNodes + 1), and the sources their evidence cites. */
function exportSizeStatement(depth: number): Statement {
  return cypher(
    `export-size-depth-${depth}`,
    `${reach(depth)}
     CALL (reached) {
       UNWIND reached AS n
       UNWIND coalesce(n.evidenceSourceIds, []) AS sourceId
       WITH DISTINCT sourceId
       MATCH (source:Source {id: sourceId})
       RETURN collect(source {.id, .title, .publisher, .date, .url}) AS sources
     }
     RETURN size(reached) AS nodes, sources`,
  );
}

/** The node set of an export, one row per node (the caller checked its size first). */
function exportNodesStatement(depth: number): Statement {
  return cypher(`export-nodes-depth-${depth}`, `${reach(depth)} UNWIND reached AS n RETURN ${nodeMap('n')} AS node`);
}

export const MISSING_SEEDS = cypher(
  'missing-seeds',
  `UNWIND $seedIds AS id
   OPTIONAL MATCH (s:Entity {id: id})
   WITH id, s WHERE s IS NULL
   RETURN collect(id) AS missing`,
);

/** Every relationship among the exported nodes, one row each, streamed. */
export const EXPORT_EDGES = cypher(
  'export-edges',
  `UNWIND $ids AS id
   MATCH (a:Entity {id: id})-[r]->(b:Entity)
   // A map lookup is constant time; a list membership test would scan every id for every edge.
   WHERE $idSet[b.id] IS NOT NULL AND ($types IS NULL OR type(r) IN $types)
   RETURN ${edgeMap('r')} AS edge`,
);

function pathStatement(hops: number): Statement {
  return cypher(
    `path-hops-${hops}`,
    `MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
     MATCH p = shortestPath((a)-[*..${hops}]-(b))
     RETURN [n IN nodes(p) | ${nodeMap('n')}] AS nodes, [r IN relationships(p) | ${edgeMap('r')}] AS edges`,
  );
}

export const SUBGRAPH_BY_DEPTH: readonly Statement[] = Array.from({ length: MAX_STATEMENT_DEPTH + 1 }, (_, d) =>
  subgraphStatement(d),
);
export const EXPORT_SIZE_BY_DEPTH: readonly Statement[] = Array.from({ length: MAX_STATEMENT_DEPTH + 1 }, (_, d) =>
  exportSizeStatement(d),
);
export const EXPORT_NODES_BY_DEPTH: readonly Statement[] = Array.from({ length: MAX_STATEMENT_DEPTH + 1 }, (_, d) =>
  exportNodesStatement(d),
);
export const PATH_BY_HOPS: readonly Statement[] = Array.from({ length: MAX_STATEMENT_HOPS + 1 }, (_, h) =>
  pathStatement(Math.max(1, h)),
);
