/**
 * Subgraphs around seeds and shortest paths. Variable-length bounds cannot be parameters in
 * Cypher, so there is one constant statement per bound, made here from our own integers; input
 * only picks one of them.
 */
import { type GraphSelection, graphStatement } from '../../graph/compile';
import { cypher, type Statement } from '../../graph/executor';
import { claimsOf, edgeMap, edgeRow, nodeMap, nodeRow } from '../../graph/records';

export const MAX_STATEMENT_DEPTH = 10;
export const MAX_STATEMENT_HOPS = 20;

/** A node the subgraph may hold: anything but a meeting outside the date window. */
const KEEP = (v: string) =>
  `(NOT ${v}:Meeting OR (($from IS NULL OR ${v}.dateEnd >= $from) AND ($to IS NULL OR ${v}.dateStart <= $to)))`;

/**
 * Breadth-first reach from the seeds, one level after another, leaving `reached` as the list of
 * nodes within `depth`, nearest first. Each level expands only the nodes the level before found
 * (`frontier`) and keeps the neighbours not reached yet — Neo4j tests `IN reached` against a
 * hash set it builds once per list — so the work is at most the relationships within reach,
 * once each; a variable-length pattern with a predicate on its nodes would enumerate every
 * path instead. The list is cut at $maxNodes + 1 at each level, and the frontier with it, so a
 * hub cannot make a capped request expensive.
 */
function reach(depth: number): string {
  let text = `
    MATCH (s:Entity) WHERE s.id IN $seedIds AND ${KEEP('s')}
    WITH collect(DISTINCT s) AS reached
    WITH reached, reached AS frontier`;
  for (let level = 1; level <= depth; level++) {
    text += `
    CALL (reached, frontier) {
      UNWIND frontier AS x
      MATCH (x)-[r]-(n:Entity)
      WHERE ($types IS NULL OR type(r) IN $types) AND NOT n IN reached AND ${KEEP('n')}
      RETURN collect(DISTINCT n) AS fresh
    }
    WITH reached + fresh[0..($maxNodes + 1 - size(reached))] AS reached,
         fresh[0..($maxNodes + 1 - size(reached))] AS frontier`;
  }
  return text;
}

/**
 * Nodes within `depth` of any seed (nearest first, cut at $maxNodes), and every relationship
 * among them: a first row saying whether the cut was needed, then a row per node and one per
 * relationship — many small records, which the driver decodes far faster than one large one.
 */
function subgraphStatement(depth: number): Statement {
  return cypher(
    `subgraph-depth-${depth}`,
    `${reach(depth)}
     WITH reached[0..$maxNodes] AS kept, size(reached) > $maxNodes AS truncated
     CALL (kept) {
       UNWIND kept AS a
       MATCH (a)-[r]->(b)
       WHERE b IN kept AND ($types IS NULL OR type(r) IN $types)
       RETURN collect(r) AS rels
     }
     UNWIND range(-1, size(kept) + size(rels) - 1) AS i
     WITH truncated, i, CASE WHEN 0 <= i < size(kept) THEN kept[i] END AS n,
          CASE WHEN i >= size(kept) THEN rels[i - size(kept)] END AS r
     RETURN CASE WHEN i < 0 THEN truncated END AS truncated,
            CASE WHEN n IS NOT NULL THEN ${nodeMap('n')} END AS node,
            CASE WHEN r IS NOT NULL THEN ${edgeMap('r')} END AS edge`,
  );
}

/**
 * Each element's claims (one index lookup per element), read when `$claims` is 'all', when it is
 * 'shared' and more than one source states the element, and always for a disputed element (the
 * tables carry the disputed properties' values). See `exportClaims`.
 */
const CLAIMS = claimsOf(
  'p',
  `$claims = 'all' OR p.disputed IS NOT NULL
   OR ($claims = 'shared' AND any(s IN p.evidenceSourceIds WHERE s <> p.evidenceSourceIds[0]))`,
);

/** Elements per export row (see `exportStatement`). */
const EXPORT_ROW_ELEMENTS = 8;
/** Nodes whose relationships are gathered at a time before they are cut into rows. */
const EXPORT_EDGE_GROUP = 16;

/**
 * An export, streamed in one statement: first a head row — its size (up to $maxNodes + 1), the
 * seeds no node has, and the sources its nodes' evidence cites — then rows of nodes, nearest
 * the seeds first, then rows of the relationships among them (each once, from its start node);
 * only the head when a seed is missing or the size is over $maxNodes; $withNodes and $withEdges
 * (booleans) leave either kind out, for a file that holds one. Each element comes with its
 * claims when `$claims` asks for them (see CLAIMS). A row holds up to
 * EXPORT_ROW_ELEMENTS elements, each a list (see records.ts): Neo4j spends several µs on every
 * row it sends whatever it holds (100k elements one per row: 1.7 s of its CPU; eight per row:
 * 1.2 s), while rows of a few KB still reach the driver whole, mostly (rows of one node's
 * relationships, thousands for a hub, reached it in pieces, which it decodes several times
 * slower). Neo4j tests `b IN reached` against a hash set it builds once per list, so the
 * relationship check is constant time per candidate (and `b` needs no label: everything
 * reached is an Entity).
 */
