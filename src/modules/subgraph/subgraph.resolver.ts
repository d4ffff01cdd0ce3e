/** `subgraph` and `path`: generic nodes and edges for the graph view and exports. */
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import type { GraphNode } from '../../graph/types';
import { nodeView } from '../node/node.view';
import { PathArgs, SubgraphArgs } from './subgraph.input';
import { PathType, SubgraphType } from './subgraph.type';

const graphNode = (node: GraphNode) => ({ ...node, node: nodeView(node) });

@Resolver()
export class SubgraphResolver {
  @Query(() => SubgraphType, { description: 'Nodes within `depth` of the seeds and every relationship among them.' })
  async subgraph(@Args(() => SubgraphArgs) args: SubgraphArgs, @Ctx() ctx: Context) {
    const subgraph = await ctx.repositories.subgraph.subgraph(args);
    return {
      nodes: subgraph.nodes.map(graphNode),
      edges: subgraph.edges,
      nodeCount: subgraph.nodes.length,
      edgeCount: subgraph.edges.length,
      truncated: subgraph.truncated,
    };
  }

  @Query(() => PathType, {
    nullable: true,
    description: 'A shortest connection between two nodes, ignoring direction; null when none is within maxHops.',
  })
  async path(@Args(() => PathArgs) args: PathArgs, @Ctx() ctx: Context) {
    const path = await ctx.repositories.subgraph.path(args.fromId, args.toId, args.maxHops);
    if (!path) return null;
    return { nodes: path.nodes.map(graphNode), edges: path.edges, length: path.edges.length };
  }
}
