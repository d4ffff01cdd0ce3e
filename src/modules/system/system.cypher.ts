/** Statements about the graph as a whole. */
import { cypher } from '../../graph/executor';

/** Counts from the count store: constant time whatever the graph's size. */
export const SYSTEM_COUNTS = cypher(
  'system-counts',
  `CALL { MATCH (n) RETURN count(n) AS nodes }
   CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
   RETURN nodes, relationships`,
);
