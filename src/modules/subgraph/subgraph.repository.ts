/** Subgraphs around seeds, and shortest paths between two nodes, as plain GraphNode/GraphEdge. */
import type { Config } from '../../config';
import { appError, badInput, ErrorCode, limitExceeded, quoteList } from '../../errors';
import { type GraphSelection, graphElements, type Projected } from '../../graph/compile';
import type { Executor } from '../../graph/executor';
import {
  type EdgeRow,
  edgeFromRow,
  type NodeRow,
  nodeFromRow,
  type RawEdge,
  type RawNode,
  toGraphEdge,
  toGraphNode,
} from '../../graph/records';
import type { GraphEdge, GraphNode, Subgraph } from '../../model/elements';
import { RelType } from '../../model/vocabulary';
import { dateWindow } from '../common/date-window';
import { compiledPath, compiledSubgraph, EXPORT_BY_DEPTH, PATH_BY_HOPS, SUBGRAPH_BY_DEPTH } from './subgraph.cypher';

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

export interface ExportStreamRequest extends SubgraphRequest {
  /** Which elements to stream (a CSV table needs one kind); both by default. */
  parts?: { nodes: boolean; edges: boolean };
  /** Whose claims to read: every element's, or the disputed ones' only (the default). */
  claims?: 'all' | 'shared' | 'disputed';
}

export interface ExportHandlers {
  size(size: ExportSize): Promise<void> | void;
  node(node: GraphNode): Promise<void> | void;
  edge(edge: GraphEdge): Promise<void> | void;
}

/** A source as exports cite it: no `url` key when it has none. */
const sourceInfo = (s: ExportSize['sources'][number]) =>
  s.url ? s : { id: s.id, title: s.title, publisher: s.publisher, date: s.date };

/** A subgraph or path as a compiled statement projects it: the selected fields only. */
export interface SelectedGraph {
  nodes: Projected[];
  edges: Projected[];
  truncated: boolean;
}

const byId = (a: Projected, b: Projected) => String(a.id).localeCompare(String(b.id));

export interface PathResult {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const REL_TYPES = new Set<string>(Object.values(RelType));

/**
 * `handle` on each item in order, waiting for it whenever it returns a promise (a reader that
 * wants the export to slow down); synchronous as long as it never does.
 */
function inTurn<T>(items: readonly T[], handle: (item: T) => Promise<void> | void): Promise<void> | void {
  for (let i = 0; i < items.length; i++) {
    const pending = handle(items[i]!);
    if (pending) return pending.then(() => inTurn(items.slice(i + 1), handle));
  }
}

export class SubgraphRepository {
  constructor(
    private readonly executor: Executor,
    private readonly config: Config,
  ) {}

  async subgraph(request: SubgraphRequest): Promise<Subgraph> {
    const params = this.params(request);
    const rows = await this.executor.read<{ truncated: boolean | null; node: RawNode | null; edge: RawEdge | null }>(
      SUBGRAPH_BY_DEPTH[request.depth]!,
      { ...params, maxNodes: request.maxNodes ?? this.config.MAX_SUBGRAPH_NODES },
    );
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    for (const row of rows) {
      if (row.node) nodes.push(toGraphNode(row.node));
      else if (row.edge) edges.push(toGraphEdge(row.edge));
    }
    return {
      nodes,
      edges: edges.sort((a, b) => a.id.localeCompare(b.id)),
      truncated: rows[0]?.truncated ?? false,
    };
  }

  /**
   * The subgraph as `selection` (src/graph/compile) asks for it, in one statement: the same
   * nodes, edges, order and cut as `subgraph`.
   */
  async selectedSubgraph(request: SubgraphRequest, selection: GraphSelection): Promise<SelectedGraph> {
    const params = this.params(request);
    const [row] = await this.executor.read<SelectedGraph>(compiledSubgraph(request.depth, selection), {
      ...params,
      maxNodes: request.maxNodes ?? this.config.MAX_SUBGRAPH_NODES,
    });
    return {
      nodes: graphElements(row?.nodes ?? []),
      edges: graphElements(row?.edges ?? []).sort(byId),
      truncated: row?.truncated ?? false,
    };
  }

