/** `node(id)` for any kind, statements about any node, and the source behind each piece of evidence. */
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { RelType } from '../../model/vocabulary';
import { Source } from '../source/source.type';
import { Statement } from '../statement/statement.type';
import { linkedNodes } from './node.relations';
import { Evidence, NodeInterface } from './node.type';
import { type NodeView, nodeView } from './node.view';

@Resolver(() => NodeInterface)
export class NodeResolver {
  @Query(() => NodeInterface, { nullable: true, description: 'Any node by id; null when there is none.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<NodeView | null> {
    const node = await ctx.loaders.nodes.load(id);
    return node ? nodeView(node) : null;
  }

  @FieldResolver(() => [Statement], { description: 'Statements about this node.' })
  statementsAbout(@Root() node: NodeView, @Ctx() ctx: Context): Promise<NodeView[]> {
    return linkedNodes(ctx, node, { type: RelType.ABOUT, direction: 'in' });
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Source, { description: 'The source quoted.' })
  async source(@Root() evidence: Evidence, @Ctx() ctx: Context): Promise<NodeView> {
    const node = await ctx.loaders.nodes.load(evidence.sourceId);
    if (!node) throw new Error(`evidence cites a missing source ${evidence.sourceId}`);
    return nodeView(node);
  }
}
