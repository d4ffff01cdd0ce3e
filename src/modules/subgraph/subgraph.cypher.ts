/**
 * Subgraphs around seeds and shortest paths. Variable-length bounds cannot be parameters in
 * Cypher, so there is one constant statement per bound, made here from our own integers; input
 * only picks one of them.
 */
import { cypher, type Statement } from '../../graph/executor';
import { edgeMap, nodeMap } from '../../graph/records';

export const MAX_STATEMENT_DEPTH = 10;
export const MAX_STATEMENT_HOPS = 20;

/**
 * Nodes within `depth` of any seed (closest first, up to $maxNodes + 1 so the caller sees a cut),
 * then every relationship among them. Meetings outside the date window are left out, and so
 * are paths through them.
 */
function subgraphStatement(depth: number): Statement {
  return cypher(
    `subgraph-depth-${depth}`,
    `MATCH (s:Entity) WHERE s.id IN $seedIds
     CALL (s) {
       MATCH path = (s)-[rels*0..${depth}]-(n:Entity)
       WHERE ($types IS NULL OR all(r IN rels WHERE type(r) IN $types))
         AND all(x IN nodes(path) WHERE NOT x:Meeting
             OR (($from IS NULL OR x.dateEnd >= $from) AND ($to IS NULL OR x.dateStart <= $to)))
       RETURN n, min(size(rels)) AS distance
     }
     WITH n, min(distance) AS distance
     ORDER BY distance, n.id
     LIMIT $maxNodes + 1
     WITH collect(n) AS found
     WITH found[0..$maxNodes] AS kept, size(found) > $maxNodes AS truncated
     CALL (kept) {
       UNWIND kept AS a
       MATCH (a)-[r]->(b)
       WHERE b IN kept AND ($types IS NULL OR type(r) IN $types)
       RETURN collect(${edgeMap('r')}) AS edges
     }
     RETURN [n IN kept | ${nodeMap('n')}] AS nodes, edges, truncated`,
  );
}

/** The node set of an export (no ordering, no cut: the caller checked the size first). */
const WITHIN = (depth: number) => `
  MATCH (s:Entity) WHERE s.id IN $seedIds
  CALL (s) {
    MATCH path = (s)-[rels*0..${depth}]-(n:Entity)
    WHERE ($types IS NULL OR all(r IN rels WHERE type(r) IN $types))
      AND all(x IN nodes(path) WHERE NOT x:Meeting
          OR (($from IS NULL OR x.dateEnd >= $from) AND ($to IS NULL OR x.dateStart <= $to)))
    RETURN DISTINCT n
  }
  WITH DISTINCT n`;

function exportSizeStatement(depth: number): Statement {
  return cypher(
    `export-size-depth-${depth}`,
    `${WITHIN(depth)}
     OPTIONAL MATCH (source:Source) WHERE source.id IN coalesce(n.evidenceSourceIds, [])
     RETURN count(DISTINCT n) AS nodes,
            [x IN collect(DISTINCT source) | x {.id, .title, .publisher, .date, .url}] AS sources`,
  );
}

function exportNodesStatement(depth: number): Statement {
  return cypher(`export-nodes-depth-${depth}`, `${WITHIN(depth)} RETURN ${nodeMap('n')} AS node`);
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
   WHERE b.id IN $ids AND ($types IS NULL OR type(r) IN $types)
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
