/** Named statements of the actor module. */
import { type ObjectSelection, pageStatement } from '../../graph/compile';
import { cypher, type Statement } from '../../graph/executor';
import { nodeMap } from '../../graph/records';

/** Full-text search over names and aliases (index `entity_search`), best score first. */
export const SEARCH_ACTORS = cypher(
  'search-actors',
  `CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
   WHERE any(label IN labels(node) WHERE label IN $kinds)
   WITH node, score ORDER BY score DESC, node.id ASC
   WITH collect({node: node, score: score}) AS found
   RETURN size(found) AS total,
          [x IN found[$skip..($skip + $limit)] | ${nodeMap('x.node')}] AS nodes`,
);

/** All actors of the kinds, by name then id, after a keyset position. */
export const LIST_ACTORS = cypher(
  'list-actors',
  `CALL () {
     MATCH (n:Entity) WHERE any(label IN labels(n) WHERE label IN $kinds)
     RETURN count(n) AS total
   }
   CALL () {
     MATCH (n:Entity) WHERE any(label IN labels(n) WHERE label IN $kinds)
       AND ($afterName IS NULL OR [toLower(n.name), n.id] > [$afterName, $afterId])
     WITH n ORDER BY toLower(n.name), n.id LIMIT $limit
     RETURN collect(${nodeMap('n')}) AS nodes
   }
   RETURN total, nodes`,
);

const OF_KINDS = (n: string) => `any(label IN labels(${n}) WHERE label IN $kinds)`;

/**
 * `actors` as one compiled statement (src/graph/compile): a search page, or all actors by name,
 * with only the selected fields, the total only when selected; same order and cursors as above.
 */
export function compiledActorsPage(search: boolean, withTotal: boolean, selection: ObjectSelection | null): Statement {
  const parts = search
    ? {
        total: `CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node
                WHERE ${OF_KINDS('node')} RETURN count(node) AS total`,
        find: `CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
               WHERE ${OF_KINDS('node')}
               RETURN node AS n, score ORDER BY score DESC, n.id ASC SKIP $skip LIMIT $limit`,
        order: 'score DESC, n.id ASC',
        cursor: 'id: n.id',
      }
    : {
        total: `MATCH (n:Entity) WHERE ${OF_KINDS('n')} RETURN count(n) AS total`,
        find: `MATCH (n:Entity) WHERE ${OF_KINDS('n')}
                 AND ($afterName IS NULL OR [toLower(n.name), n.id] > [$afterName, $afterId])
               RETURN n ORDER BY toLower(n.name), n.id LIMIT $limit`,
        order: 'toLower(n.name), n.id',
        // The name a node shows, as LIST_ACTORS' callers build the cursor from it.
        cursor: 'name: coalesce(n.name, n.title, n.id), id: n.id',
      };
  return pageStatement(
    search ? 'search-actors' : 'list-actors',
    { ...parts, total: withTotal ? parts.total : undefined },
    selection,
  );
}
