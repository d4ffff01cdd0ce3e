/**
 * Statements that write a facts document. One per node kind and relationship type, made from
 * the model's enums (labels and types are never taken from input). Each merges by id and
 * replaces only the evidence that came from the source being loaded, so loading a document
 * again changes nothing, and loading a second source adds its quotes beside the first's.
 */
import { cypher, type Statement } from '../graph/executor';
import { NodeKind, RelType } from '../model/vocabulary';

/** Keeps other sources' evidence of `x`, appends `row`'s. Ends with the SET of the three lists. */
const MERGE_EVIDENCE = (x: string) => `
  WITH ${x}, row,
       coalesce(${x}.evidenceSourceIds, []) AS ids,
       coalesce(${x}.evidenceQuotes, []) AS quotes,
       coalesce(${x}.evidenceOffsets, []) AS offsets
  WITH ${x}, row, ids, quotes, offsets, [i IN range(0, size(ids) - 1) WHERE ids[i] <> $sourceId] AS keep
  SET ${x} += row.props,
      ${x}.evidenceSourceIds = [i IN keep | ids[i]] + row.evidenceSourceIds,
      ${x}.evidenceQuotes = [i IN keep | quotes[i]] + row.evidenceQuotes,
      ${x}.evidenceOffsets = [i IN keep | offsets[i]] + row.evidenceOffsets`;

export const MERGE_NODES: Readonly<Record<NodeKind, Statement>> = Object.fromEntries(
  Object.values(NodeKind).map((kind) => [
    kind,
    cypher(
      `merge-nodes-${kind.toLowerCase()}`,
      `UNWIND $rows AS row
       MERGE (n:Entity {id: row.id})
       SET n:${kind}
       ${MERGE_EVIDENCE('n')}
       RETURN count(*) AS written`,
    ),
  ]),
) as Record<NodeKind, Statement>;

export const MERGE_EDGES: Readonly<Record<RelType, Statement>> = Object.fromEntries(
  Object.values(RelType).map((type) => [
    type,
    cypher(
      `merge-edges-${type.toLowerCase()}`,
      `UNWIND $rows AS row
       MATCH (a:Entity {id: row.from})
       MATCH (b:Entity {id: row.to})
       MERGE (a)-[r:${type} {id: row.id}]->(b)
       ${MERGE_EVIDENCE('r')}
       RETURN count(*) AS written`,
    ),
  ]),
) as Record<RelType, Statement>;

/** The kind of every id that already exists, to refuse a document that would change one. */
export const EXISTING_KINDS = cypher(
  'existing-kinds',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN id, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind`,
);

export const GRAPH_IS_EMPTY = cypher('graph-is-empty', 'RETURN NOT EXISTS { MATCH (n:Entity) } AS empty');
