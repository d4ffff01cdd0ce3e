/**
 * Exports: a subgraph as JSON, GraphML, GEXF, Cytoscape.js JSON, CSV or a Cypher script.
 * `createExportWriter` streams one (the HTTP download feeds it nodes, then edges, as they come
 * from Neo4j); `exportSubgraph` writes a subgraph already in memory into one string (the
 * GraphQL field, for small exports). Both check the order of calls and refuse kinds and types
 * the model does not know.
 */
import type { Subgraph } from '../model/elements';
import { checkEdge, checkNode, exportError } from './common';
import { csvWriter } from './csv';
import { cypherWriter } from './cypher';
import { cytoscapeWriter } from './cytoscape';
import { ExportFormat, type ExportMeta, type ExportOptions, type ExportSink, type ExportWriter } from './format';
import { gexfWriter } from './gexf';
import { graphmlWriter } from './graphml';
import { jsonWriter } from './json';

export {
  type CsvTable,
  ExportFormat,
  type ExportMeta,
  type ExportOptions,
  type ExportSink,
  type ExportSource,
  type ExportWriter,
  exportClaims,
  exportFilename,
  exportParts,
  FORMAT_INFO,
  type FormatInfo,
} from './format';

export function createExportWriter(format: ExportFormat, sink: ExportSink, options: ExportOptions = {}): ExportWriter {
  return checked(formatWriter(format, sink, options));
}

function formatWriter(format: ExportFormat, sink: ExportSink, options: ExportOptions): ExportWriter {
  switch (format) {
    case ExportFormat.JSON:
      return jsonWriter(sink);
    case ExportFormat.GRAPHML:
      return graphmlWriter(sink);
    case ExportFormat.GEXF:
      return gexfWriter(sink);
    case ExportFormat.CYTOSCAPE:
      return cytoscapeWriter(sink);
    case ExportFormat.CSV:
      if (options.table !== undefined && options.table !== 'nodes' && options.table !== 'edges') {
        throw exportError(`unknown CSV table ${JSON.stringify(options.table)} (nodes or edges)`);
      }
      return csvWriter(sink, options.table);
    case ExportFormat.CYPHER:
      return cypherWriter(sink);
    default:
      throw exportError(`unknown format ${JSON.stringify(format)}`);
  }
}

type Phase = 'new' | 'nodes' | 'edges' | 'ended';

const PHASE_NAMES: Record<Phase, string> = {
  new: 'before begin()',
  nodes: 'while writing nodes',
  edges: 'while writing edges (nodes come first)',
  ended: 'after end()',
};

/** Enforces begin → nodes → edges → end, and checks every node's kind and edge's type first. */
function checked(writer: ExportWriter): ExportWriter {
  let phase: Phase = 'new';
  const expect = (allowed: Phase[], call: string) => {
    if (!allowed.includes(phase)) throw exportError(`${call}() called ${PHASE_NAMES[phase]}`);
  };
  return {
    begin(meta) {
      expect(['new'], 'begin');
      phase = 'nodes';
      writer.begin(meta);
    },
    node(node) {
      expect(['nodes'], 'node');
      checkNode(node);
      writer.node(node);
    },
    edge(edge) {
      expect(['nodes', 'edges'], 'edge');
      checkEdge(edge);
      phase = 'edges';
      writer.edge(edge);
    },
    end() {
      expect(['nodes', 'edges'], 'end');
      phase = 'ended';
      writer.end();
    },
  };
}

/**
 * A whole subgraph as one string in `format`. The meta's counts and `truncated` come from the
 * subgraph; an edge whose endpoint is not among the nodes is refused (Cytoscape.js would fail
 * on it, and the Cypher script would silently skip it).
 */
export function exportSubgraph(
  subgraph: Subgraph,
  format: ExportFormat,
  meta: ExportMeta,
  options: ExportOptions = {},
): string {
  const ids = new Set(subgraph.nodes.map((n) => n.id));
  for (const edge of subgraph.edges) {
    if (!ids.has(edge.from) || !ids.has(edge.to)) {
      throw exportError(`edge ${JSON.stringify(edge.id)} joins a node that is not in the subgraph`);
    }
  }
  const chunks: string[] = [];
  const writer = createExportWriter(format, (chunk) => chunks.push(chunk), options);
  writer.begin({
    ...meta,
    nodeCount: subgraph.nodes.length,
    edgeCount: subgraph.edges.length,
    truncated: subgraph.truncated,
  });
  for (const node of subgraph.nodes) writer.node(node);
  for (const edge of subgraph.edges) writer.edge(edge);
  writer.end();
  return chunks.join('');
}
