/** Subgraphs around seeds, and shortest paths between two nodes, as plain GraphNode/GraphEdge. */
import type { Config } from '../../config';
import { badInput, limitExceeded } from '../../errors';
import type { Executor } from '../../graph/executor';
import { RelType } from '../../graph/model';
import { type RawEdge, type RawNode, toGraphEdge, toGraphNode } from '../../graph/records';
import type { GraphEdge, GraphNode, Subgraph } from '../../graph/types';
import { dateWindow } from '../common/date-window';
import { PATH_BY_HOPS, SUBGRAPH_BY_DEPTH } from './subgraph.cypher';

export interface SubgraphRequest {
  seedIds: string[];
  depth: number;
  relationshipTypes?: RelType[] | null;
  from?: string | null;
  to?: string | null;
  /** Overrides MAX_SUBGRAPH_NODES (exports allow more). */
  maxNodes?: number;
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
    const [row] = await this.executor.read<{ nodes: RawNode[]; edges: RawEdge[]; truncated: boolean }>(
      SUBGRAPH_BY_DEPTH[depth]!,
      {
        seedIds,
        types,
        from: window.from,
        to: window.to,
        maxNodes: request.maxNodes ?? this.config.MAX_SUBGRAPH_NODES,
      },
    );
    return {
      nodes: (row?.nodes ?? []).map(toGraphNode),
      edges: (row?.edges ?? []).map(toGraphEdge).sort((a, b) => a.id.localeCompare(b.id)),
      truncated: row?.truncated ?? false,
    };
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
