/**
 * Cytoscape.js elements JSON: `{ data: meta, elements: { nodes: [{ data }], edges: [{ data }] } }`,
 * which `cytoscape({ ...json })` loads as it is and Cytoscape desktop imports. Properties sit
 * flat in `data` beside `id`, `label` and `kind` (nodes) or `source`, `target`, `type` and `label`
 * ("TYPE (ROLE)") on edges, which win over a property of the same name; `evidence` is the list,
 * `disputed` the properties whose sources disagree and `claims` every source's claim, as in our JSON.
 */
import type { GraphEdge, GraphNode, PropertyValue } from '../model/elements';
import {
  claimList,
  edgeLabel,
  edgeProperties,
  evidenceList,
  jsonArraysWriter,
  metaObject,
  singleSourceClaims,
  sortedProperties,
} from './common';
import type { ExportSink, ExportWriter } from './format';

export function cytoscapeWriter(sink: ExportSink): ExportWriter {
  return jsonArraysWriter(
    sink,
    {
      head: (meta) => `{"data":${JSON.stringify(metaObject(meta))},\n"elements":{"nodes":[`,
      between: '],\n"edges":[',
      tail: () => ']}}\n',
    },
    (node) => ({ data: cytoscapeNodeData(node) }),
    (edge) => ({ data: cytoscapeEdgeData(edge) }),
  );
}

export function cytoscapeNodeData(node: GraphNode) {
  const data = copyOf(sortedProperties(node.properties));
  data.id = node.id;
  data.label = node.name;
  data.kind = node.kind;
  data.evidence = evidenceList(node.evidence);
  data.disputed = node.disputed ?? [];
  data.claims = claimList(node.claims ?? singleSourceClaims(node));
  return data;
}

export function cytoscapeEdgeData(edge: GraphEdge) {
  const data = copyOf(edgeProperties(edge));
  data.id = edge.id;
  data.source = edge.from;
  data.target = edge.to;
  data.type = edge.type;
  data.label = edgeLabel(edge);
  data.evidence = evidenceList(edge.evidence);
  data.disputed = edge.disputed ?? [];
  data.claims = claimList(edge.claims ?? singleSourceClaims(edge));
  return data;
}

/**
 * The properties first, then the element's own fields (which take the place of properties of
 * the same name). Copied key by key: an object spread of these objects, whose shapes vary, was
 * most of the writer's time.
 */
function copyOf(properties: Record<string, PropertyValue>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key in properties) data[key] = properties[key];
  return data;
}