function exportStatement(depth: number): Statement {
  const perRow = EXPORT_ROW_ELEMENTS;
  return cypher(
    `export-depth-${depth}`,
    `${reach(depth)}
     CALL () {
       UNWIND $seedIds AS id
       OPTIONAL MATCH (s:Entity {id: id})
       WITH id, s WHERE s IS NULL
       RETURN collect(id) AS missing
     }
     CALL (reached) {
       UNWIND reached AS n
       UNWIND coalesce(n.evidenceSourceIds, []) AS sourceId
       WITH DISTINCT sourceId
       MATCH (source:Source {id: sourceId})
       RETURN collect(source {.id, .title, .publisher, .date, .url}) AS sources
     }
     WITH reached, {nodes: size(reached), missing: missing, sources: sources} AS size,
          CASE WHEN size(reached) > $maxNodes OR size(missing) > 0 THEN [] ELSE reached END AS kept
     CALL (reached, size, kept) {
       RETURN size AS head, null AS nodes, null AS edges
       UNION ALL
       UNWIND CASE WHEN $withNodes THEN range(0, size(kept) - 1, ${perRow}) ELSE [] END AS i
       CALL (kept, i) {
         UNWIND kept[i..i + ${perRow}] AS n
         WITH n, properties(n) AS p
         RETURN collect(${nodeRow('n', 'p', CLAIMS)}) AS nodes
       }
       RETURN null AS head, nodes, null AS edges
       UNION ALL
       UNWIND CASE WHEN $withEdges THEN range(0, size(kept) - 1, ${EXPORT_EDGE_GROUP}) ELSE [] END AS i
       CALL (reached, kept, i) {
         UNWIND kept[i..i + ${EXPORT_EDGE_GROUP}] AS a
         WITH reached, a, a.id AS from
         MATCH (a)-[r]->(b)
         WHERE b IN reached AND ($types IS NULL OR type(r) IN $types)
         WITH from, r, b, properties(r) AS p
         RETURN collect(${edgeRow('r', 'p', 'from', 'b.id', CLAIMS)}) AS found
       }
       UNWIND range(0, size(found) - 1, ${perRow}) AS j
       RETURN null AS head, null AS nodes, found[j..j + ${perRow}] AS edges
     }
     RETURN head, nodes, edges`,
  );
}

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
export const EXPORT_BY_DEPTH: readonly Statement[] = Array.from({ length: MAX_STATEMENT_DEPTH + 1 }, (_, d) =>
  exportStatement(d),
);
export const PATH_BY_HOPS: readonly Statement[] = Array.from({ length: MAX_STATEMENT_HOPS + 1 }, (_, h) =>
  pathStatement(Math.max(1, h)),
);

/**
 * `subgraph` compiled (src/graph/compile): the same reach and cut as `subgraphStatement`, one
 * row `{truncated, nodes, edges}` holding only the selected fields, nodes nearest first (edges
 * are sorted by id by the repository, as today's path sorts them).
 */
export function compiledSubgraph(depth: number, selection: GraphSelection): Statement {
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_STATEMENT_DEPTH) throw new Error(`depth ${depth}`);
  return graphStatement(
    `subgraph-depth-${depth}`,
    `${reach(depth)}
     WITH reached[0..$maxNodes] AS kept, size(reached) > $maxNodes AS truncated`,
    {
      nodes: { scope: 'kept', find: 'UNWIND range(0, size(kept) - 1) AS i\nWITH i, kept[i] AS n', v: 'n', order: 'i' },
      edges: {
        scope: 'kept',
        find: `UNWIND kept AS a
MATCH (a)-[r]->(b)
WHERE b IN kept AND ($types IS NULL OR type(r) IN $types)`,
        v: 'r',
        order: null,
      },
    },
    selection,
    ['truncated'],
  );
}

/** `path` compiled: the shortest path as `pathStatement` finds it, one row `{nodes, edges}` in path order. */
export function compiledPath(hops: number, selection: GraphSelection): Statement {
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_STATEMENT_HOPS) throw new Error(`hops ${hops}`);
  const list = (scope: string, v: string) => ({
    scope,
    find: `UNWIND range(0, size(${scope}) - 1) AS i\nWITH i, ${scope}[i] AS ${v}`,
    v,
    order: 'i',
  });
  return graphStatement(
    `path-hops-${hops}`,
    `MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
     MATCH p = shortestPath((a)-[*..${hops}]-(b))
     WITH nodes(p) AS ns, relationships(p) AS rs`,
    { nodes: list('ns', 'n'), edges: list('rs', 'r') },
    selection,
  );
}
