/** Generic nodes and edges, for drawing and exporting: every property, every quote. */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ExportFormat } from '../../export';
import { NodeKind, RelType } from '../../model/vocabulary';
import { Evidence, NodeInterface } from '../node/node.type';

@ObjectType('GraphNode', {
  simpleResolvers: true,
  description: 'A node with all its properties, as drawn and exported.',
})
export class GraphNodeType {
  @Field(() => ID)
  id!: string;

  @Field(() => NodeKind)
  kind!: NodeKind;

  @Field(() => String)
  name!: string;

  @Field(() => GraphQLJSONObject, { description: 'Every stored property but id, name and evidence.' })
  properties!: Record<string, unknown>;

  @Field(() => [Evidence])
  evidence!: Evidence[];

  @Field(() => NodeInterface, { description: 'The same node as its typed object, for its relationship fields.' })
  node!: unknown;
}

@ObjectType('GraphEdge', {
  simpleResolvers: true,
  description: 'A relationship with all its properties, as drawn and exported.',
})
export class GraphEdgeType {
  @Field(() => ID)
  id!: string;

  @Field(() => RelType)
  type!: RelType;

  @Field(() => ID, { description: 'Id of the node it starts from.' })
  from!: string;

  @Field(() => ID, { description: 'Id of the node it points to.' })
  to!: string;

  @Field(() => GraphQLJSONObject, { description: 'Every stored property (role, title, date…) but id and evidence.' })
  properties!: Record<string, unknown>;

  @Field(() => [Evidence])
  evidence!: Evidence[];
}

@ObjectType('Subgraph', {
  simpleResolvers: true,
  description: 'Nodes around seeds and every relationship among them.',
})
export class SubgraphType {
  @Field(() => [GraphNodeType])
  nodes!: GraphNodeType[];

  @Field(() => [GraphEdgeType])
  edges!: GraphEdgeType[];

  @Field(() => Int)
  nodeCount!: number;

  @Field(() => Int)
  edgeCount!: number;

  @Field(() => Boolean, {
    description: 'True when the node cap (MAX_SUBGRAPH_NODES) cut it short; nearest nodes are kept.',
  })
  truncated!: boolean;
}

@ObjectType('Path', {
  simpleResolvers: true,
  description: 'A shortest connection between two nodes: nodes in order, and the edges between them.',
})
export class PathType {
  @Field(() => [GraphNodeType], { description: 'From the first node to the last, in order.' })
  nodes!: GraphNodeType[];

  @Field(() => [GraphEdgeType], { description: 'edges[i] links nodes[i] and nodes[i+1] (in either direction).' })
  edges!: GraphEdgeType[];

  @Field(() => Int, { description: 'Number of edges.' })
  length!: number;
}

@ObjectType('ExportResult', { simpleResolvers: true, description: 'A subgraph written in one export format.' })
export class ExportResultType {
  @Field(() => ExportFormat)
  format!: ExportFormat;

  @Field(() => String, { description: 'Content-Type of the file, e.g. application/graphml+xml.' })
  mediaType!: string;

  @Field(() => String, { description: 'A file name to save it under.' })
  filename!: string;

  @Field(() => String, { description: 'The file itself.' })
  content!: string;

  @Field(() => Int, { description: 'Nodes in the file (a CSV edges table holds none).' })
  nodeCount!: number;

  @Field(() => Int, { description: 'Edges in the file (a CSV nodes table holds none).' })
  edgeCount!: number;

  @Field(() => String, { description: 'The same export as an HTTP download (GET), for files too large to inline.' })
  downloadPath!: string;
}
