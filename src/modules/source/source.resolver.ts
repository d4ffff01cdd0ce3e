/** `source(id)`: an article with its full text, to check any quote against. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import type { Projected } from '../../graph/compile';
import { NodeKind } from '../../model/vocabulary';
import { type NodeView, nodeView } from '../node/node.view';
import { Source } from './source.type';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: 'A source by id, with its full text; null when there is none.' })
  async source(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeView | Projected | null> {
    if (ctx.config.SELECTION_COMPILER) {
      const selected = await ctx.repositories.node.selected(id, [NodeKind.Source], info);
      if (selected !== undefined) return selected;
    }
    const node = await ctx.loaders.nodes.load(id);
    return node?.kind === NodeKind.Source ? nodeView(node) : null;
  }
}
