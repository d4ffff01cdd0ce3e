/** Statements about the graph as a whole. */
import { cypher } from '../../graph/executor';

/**
 * Counts from the count store: constant time whatever the graph's size. Nodes are the graph's
 * own (`Entity`), not the claim records beside them; every relationship joins two of them.
 */
export const SYSTEM_COUNTS = cypher(
  'system-counts',
  `CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
   CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
   RETURN nodes, relationships`,
);
