/** Subgraphs around seeds, and shortest paths between two nodes, as plain GraphNode/GraphEdge. */
import type { Config } from '../../config';
import { appError, badInput, ErrorCode, limitExceeded } from '../../errors';
import type { Executor } from '../../graph/executor';
import { RelType } from '../../graph/model';
import { type RawEdge, type RawNode, toGraphEdge, toGraphNode } from '../../graph/records';
import type { GraphEdge, GraphNode, Subgraph } from '../../graph/types';
import { dateWindow } from '../common/date-window';
import {
  EXPORT_EDGES,
  EXPORT_NODES_BY_DEPTH,
  EXPORT_SIZE_BY_DEPTH,
  MISSING_SEEDS,
  PATH_BY_HOPS,
  SUBGRAPH_BY_DEPTH,
} from './subgraph.cypher';

export interface SubgraphRequest {
  seedIds: string[];
  depth: number;
  relationshipTypes?: RelType[] | null;
  from?: string | null;
  to?: string | null;
  /** Overrides MAX_SUBGRAPH_NODES (exports allow more). */
  maxNodes?: number;
}

export interface ExportSize {
  nodes: number;
  sources: { id: string; title: string; publisher: string; date: string; url?: string }[];
}

export interface PathResult {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const REL_TYPES = new Set<string>(Object.values(RelType));

export class SubgraphRepository {
  constructor(
    private readonly executor: Executor,
    private readonly config: Config,
  ) {}

  async subgraph(request: SubgraphRequest): Promise<Subgraph> {
    const params = this.params(request);
    const [row] = await this.executor.read<{ nodes: RawNode[]; edges: RawEdge[]; truncated: boolean }>(
      SUBGRAPH_BY_DEPTH[request.depth]!,
      { ...params, maxNodes: request.maxNodes ?? this.config.MAX_SUBGRAPH_NODES },
    );
    return {
      nodes: (row?.nodes ?? []).map(toGraphNode),
      edges: (row?.edges ?? []).map(toGraphEdge).sort((a, b) => a.id.localeCompare(b.id)),
      truncated: row?.truncated ?? false,
    };
  }

  /** How many nodes an export would hold, and the sources their evidence cites; nothing streamed yet. */
  async exportSize(request: SubgraphRequest): Promise<ExportSize> {
    const params = this.params(request);
    const [missing] = await this.executor.read<{ missing: string[] }>(MISSING_SEEDS, { seedIds: params.seedIds });
    if (missing && missing.missing.length > 0) {
      throw appError(ErrorCode.NOT_FOUND, `No node has the id ${missing.missing.join(', ')}`, { ids: missing.missing });
    }
    const [row] = await this.executor.read<ExportSize>(EXPORT_SIZE_BY_DEPTH[request.depth]!, {
      ...params,
      maxNodes: request.maxNodes ?? this.config.MAX_EXPORT_NODES,
    });
    return {
      nodes: row?.nodes ?? 0,
      sources: (row?.sources ?? []).map((s) =>
        s.url ? s : { id: s.id, title: s.title, publisher: s.publisher, date: s.date },
      ),
    };
  }

  /**
   * Streams an export's nodes, then every relationship among them, row by row as Neo4j sends
   * them: `onNode`/`onEdge` are awaited, so a slow reader slows the query instead of filling
   * memory. Only the node ids are held (to select the relationships).
   */
  async streamSubgraph(
    request: SubgraphRequest,
    onNode: (node: GraphNode) => Promise<void> | void,
    onEdge: (edge: GraphEdge) => Promise<void> | void,
  ): Promise<{ nodes: number; edges: number }> {
    const params = { ...this.params(request), maxNodes: request.maxNodes ?? this.config.MAX_EXPORT_NODES };
    const ids: string[] = [];
    const timeoutMs = this.config.EXPORT_TIMEOUT_MS;
    await this.executor.stream(
      EXPORT_NODES_BY_DEPTH[request.depth]!,
      params,
      async (row) => {
        const node = toGraphNode(row.node as RawNode);
        ids.push(node.id);
        await onNode(node);
      },
      timeoutMs,
    );
    const idSet = Object.fromEntries(ids.map((id) => [id, true]));
    const edges = await this.executor.stream(
      EXPORT_EDGES,
      { ids, idSet, types: params.types },
      (row) => onEdge(toGraphEdge(row.edge as RawEdge)),
      timeoutMs,
    );
    return { nodes: ids.length, edges };
  }

  /** Validates a subgraph request against the caps; the statement parameters. */
  private params(request: SubgraphRequest) {
    const { seedIds, depth } = request;
    if (seedIds.length === 0) throw badInput('seedIds', 'give at least one seed id');
    if (seedIds.length > 100) throw limitExceeded('seeds', 'seedIds: at most 100 seeds');
    if (!Number.isInteger(depth) || depth < 0) throw badInput('depth', 'must be a whole number, 0 or more');
    if (depth > this.config.MAX_SUBGRAPH_DEPTH) {
      throw limitExceeded('depth', `depth: at most ${this.config.MAX_SUBGRAPH_DEPTH}`, {
        max: this.config.MAX_SUBGRAPH_DEPTH,
      });
    }
    const types = request.relationshipTypes?.length ? request.relationshipTypes : null;
    const unknown = types?.filter((t) => !REL_TYPES.has(t)) ?? [];
    if (unknown.length > 0) throw badInput('relationshipTypes', `unknown type ${unknown.join(', ')}`);
    const window = dateWindow(request.from, request.to);
    return { seedIds, types, from: window.from, to: window.to };
  }

  /** A shortest connection (ignoring direction), or null when there is none within `maxHops`. */
  async path(fromId: string, toId: string, maxHops: number): Promise<PathResult | null> {
    if (!Number.isInteger(maxHops) || maxHops < 1) throw badInput('maxHops', 'must be a whole number, 1 or more');
    if (maxHops > this.config.MAX_PATH_HOPS) {
      throw limitExceeded('maxHops', `maxHops: at most ${this.config.MAX_PATH_HOPS}`, {
        max: this.config.MAX_PATH_HOPS,
      });
    }
    if (fromId === toId) {
      const { nodes } = await this.subgraph({ seedIds: [fromId], depth: 0 });
      return nodes.length ? { nodes, edges: [] } : null;
    }
    const [row] = await this.executor.read<{ nodes: RawNode[]; edges: RawEdge[] }>(PATH_BY_HOPS[maxHops]!, {
      fromId,
      toId,
    });
    if (!row) return null;
    return { nodes: row.nodes.map(toGraphNode), edges: row.edges.map(toGraphEdge) };
  }
}
