/** Reads single nodes by id with a compiled selection (src/graph/compile). */

import type { GraphQLResolveInfo } from 'graphql';
import { nodeSelection, type Projected, projectedNode } from '../../graph/compile';
import type { Executor } from '../../graph/executor';
import type { NodeKind } from '../../model/vocabulary';
import { compiledNodeById } from './node.cypher';

/** What a compiled lookup gives: the projected node, null, or `undefined` when not compilable. */
export type Selected = Projected | null | undefined;

export class NodeRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * The node `id` of one of `kinds` (all: null) as the resolver's selection asks for it, in one
   * statement; undefined when the selection cannot be compiled (the caller loads it as before).
   */
  async selected(id: string, kinds: readonly NodeKind[] | null, info: GraphQLResolveInfo): Promise<Selected> {
    const selection = nodeSelection(info);
    if (!selection) return undefined;
    const statement = compiledNodeById(kinds, selection);
    const [row] = await this.executor.read<{ node: unknown[] }>(statement, { id });
    return row ? projectedNode(statement, row.node) : null;
  }
}
