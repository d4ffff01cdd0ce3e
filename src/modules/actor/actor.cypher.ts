/** Named statements of the actor module. */
import { cypher } from '../../graph/executor';
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
