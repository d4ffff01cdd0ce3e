/**
 * GEXF 1.2 (https://gexf.net) for Gephi. The namespace is 1.2draft's, the one networkx reads
 * (Gephi reads any). The graph is dynamic with day dates, so Gephi's timeline works: dated nodes
 * (meetings, statements) carry `start`/`end` — a day is that day, "2022-03" the whole month, the
 * precision stays in `datePrecision` — and so do dated edges (offices from `since` to `until`)
 * and edges to or from a dated meeting (participation, declining, venue), which take the
 * meeting's span. Undated elements exist throughout.
 */
import type { XMLDocumentCB } from 'xmlbuilder';
import type { GraphEdge, GraphNode } from '../model/elements';
import { NodeKind } from '../model/vocabulary';
import {
  type AttributeSpec,
  type AttributeVisitor,
  EDGE_ATTRIBUTES,
  edgeLabel,
  LABEL_ATTRIBUTE,
  NODE_ATTRIBUTES,
  type TimeSpan,
  timeSpan,
  visitEdgeAttributes,
  visitNodeAttributes,
} from './common';
import type { ExportMeta, ExportSink, ExportWriter } from './format';
import { type ElementLine, xmlStream } from './xml';

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

/** gexf > graph > nodes > node: each node and edge on a line of its own. */
const ELEMENT_DEPTH = 3;

export function gexfWriter(sink: ExportSink): ExportWriter {
  const xml = xmlStream(sink, ELEMENT_DEPTH);
  const doc = xml.doc;
  // Spans of the dated meetings seen so far, for the edges that come after all nodes: the one
  // thing this writer keeps, an id and a span per meeting (about 150 bytes each).
  const meetingSpans = new Map<string, TimeSpan>();
  const line = xml.line;
  const attvalue = attvalueWriter(line);
  let inEdges = false;
  const startEdges = () => {
    doc.up().ele('edges');
    inEdges = true;
  };
  return {
    begin(meta) {
      head(doc, meta);
      xml.flush();
    },
    node(node) {
      const span = timeSpan(node.properties);
      if (span && node.kind === NodeKind.Meeting) meetingSpans.set(node.id, span);
      nodeElement(line, node, span, attvalue);
      xml.element();
      xml.flush();
    },
    edge(edge) {
      if (!inEdges) startEdges();
      const span = timeSpan(edge.properties) ?? meetingSpans.get(edge.from) ?? meetingSpans.get(edge.to);
      edgeElement(line, edge, span, attvalue);
      xml.element();
      xml.flush();
    },
    end() {
      if (!inEdges) startEdges();
      doc.end();
      xml.flush();
    },
  };
}

/** Everything before the first node: the root, the meta, the attribute declarations; nodes stays open. */
function head(doc: XMLDocumentCB, meta: ExportMeta): void {
  doc.ele('gexf', {
    xmlns: GEXF_NS,
    'xmlns:xsi': XSI_NS,
    'xsi:schemaLocation': `${GEXF_NS} ${GEXF_XSD}`,
    version: '1.2',
  });
  doc
    .ele('meta', { lastmodifieddate: meta.generatedAt.slice(0, 10) })
    .ele('creator', {}, 'diplograph')
    .up()
    .ele('description', {}, describe(meta))
    .up()
    .up();
  doc.ele('graph', { mode: 'dynamic', defaultedgetype: 'directed', timeformat: 'date' });
  declareAttributes(doc, 'node', NODE_COLUMNS);
  declareAttributes(doc, 'edge', EDGE_COLUMNS);
  doc.ele('nodes');
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

function declareAttributes(doc: XMLDocumentCB, domain: 'node' | 'edge', specs: readonly AttributeSpec[]): void {
  doc.ele('attributes', { class: domain, mode: 'static' });
  for (const spec of specs) doc.ele('attribute', { id: spec.name, title: spec.name, type: GEXF_TYPE[spec.type] }).up();
  doc.up();
}

function nodeElement(line: ElementLine, node: GraphNode, span: TimeSpan | undefined, attvalue: AttributeVisitor): void {
  line.start('node');
  line.attribute('id', node.id);
  line.attribute('label', node.name);
  line.attribute('start', span?.start);
  line.attribute('end', span?.end);
  line.endStart();
  line.open('attvalues', {});
  visitNodeAttributes(node, attvalue);
  line.close('attvalues');
  line.close('node');
}

function edgeElement(line: ElementLine, edge: GraphEdge, span: TimeSpan | undefined, attvalue: AttributeVisitor): void {
  line.start('edge');
  line.attribute('id', edge.id);
  line.attribute('source', edge.from);
  line.attribute('target', edge.to);
  line.attribute('label', edgeLabel(edge));
  // GEXF 1.3's edge kind, which Gephi reads in any version: without it Gephi would merge two
  // edges of different types between the same nodes.
  line.attribute('kind', edge.type);
  line.attribute('start', span?.start);
  line.attribute('end', span?.end);
  line.endStart();
  line.open('attvalues', {});
  visitEdgeAttributes(edge, attvalue);
  line.close('attvalues');
  line.close('edge');
}

/**
 * Writes one attribute as `<attvalue for="kind" value="Person"/>`, each column's markup made
 * once; labels are GEXF's own, not attvalues.
 */
function attvalueWriter(line: ElementLine): AttributeVisitor {
  const template = (spec: AttributeSpec) => line.attributeTemplate('attvalue', { for: spec.name }, 'value');
  const templates = new Map([...NODE_COLUMNS, ...EDGE_COLUMNS].map((spec) => [spec, template(spec)]));
  return (spec, text) => {
    if (spec === LABEL_ATTRIBUTE) return;
    line.leafOf(templates.get(spec)!, text);
  };
}
