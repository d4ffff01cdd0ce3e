/**
 * GraphML (http://graphml.graphdrawing.org/), directed, for Cytoscape desktop, yEd, networkx and
 * Gephi. Attributes are typed `<key>`s declared up front from the fixed list in common.ts
 * (node keys `n_<name>`, edge keys `e_<name>`, graph keys `g_<name>`); list properties and
 * evidence are JSON strings. The export's meta goes into graph-level data.
 */
import type { XMLDocumentCB } from 'xmlbuilder';
import {
  type AttributeSpec,
  type AttributeVisitor,
  EDGE_ATTRIBUTES,
  NODE_ATTRIBUTES,
  visitEdgeAttributes,
  visitNodeAttributes,
} from './common';
import type { ExportMeta, ExportSink, ExportWriter } from './format';
import { type ElementLine, xmlStream } from './xml';

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
  const line = xml.line;
  const nodeData = dataWriter(line, 'n', NODE_ATTRIBUTES);
  const edgeData = dataWriter(line, 'e', EDGE_ATTRIBUTES);
  return {
    begin(meta) {
      head(doc, meta);
      xml.flush();
    },
    node(node) {
      line.start('node');
      line.attribute('id', node.id);
      line.endStart();
      visitNodeAttributes(node, nodeData);
      line.close('node');
      xml.element();
      xml.flush();
    },
    edge(edge) {
      line.start('edge');
      line.attribute('id', edge.id);
      line.attribute('source', edge.from);
      line.attribute('target', edge.to);
      line.endStart();
      visitEdgeAttributes(edge, edgeData);
      line.close('edge');
      xml.element();
      xml.flush();
    },
    end() {
      doc.end();
      xml.flush();
    },
  };
}

/** Writes one attribute as `<data key="n_kind">Person</data>`; each key's markup is made once. */
function dataWriter(line: ElementLine, prefix: string, specs: readonly AttributeSpec[]): AttributeVisitor {
  const templates = new Map(specs.map((spec) => [spec, line.textTemplate('data', { key: `${prefix}_${spec.name}` })]));
  return (spec, text) => line.leafOf(templates.get(spec)!, text);
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
