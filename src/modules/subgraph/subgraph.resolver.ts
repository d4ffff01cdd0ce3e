/** `subgraph` and `path`: generic nodes and edges for the graph view and exports. */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { limitExceeded } from '../../errors';
import { exportFilename, FORMAT_INFO } from '../../export';
import { graphSelection } from '../../graph/compile';
import type { GraphNode } from '../../model/elements';
import { nodeView } from '../node/node.view';
import { runExport } from './subgraph.export';
import { ExportArgs, PathArgs, SubgraphArgs } from './subgraph.input';
import { ExportResultType, PathType, SubgraphType } from './subgraph.type';

const graphNode = (node: GraphNode) => ({ ...node, node: nodeView(node) });

/** The GET /export URL of the same export. */
function exportDownloadPath(args: ExportArgs): string {
  const query = new URLSearchParams();
  for (const seed of args.seedIds) query.append('seed', seed);
  query.set('depth', String(args.depth));
  query.set('format', args.format);
  if (args.table) query.set('table', args.table);
  for (const type of args.relationshipTypes ?? []) query.append('type', type);
  if (args.from) query.set('from', args.from);
  if (args.to) query.set('to', args.to);
  return `/export?${query}`;
}

@Resolver()
export class SubgraphResolver {
  @Query(() => SubgraphType, { description: 'Nodes within `depth` of the seeds and every relationship among them.' })
  async subgraph(@Args(() => SubgraphArgs) args: SubgraphArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const selection = ctx.config.SELECTION_COMPILER ? graphSelection(info) : null;
    if (selection) {
      const { nodes, edges, truncated } = await ctx.repositories.subgraph.selectedSubgraph(args, selection);
      return { nodes, edges, nodeCount: nodes.length, edgeCount: edges.length, truncated };
    }
    const subgraph = await ctx.repositories.subgraph.subgraph(args);
    return {
      nodes: subgraph.nodes.map(graphNode),
      edges: subgraph.edges,
      nodeCount: subgraph.nodes.length,
      edgeCount: subgraph.edges.length,
      truncated: subgraph.truncated,
    };
  }

  @Query(() => ExportResultType, {
    description:
      'The subgraph around seeds as a file in one format. Larger than MAX_EXPORT_INLINE_BYTES → LIMIT_EXCEEDED: download `downloadPath` instead (GET /export streams any size).',
  })
  async exportSubgraph(@Args(() => ExportArgs) args: ExportArgs, @Ctx() ctx: Context) {
    const options = args.table ? { table: args.table } : {};
    const downloadPath = exportDownloadPath(args);
    const chunks: string[] = [];
    let bytes = 0;
    const max = ctx.config.MAX_EXPORT_INLINE_BYTES;
    const counts = await runExport(
      ctx.repositories.subgraph,
      { ...args, options },
      {
        write(chunk) {
          bytes += Buffer.byteLength(chunk);
          if (bytes > max) {
            throw limitExceeded(
              'MAX_EXPORT_INLINE_BYTES',
              max,
              `The export is larger than ${max} bytes: download it from ${downloadPath}`,
              {
                downloadPath,
              },
            );
          }
          chunks.push(chunk);
        },
      },
      ctx.config.MAX_EXPORT_NODES,
    );
    return {
      format: args.format,
      mediaType: FORMAT_INFO[args.format].mediaType,
      filename: exportFilename(args.seedIds, args.depth, args.format, options),
      content: chunks.join(''),
      ...counts,
      downloadPath,
    };
  }

  @Query(() => PathType, {
    nullable: true,
    description: 'A shortest connection between two nodes, ignoring direction; null when none is within maxHops.',
  })
  async path(@Args(() => PathArgs) args: PathArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const selection = ctx.config.SELECTION_COMPILER ? graphSelection(info) : null;
    if (selection) {
      const found = await ctx.repositories.subgraph.selectedPath(args.fromId, args.toId, args.maxHops, selection);
      return found && { ...found, length: found.edges.length };
    }
    const path = await ctx.repositories.subgraph.path(args.fromId, args.toId, args.maxHops);
    if (!path) return null;
    return { nodes: path.nodes.map(graphNode), edges: path.edges, length: path.edges.length };
  }
}
