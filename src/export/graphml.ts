/**
 * GraphML (http://graphml.graphdrawing.org/), directed, for Cytoscape desktop, yEd, networkx and
 * Gephi. Attributes are typed `<key>`s declared up front from the fixed list in common.ts
 * (node keys `n_<name>`, edge keys `e_<name>`, graph keys `g_<name>`); list properties and
 * evidence are JSON strings. The export's meta goes into graph-level data.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
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
import { ElementSerializer, placeholder, splitSkeleton, xmlAttribute, xmlText } from './xml';

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

const INDENT = '    ';

export function graphmlWriter(sink: ExportSink): ExportWriter {
  const elements = new ElementSerializer();
  let tail = '';
  return {
    begin(meta) {
      const [head, rest] = splitSkeleton(skeleton(meta));
      tail = rest ?? '';
      sink(head!);
    },
    node(node) {
      sink(`${INDENT}${elements.serialize((parent) => nodeElement(parent, node))}\n`);
    },
    edge(edge) {
      sink(`${INDENT}${elements.serialize((parent) => edgeElement(parent, edge))}\n`);
    },
    end() {
      sink(tail);
    },
  };
}

function skeleton(meta: ExportMeta): XMLBuilder {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(GRAPHML_NS, 'graphml', {
    'xmlns:xsi': XSI_NS,
    'xsi:schemaLocation': `${GRAPHML_NS} ${GRAPHML_XSD}`,
  });
  declareKeys(root, 'graph', 'g', GRAPH_ATTRIBUTES);
  declareKeys(root, 'node', 'n', NODE_ATTRIBUTES);
  declareKeys(root, 'edge', 'e', EDGE_ATTRIBUTES);
  const graph = root.ele('graph', { id: 'G', edgedefault: 'directed' });
  const data = (name: string, text: string) => graph.ele('data', { key: `g_${name}` }).txt(xmlText(text));
  data('seedIds', JSON.stringify(meta.seedIds));
  data('depth', String(meta.depth));
  data('generatedAt', meta.generatedAt);
  data('sources', JSON.stringify(meta.sources));
  if (meta.truncated !== undefined) data('truncated', String(meta.truncated));
  if (meta.nodeCount !== undefined) data('nodeCount', String(meta.nodeCount));
  if (meta.edgeCount !== undefined) data('edgeCount', String(meta.edgeCount));
  placeholder(graph);
  return root.doc();
}

function declareKeys(root: XMLBuilder, domain: string, prefix: string, specs: readonly AttributeSpec[]): void {
  for (const spec of specs) {
    root.ele('key', { id: `${prefix}_${spec.name}`, for: domain, 'attr.name': spec.name, 'attr.type': spec.type });
  }
}

function nodeElement(parent: XMLBuilder, node: GraphNode): XMLBuilder {
  const element = parent.ele('node', { id: xmlAttribute(node.id) });
  addData(element, 'n', nodeAttributeValues(node));
  return element;
}

function edgeElement(parent: XMLBuilder, edge: GraphEdge): XMLBuilder {
  const element = parent.ele('edge', {
    id: xmlAttribute(edge.id),
    source: xmlAttribute(edge.from),
    target: xmlAttribute(edge.to),
  });
  addData(element, 'e', edgeAttributeValues(edge));
  return element;
}

function addData(element: XMLBuilder, prefix: string, values: readonly AttributeValue[]): void {
  for (const { spec, text } of values) element.ele('data', { key: `${prefix}_${spec.name}` }).txt(xmlText(text));
}