  /** The shortest path as `selection` asks for it, in one statement; null as `path` gives it. */
  async selectedPath(
    fromId: string,
    toId: string,
    maxHops: number,
    selection: GraphSelection,
  ): Promise<Omit<SelectedGraph, 'truncated'> | null> {
    this.checkHops(maxHops);
    if (fromId === toId) {
      const { nodes } = await this.selectedSubgraph({ seedIds: [fromId], depth: 0 }, { ...selection, edges: null });
      return nodes.length ? { nodes, edges: [] } : null;
    }
    const [row] = await this.executor.read<SelectedGraph>(compiledPath(maxHops, selection), { fromId, toId });
    if (!row) return null;
    return { nodes: graphElements(row.nodes), edges: graphElements(row.edges) };
  }

  /**
   * Streams an export: `handlers.size` first, with the node count (up to the cap + 1) and the
   * sources cited, before any node is read, so it can refuse an export over the cap by throwing;
   * then the nodes, then every relationship among them, with their claims as `claims` asks, row
   * by row as Neo4j sends them, in one statement. The handlers are awaited, so a slow reader
   * slows the query instead of filling memory. Unknown seeds → NOT_FOUND.
   */
  async streamExport(
    request: ExportStreamRequest,
    handlers: ExportHandlers,
  ): Promise<{ nodes: number; edges: number }> {
    const params = {
      ...this.params(request),
      maxNodes: request.maxNodes ?? this.config.MAX_EXPORT_NODES,
      withNodes: request.parts?.nodes ?? true,
      withEdges: request.parts?.edges ?? true,
      claims: request.claims ?? 'disputed',
    };
    let nodes = 0;
    let edges = 0;
    await this.executor.stream(
      EXPORT_BY_DEPTH[request.depth]!,
      params,
      (row) => {
        if (row.nodes) {
          return inTurn(row.nodes as NodeRow[], (node) => {
            nodes += 1;
            return handlers.node(nodeFromRow(node));
          });
        }
        if (row.edges) {
          return inTurn(row.edges as EdgeRow[], (edge) => {
            edges += 1;
            return handlers.edge(edgeFromRow(edge));
          });
        }
        const head = row.head as ExportSize & { missing: string[] };
        if (head.missing.length > 0) {
          throw appError(ErrorCode.NOT_FOUND, `No node has the id ${quoteList(head.missing)}`, { ids: head.missing });
        }
        return handlers.size({ nodes: head.nodes, sources: head.sources.map(sourceInfo) });
      },
      this.config.EXPORT_TIMEOUT_MS,
    );
    return { nodes, edges };
  }

  /** Validates a subgraph request against the caps; the statement parameters. */
  private params(request: SubgraphRequest) {
    const { seedIds, depth } = request;
    if (seedIds.length === 0) throw badInput('seedIds', 'give at least one seed id');
    const maxSeeds = this.config.MAX_SUBGRAPH_SEEDS;
    if (seedIds.length > maxSeeds) {
      throw limitExceeded('MAX_SUBGRAPH_SEEDS', maxSeeds, `seedIds: at most ${maxSeeds} seeds`, {
        argument: 'seedIds',
      });
    }
    if (!Number.isInteger(depth) || depth < 0) throw badInput('depth', 'must be a whole number, 0 or more');
    if (depth > this.config.MAX_SUBGRAPH_DEPTH) {
      throw limitExceeded(
        'MAX_SUBGRAPH_DEPTH',
        this.config.MAX_SUBGRAPH_DEPTH,
        `depth: at most ${this.config.MAX_SUBGRAPH_DEPTH}`,
        {
          argument: 'depth',
        },
      );
    }
    const types = request.relationshipTypes?.length ? request.relationshipTypes : null;
    const unknown = types?.filter((t) => !REL_TYPES.has(t)) ?? [];
    if (unknown.length > 0) throw badInput('relationshipTypes', `unknown type ${quoteList(unknown)}`);
    const window = dateWindow(request.from, request.to);
    return { seedIds, types, from: window.from, to: window.to };
  }

  /** A shortest connection (ignoring direction), or null when there is none within `maxHops`. */
  async path(fromId: string, toId: string, maxHops: number): Promise<PathResult | null> {
    this.checkHops(maxHops);
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

  private checkHops(maxHops: number): void {
    if (!Number.isInteger(maxHops) || maxHops < 1) throw badInput('maxHops', 'must be a whole number, 1 or more');
    if (maxHops > this.config.MAX_PATH_HOPS) {
      throw limitExceeded('MAX_PATH_HOPS', this.config.MAX_PATH_HOPS, `maxHops: at most ${this.config.MAX_PATH_HOPS}`, {
        argument: 'maxHops',
      });
    }
  }
}
