/**
 * Runs an export: checks its size against the cap before anything is written, then streams the
 * subgraph from Neo4j through a format writer into a sink — an HTTP response, a file, or a string
 * for the GraphQL field. The one path every export takes (HTTP, GraphQL, CLI).
 */
import { limitExceeded } from '../../errors';
import { createExportWriter, type ExportFormat, type ExportOptions } from '../../export';
import type { SubgraphRepository, SubgraphRequest } from './subgraph.repository';

export interface ExportRequest extends SubgraphRequest {
  format: ExportFormat;
  options?: ExportOptions;
}

export interface ExportTarget {
  /** Receives the text, chunk by chunk. */
  write(chunk: string): void;
  /** Awaited after every node and edge: resolve when the target can take more. */
  ready?(): Promise<void> | void;
  /** Called once the size is known, before the first chunk (e.g. to report progress). */
  start?(size: { nodes: number }): void;
  progress?(done: { nodes: number; edges: number }): void;
}

export interface ExportCounts {
  nodeCount: number;
  edgeCount: number;
}

export async function runExport(
  repository: SubgraphRepository,
  request: ExportRequest,
  target: ExportTarget,
  maxNodes: number,
): Promise<ExportCounts> {
  const size = await repository.exportSize(request);
  if (size.nodes > maxNodes) {
    throw limitExceeded(
      'exportNodes',
      `The export would hold ${size.nodes} nodes, over the limit of ${maxNodes}: lower the depth or pick fewer seeds.`,
      {
        nodes: size.nodes,
        max: maxNodes,
      },
    );
  }
  target.start?.({ nodes: size.nodes });
  const writer = createExportWriter(request.format, (chunk) => target.write(chunk), request.options);
  writer.begin({
    seedIds: request.seedIds,
    depth: request.depth,
    generatedAt: new Date().toISOString(),
    sources: size.sources,
    nodeCount: size.nodes,
  });
  let nodes = 0;
  let edges = 0;
  await repository.streamSubgraph(
    request,
    async (node) => {
      writer.node(node);
      nodes += 1;
      if (nodes % 1000 === 0) target.progress?.({ nodes, edges });
      await target.ready?.();
    },
    async (edge) => {
      writer.edge(edge);
      edges += 1;
      if (edges % 1000 === 0) target.progress?.({ nodes, edges });
      await target.ready?.();
    },
  );
  writer.end();
  target.progress?.({ nodes, edges });
  return { nodeCount: nodes, edgeCount: edges };
}
