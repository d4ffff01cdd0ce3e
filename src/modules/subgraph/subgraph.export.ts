/**
 * Runs an export: checks its size against the cap before anything is written, then streams the
 * subgraph from Neo4j through a format writer into a target — an HTTP response, a file, or a
 * string for the GraphQL field. The one path every export takes (HTTP, GraphQL, CLI).
 */
import { appError, ErrorCode, limitExceeded } from '../../errors';
import {
  createExportWriter,
  type ExportFormat,
  type ExportOptions,
  type ExportWriter,
  exportClaims,
  exportParts,
} from '../../export';
import type { SubgraphRepository, SubgraphRequest } from './subgraph.repository';

export interface ExportRequest extends SubgraphRequest {
  format: ExportFormat;
  options?: ExportOptions;
}

export interface ExportTarget {
  /** Receives the text in chunks of about FLUSH_CHARS characters. */
  write(chunk: string): void;
  /** Awaited after every chunk: resolve when the target can take more. */
  ready?(): Promise<void> | void;
  /** Called once the size is known, before the first chunk (e.g. to report progress). */
  start?(size: { nodes: number }): void;
  progress?(done: { nodes: number; edges: number }): void;
}

export interface ExportCounts {
  nodeCount: number;
  edgeCount: number;
}

/**
 * Writers emit a line or so per element; the target gets them joined into chunks of this many
 * characters, so an HTTP response makes one write (and one chunk header) per 64 KiB, not one
 * per element.
 */
export const FLUSH_CHARS = 64 * 1024;

export async function runExport(
  repository: SubgraphRepository,
  request: ExportRequest,
  target: ExportTarget,
  maxNodes: number,
): Promise<ExportCounts> {
  const buffer = new ChunkBuffer(target);
  let writer: ExportWriter | undefined;
  let nodes = 0;
  let edges = 0;
  await repository.streamExport(
    { ...request, maxNodes, parts: exportParts(request.format, request.options), claims: exportClaims(request.format) },
    {
      size(size) {
        if (size.nodes > maxNodes) {
          throw limitExceeded(
            'MAX_EXPORT_NODES',
            maxNodes,
            `The export would hold ${size.nodes} nodes, over the limit of ${maxNodes}: lower the depth or pick fewer seeds.`,
            { nodes: size.nodes },
          );
        }
        target.start?.({ nodes: size.nodes });
        writer = createExportWriter(request.format, buffer.push, request.options);
        writer.begin({
          seedIds: request.seedIds,
          depth: request.depth,
          generatedAt: new Date().toISOString(),
          sources: size.sources,
          nodeCount: size.nodes,
        });
      },
      node(node) {
        if (!writer) throw unsized();
        writer.node(node);
        nodes += 1;
        if (nodes % 1000 === 0) target.progress?.({ nodes, edges });
        return buffer.full() ? buffer.flush() : undefined;
      },
      edge(edge) {
        if (!writer) throw unsized();
        writer.edge(edge);
        edges += 1;
        if (edges % 1000 === 0) target.progress?.({ nodes, edges });
        return buffer.full() ? buffer.flush() : undefined;
      },
    },
  );
  if (!writer) throw unsized();
  writer.end();
  await buffer.flush();
  target.progress?.({ nodes, edges });
  return { nodeCount: nodes, edgeCount: edges };
}

const unsized = () =>
  appError(ErrorCode.INTERNAL_SERVER_ERROR, 'Export failed: the graph did not report its size first');

/** Collects a writer's small pieces and hands them to the target joined. */
class ChunkBuffer {
  private pieces: string[] = [];
  private length = 0;

  constructor(private readonly target: ExportTarget) {}

  readonly push = (piece: string): void => {
    this.pieces.push(piece);
    this.length += piece.length;
  };

  full(): boolean {
    return this.length >= FLUSH_CHARS;
  }

  async flush(): Promise<void> {
    if (this.length === 0) return;
    const chunk = this.pieces.join('');
    this.pieces = [];
    this.length = 0;
    this.target.write(chunk);
    await this.target.ready?.();
  }
}
