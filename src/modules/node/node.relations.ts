/**
 * Field resolvers' access to a node's relationships through the request's batch loader, as
 * views: the edge with both ends attached, so `Office.person`/`Office.of` cost nothing more.
 */
import type { Context } from '../../context';
import type { Relation } from '../../graph/loaders';
import { type EdgeView, edgeView, type NodeView, nodeView } from './node.view';

export interface Linked {
  edge: EdgeView & { fromNode: NodeView; toNode: NodeView };
  node: NodeView;
}

export async function linked(ctx: Context, parent: NodeView, relation: Relation): Promise<Linked[]> {
  const neighbours = await ctx.loaders.relations(parent.id, relation);
  return neighbours.map(({ edge, node }) => {
    const other = nodeView(node);
    const ends =
      relation.direction === 'out' ? { fromNode: parent, toNode: other } : { fromNode: other, toNode: parent };
    return { edge: { ...edgeView(edge), ...ends }, node: other };
  });
}

/** The nodes at the other end, in name order. */
export async function linkedNodes(ctx: Context, parent: NodeView, relation: Relation): Promise<NodeView[]> {
  return (await linked(ctx, parent, relation)).map((l) => l.node).sort(byName);
}

export async function linkedNode(ctx: Context, parent: NodeView, relation: Relation): Promise<NodeView | null> {
  return (await linkedNodes(ctx, parent, relation))[0] ?? null;
}

/** The relationships as edge views (both ends attached), ordered by the other end's name. */
export async function linkedEdges(ctx: Context, parent: NodeView, relation: Relation): Promise<Linked['edge'][]> {
  return (await linked(ctx, parent, relation)).sort((a, b) => byName(a.node, b.node)).map((l) => l.edge);
}

/** An edge's endpoint: attached when the edge was reached from a node, loaded otherwise. */
export async function endpoint(ctx: Context, edge: EdgeView, end: 'from' | 'to'): Promise<NodeView> {
  const attached = (edge as Partial<Linked['edge']>)[end === 'from' ? 'fromNode' : 'toNode'];
  if (attached) return attached;
  const node = await ctx.loaders.nodes.load(end === 'from' ? edge.fromId : edge.toId);
  if (!node) throw new Error(`dangling relationship ${edge.id}`);
  return nodeView(node);
}

/**
 * By name, then id, in code-unit order: the order Cypher's ORDER BY gives, so a list compiled
 * into one statement (src/graph/compile) and one assembled here read the same.
 */
export function byName(a: NodeView, b: NodeView): number {
  return compare(a.name, b.name) || compare(a.id, b.id);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
