/**
 * The export formats, what each is called on the wire (media type, file extension, file name),
 * and the streaming writer contract every format implements: `begin`, every node, every edge,
 * `end`, each call handing finished text to a sink, so an export of any size never sits in
 * memory whole.
 */
import type { GraphEdge, GraphNode } from '../model/elements';

export enum ExportFormat {
  /** Ours: every property, kind and type, and the evidence of each node and edge. */
  JSON = 'JSON',
  /** GraphML for Cytoscape (desktop), yEd, networkx, Gephi. */
  GRAPHML = 'GRAPHML',
  /** GEXF 1.2 for Gephi, with meetings on its timeline. */
  GEXF = 'GEXF',
  /** Cytoscape.js elements JSON, as `cytoscape({ elements })` takes it (and Cytoscape desktop imports). */
  CYTOSCAPE = 'CYTOSCAPE',
  /** RFC 4180 CSV, one table per file: nodes or edges (see `CsvTable`). */
  CSV = 'CSV',
  /** A parameter-free, idempotent Cypher script that rebuilds the subgraph in another Neo4j. */
  CYPHER = 'CYPHER',
}

/**
 * CSV is one table per file. The nodes and the edges have different columns, and a zip of both
 * would be binary, which GraphQL's string `content` cannot carry; so a CSV export names its
 * table, and users download nodes.csv and edges.csv separately.
 */
export type CsvTable = 'nodes' | 'edges';

/** Which elements a file holds: a CSV table holds one kind; every other format both. */
export function exportParts(format: ExportFormat, options: ExportOptions = {}): { nodes: boolean; edges: boolean } {
  if (format !== ExportFormat.CSV) return { nodes: true, edges: true };
  const table = options.table ?? 'nodes';
  return { nodes: table === 'nodes', edges: table === 'edges' };
}

/**
 * Which claims a format needs read from the graph: every element's (the Cypher script recreates
 * the Claim records, their source dates included); those of the elements that more than one
 * source states (our JSON and Cytoscape.js carry every claim, but an element only one source
 * states has exactly one, equal to its current values, which the writer makes from the element
 * itself: see `singleSourceClaims`); or only the disputed elements' (the tables: GraphML, GEXF,
 * CSV show the current value, and beside it the disputed properties' values per source).
 */
export function exportClaims(format: ExportFormat): 'all' | 'shared' | 'disputed' {
  if (format === ExportFormat.CYPHER) return 'all';
  return format === ExportFormat.JSON || format === ExportFormat.CYTOSCAPE ? 'shared' : 'disputed';
}

export interface ExportOptions {
  /** CSV only: which table to write (default `nodes`). */
  table?: CsvTable;
}

export interface FormatInfo {
  /** The full Content-Type value. */
  mediaType: string;
  /** File extension, without the dot. */
  extension: string;
}

export const FORMAT_INFO: Readonly<Record<ExportFormat, FormatInfo>> = {
  [ExportFormat.JSON]: { mediaType: 'application/json', extension: 'json' },
  [ExportFormat.GRAPHML]: { mediaType: 'application/graphml+xml', extension: 'graphml' },
  [ExportFormat.GEXF]: { mediaType: 'application/gexf+xml', extension: 'gexf' },
  // `.cyjs` is the extension Cytoscape desktop's "Import Network from File" knows for this JSON.
  [ExportFormat.CYTOSCAPE]: { mediaType: 'application/json', extension: 'cyjs' },
  [ExportFormat.CSV]: { mediaType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  // No media type is registered for Cypher; plain text is what every tool opens.
  [ExportFormat.CYPHER]: { mediaType: 'text/plain; charset=utf-8', extension: 'cypher' },
};

/** A source the export's evidence cites, listed in the export's header. */
export interface ExportSource {
  id: string;
  title: string;
  publisher: string;
  date: string;
  url?: string;
}

/** What an export says about itself. Counts may be unknown when streaming. */
export interface ExportMeta {
  seedIds: string[];
  depth: number;
  /** ISO 8601 timestamp. */
  generatedAt: string;
  sources: ExportSource[];
  nodeCount?: number;
  edgeCount?: number;
  /** True when a size cap cut the subgraph short. */
  truncated?: boolean;
}

/** Receives the export's text, in order, chunk by chunk. */
export type ExportSink = (chunk: string) => void;

/**
 * Writes one export to its sink. Call `begin` once, then `node` for every node, then `edge` for
 * every edge (no node after the first edge), then `end` once. Every call writes synchronously,
 * so a caller streaming to a socket can wait for 'drain' between calls.
 */
export interface ExportWriter {
  begin(meta: ExportMeta): void;
  node(node: GraphNode): void;
  edge(edge: GraphEdge): void;
  end(): void;
}

/**
 * `diplograph-country-UKR-depth-2.graphml`; several seeds name the first and count the rest;
 * CSV adds its table. Only [A-Za-z0-9._-]: safe in Content-Disposition and on every file system.
 */
export function exportFilename(
  seedIds: readonly string[],
  depth: number,
  format: ExportFormat,
  options: ExportOptions = {},
): string {
  const first = seedIds[0] === undefined ? 'subgraph' : fileSafe(seedIds[0]) || 'subgraph';
  const more = seedIds.length > 1 ? `-and-${seedIds.length - 1}-more` : '';
  const table = format === ExportFormat.CSV ? `-${options.table ?? 'nodes'}` : '';
  const depthPart = Number.isInteger(depth) && depth >= 0 ? `-depth-${depth}` : '';
  return `diplograph-${first}${more}${depthPart}${table}.${FORMAT_INFO[format].extension}`;
}

function fileSafe(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
    .replace(/[-.]+$/, '');
}
