/**
 * GEXF 1.2 (https://gexf.net) for Gephi. The namespace is 1.2draft's, the one networkx reads
 * (Gephi reads any). The graph is dynamic with day dates, so Gephi's timeline works: dated nodes
 * (meetings, statements) carry `start`/`end` — a day is that day, "2022-03" the whole month, the
 * precision stays in `datePrecision` — and so do dated edges (offices from `since` to `until`)
 * and edges to or from a dated meeting (participation, declining, venue), which take the
 * meeting's span. Undated elements exist throughout.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { NodeKind } from '../graph/model';
import type { GraphEdge, GraphNode } from '../graph/types';
import {
  type AttributeSpec,
  type AttributeValue,
  EDGE_ATTRIBUTES,
  edgeAttributeValues,
  edgeLabel,
  LABEL_ATTRIBUTE,
  NODE_ATTRIBUTES,
  nodeAttributeValues,
  type TimeSpan,
  timeSpan,
} from './common';
import type { ExportMeta, ExportSink, ExportWriter } from './format';
import { ElementSerializer, placeholder, splitSkeleton, xmlAttribute, xmlText } from './xml';

const GEXF_NS = 'http://www.gexf.net/1.2draft';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const GEXF_XSD = 'http://www.gexf.net/1.2draft/gexf.xsd';

/** GEXF's names for our attribute types. */
const GEXF_TYPE: Record<AttributeSpec['type'], string> = {
  string: 'string',
  int: 'integer',
  double: 'double',
  boolean: 'boolean',
};

// Labels are GEXF's own `label` on nodes and edges, not attributes.
const NODE_COLUMNS = NODE_ATTRIBUTES.filter((spec) => spec !== LABEL_ATTRIBUTE);
const EDGE_COLUMNS = EDGE_ATTRIBUTES.filter((spec) => spec !== LABEL_ATTRIBUTE);

const INDENT = '      ';

export function gexfWriter(sink: ExportSink): ExportWriter {
  const elements = new ElementSerializer();
  // Spans of the dated meetings seen so far, for the edges that come after all nodes: the one
  // thing this writer keeps, an id and a span per meeting (about 150 bytes each).
  const meetingSpans = new Map<string, TimeSpan>();
  let between = '';
  let tail = '';
  let inEdges = false;
  return {
    begin(meta) {
      const [head, middle, rest] = splitSkeleton(skeleton(meta));
      between = middle ?? '';
      tail = rest ?? '';
      sink(head!);
    },
    node(node) {
      const span = timeSpan(node.properties);
      if (span && node.kind === NodeKind.Meeting) meetingSpans.set(node.id, span);
      sink(`${INDENT}${elements.serialize((parent) => nodeElement(parent, node, span))}\n`);
    },
    edge(edge) {
      if (!inEdges) {
        sink(between);
        inEdges = true;
      }
      const span = timeSpan(edge.properties) ?? meetingSpans.get(edge.from) ?? meetingSpans.get(edge.to);
      sink(`${INDENT}${elements.serialize((parent) => edgeElement(parent, edge, span))}\n`);
    },
    end() {
      sink(inEdges ? tail : between + tail);
    },
  };
}

function skeleton(meta: ExportMeta): XMLBuilder {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(GEXF_NS, 'gexf', {
    'xmlns:xsi': XSI_NS,
    'xsi:schemaLocation': `${GEXF_NS} ${GEXF_XSD}`,
    version: '1.2',
  });
  root
    .ele('meta', { lastmodifieddate: xmlAttribute(meta.generatedAt.slice(0, 10)) })
    .ele('creator')
    .txt('diplograph')
    .up()
    .ele('description')
    .txt(xmlText(describe(meta)));
  const graph = root.ele('graph', { mode: 'dynamic', defaultedgetype: 'directed', timeformat: 'date' });
  declareAttributes(graph, 'node', NODE_COLUMNS);
  declareAttributes(graph, 'edge', EDGE_COLUMNS);
  placeholder(graph.ele('nodes'));
  placeholder(graph.ele('edges'));
  return root.doc();
}

/** GEXF has no graph-level data: the meta is told in the description. */
function describe(meta: ExportMeta): string {
  const seeds = meta.seedIds.join(', ');
  const sources = meta.sources
    .map((s) => `${s.title} (${s.publisher}, ${s.date}${s.url ? `, ${s.url}` : ''}) [${s.id}]`)
    .join('; ');
  return [
    `diplograph subgraph within ${meta.depth} of ${seeds || 'no seed'}, generated ${meta.generatedAt}.`,
    meta.truncated ? 'Truncated by a size limit.' : '',
    sources ? `Sources: ${sources}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function declareAttributes(graph: XMLBuilder, domain: 'node' | 'edge', specs: readonly AttributeSpec[]): void {
  const attributes = graph.ele('attributes', { class: domain, mode: 'static' });
  for (const spec of specs) {
    attributes.ele('attribute', { id: spec.name, title: spec.name, type: GEXF_TYPE[spec.type] });
  }
}

function nodeElement(parent: XMLBuilder, node: GraphNode, span: TimeSpan | undefined): XMLBuilder {
  const element = parent.ele('node', { id: xmlAttribute(node.id), label: xmlAttribute(node.name), ...spanOf(span) });
  addValues(element, nodeAttributeValues(node));
  return element;
}

function edgeElement(parent: XMLBuilder, edge: GraphEdge, span: TimeSpan | undefined): XMLBuilder {
  const element = parent.ele('edge', {
    id: xmlAttribute(edge.id),
    source: xmlAttribute(edge.from),
    target: xmlAttribute(edge.to),
    label: xmlAttribute(edgeLabel(edge)),
    // GEXF 1.3's edge kind, which Gephi reads in any version: without it Gephi would merge two
    // edges of different types between the same nodes.
    kind: edge.type,
    ...spanOf(span),
  });
  addValues(element, edgeAttributeValues(edge));
  return element;
}

function spanOf(span: TimeSpan | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (span?.start) out.start = span.start;
  if (span?.end) out.end = span.end;
  return out;
}

function addValues(element: XMLBuilder, values: readonly AttributeValue[]): void {
  const attvalues = element.ele('attvalues');
  for (const { spec, text } of values) {
    if (spec === LABEL_ATTRIBUTE) continue;
    attvalues.ele('attvalue', { for: spec.name, value: xmlAttribute(text) });
  }
}
