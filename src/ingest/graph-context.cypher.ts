/**
 * What the validator needs to know of the graph before a document is checked: the ids it
 * mentions (kind, and the required relationships each already has), and ids near an unknown one.
 */
import { cypher } from '../graph/executor';

/** Each given id that exists: its kind and which of `$types` it already starts. */
export const KNOWN_ENTITIES = cypher(
  'graph-context-known-entities',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN id,
          [label IN labels(n) WHERE label <> 'Entity'][0] AS kind,
          [type IN $types WHERE EXISTS { MATCH (n)-[r]->() WHERE type(r) = type }] AS types`,
);

/**
 * Ids near each probe, bounded: ids of its kind starting with the slug's first letters (the
 * entity_id constraint's index answers STARTS WITH), and full-text matches of the slug's words
 * (fuzzy) among names and aliases, of the same kind.
 */
export const ID_CANDIDATES = cypher(
  'graph-context-id-candidates',
  `UNWIND $probes AS probe
   CALL (probe) {
     MATCH (n:Entity) WHERE n.id STARTS WITH probe.stem
     RETURN n.id AS id LIMIT $limit
     UNION
     WITH probe WHERE probe.words IS NOT NULL
     CALL db.index.fulltext.queryNodes('entity_search', probe.words, {limit: $limit}) YIELD node
     WHERE node.id STARTS WITH probe.prefix
     RETURN node.id AS id
   }
   RETURN DISTINCT id`,
);
