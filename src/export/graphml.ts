/**
 * GraphML (http://graphml.graphdrawing.org/), directed, for Cytoscape desktop, yEd, networkx and
 * Gephi. Attributes are typed `<key>`s declared up front from the fixed list in common.ts
 * (node keys `n_<name>`, edge keys `e_<name>`, graph keys `g_<name>`); list properties and
 * evidence are JSON strings. The export's meta goes into graph-level data.
 */
import type { XMLDocumentCB } from 'xmlbuilder';
import type { GraphEdge, GraphNode } from '../graph/types';
import {
  type AttributeSpec,
  type AttributeValue,
  EDGE_ATTRIBUTES,
  edgeAttributeValues,
  NODE_ATTRIBUTES,
  nodeAttributeValues,
} from './common';
import type { ExportMeta, ExportSink, ExportWriter } from './format';
import { xmlStream } from './xml';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const GRAPHML_XSD = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

const GRAPH_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'seedIds', type: 'string', list: true },
  { name: 'depth', type: 'int' },
  { name: 'generatedAt', type: 'string' },
  { name: 'sources', type: 'string' },
  { name: 'truncated', type: 'boolean' },
  { name: 'nodeCount', type: 'int' },
  { name: 'edgeCount', type: 'int' },
];

/** graphml > graph > node: each node and edge on a line of its own. */
const ELEMENT_DEPTH = 2;

export function graphmlWriter(sink: ExportSink): ExportWriter {
  const xml = xmlStream(sink, ELEMENT_DEPTH);
  const doc = xml.doc;
  return {
    begin(meta) {
      head(doc, meta);
      xml.flush();
    },
    node(node) {
      nodeElement(doc, node);
      xml.flush();
    },
    edge(edge) {
      edgeElement(doc, edge);
      xml.flush();
    },
    end() {
      doc.end();
      xml.flush();
    },
  };
}

/** Everything before the first node: the root, the keys, and the graph with its data; graph stays open. */
function head(doc: XMLDocumentCB, meta: ExportMeta): void {
  doc.ele('graphml', {
    xmlns: GRAPHML_NS,
    'xmlns:xsi': XSI_NS,
    'xsi:schemaLocation': `${GRAPHML_NS} ${GRAPHML_XSD}`,
  });
  declareKeys(doc, 'graph', 'g', GRAPH_ATTRIBUTES);
  declareKeys(doc, 'node', 'n', NODE_ATTRIBUTES);
  declareKeys(doc, 'edge', 'e', EDGE_ATTRIBUTES);
  doc.ele('graph', { id: 'G', edgedefault: 'directed' });
  const data = (name: string, text: string) => doc.ele('data', { key: `g_${name}` }, text).up();
  data('seedIds', JSON.stringify(meta.seedIds));
  data('depth', String(meta.depth));
  data('generatedAt', meta.generatedAt);
  data('sources', JSON.stringify(meta.sources));
  if (meta.truncated !== undefined) data('truncated', String(meta.truncated));
  if (meta.nodeCount !== undefined) data('nodeCount', String(meta.nodeCount));
  if (meta.edgeCount !== undefined) data('edgeCount', String(meta.edgeCount));
}

function declareKeys(doc: XMLDocumentCB, domain: string, prefix: string, specs: readonly AttributeSpec[]): void {
  for (const spec of specs) {
    doc.ele('key', { id: `${prefix}_${spec.name}`, for: domain, 'attr.name': spec.name, 'attr.type': spec.type }).up();
  }
}

function nodeElement(doc: XMLDocumentCB, node: GraphNode): void {
  const values = nodeAttributeValues(node);
  doc.ele('node', { id: node.id });
  addData(doc, 'n', values);
  doc.up();
}

function edgeElement(doc: XMLDocumentCB, edge: GraphEdge): void {
  const values = edgeAttributeValues(edge);
  doc.ele('edge', { id: edge.id, source: edge.from, target: edge.to });
  addData(doc, 'e', values);
  doc.up();
}

function addData(doc: XMLDocumentCB, prefix: string, values: readonly AttributeValue[]): void {
  for (const { spec, text } of values) doc.ele('data', { key: `${prefix}_${spec.name}` }, text).up();
}
