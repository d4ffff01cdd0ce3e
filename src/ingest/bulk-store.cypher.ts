/**
 * Statements that finish a graph written by Neo4j's importer (src/ingest/bulk-store.ts): the
 * importer cannot write an empty list, so rows that hold one name it in a marker property, and
 * these set the lists and drop the marker. Labels come from the model's vocabulary.
 */
import { cypher } from '../graph/executor';
import { CLAIM_LABEL, ENTITY_LABEL } from '../model/vocabulary';

/** The marker: the names of the properties of this row that are empty lists. */
export const EMPTY_LISTS_MARKER = 'bulkEmptyLists';

export const FILL_EMPTY_LISTS_NODES = cypher(
  'bulk-fill-empty-lists-nodes',
  `MATCH (n:${ENTITY_LABEL}) WHERE n.${EMPTY_LISTS_MARKER} = $names
   CALL (n) { SET n += $lists REMOVE n.${EMPTY_LISTS_MARKER} } IN TRANSACTIONS OF 10000 ROWS`,
);

export const FILL_EMPTY_LISTS_CLAIMS = cypher(
  'bulk-fill-empty-lists-claims',
  `MATCH (n:${CLAIM_LABEL}) WHERE n.${EMPTY_LISTS_MARKER} = $names
   CALL (n) { SET n += $lists REMOVE n.${EMPTY_LISTS_MARKER} } IN TRANSACTIONS OF 10000 ROWS`,
);

export const FILL_EMPTY_LISTS_RELATIONSHIPS = cypher(
  'bulk-fill-empty-lists-relationships',
  `MATCH ()-[r]->() WHERE r.${EMPTY_LISTS_MARKER} = $names
   CALL (r) { SET r += $lists REMOVE r.${EMPTY_LISTS_MARKER} } IN TRANSACTIONS OF 10000 ROWS`,
);

export const AWAIT_INDEXES_LONG = cypher('bulk-await-indexes', 'CALL db.awaitIndexes($seconds)');
