/** Named statements of the node module. */
import { type NodeStatement, nodeStatement, type ObjectSelection } from '../../graph/compile';
import { ENTITY_LABEL, type NodeKind } from '../../model/vocabulary';

/**
 * A node by id, of one of `kinds` (all kinds: null), projected with only the selected fields
 * (src/graph/compile). One kind matches on its own label, so its uniqueness index finds it.
 */
export function compiledNodeById(kinds: readonly NodeKind[] | null, selection: ObjectSelection): NodeStatement {
  const match =
    kinds?.length === 1
      ? `MATCH (n:${kinds[0]} {id: $id})`
      : `MATCH (n:${ENTITY_LABEL} {id: $id})${kinds ? ` WHERE ${kinds.map((k) => `n:${k}`).join(' OR ')}` : ''}`;
  return nodeStatement(`${kinds?.join('|') ?? 'node'}-by-id`, match, selection);
}
