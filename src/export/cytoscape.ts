/**
 * Cytoscape.js elements JSON: `{ data: meta, elements: { nodes: [{ data }], edges: [{ data }] } }`,
 * which `cytoscape({ ...json })` loads as it is and Cytoscape desktop imports. Properties sit
 * flat in `data` beside `id`, `label` and `kind` (nodes) or `source`, `target`, `type` and `label`
 * ("TYPE (ROLE)") on edges, which win over a property of the same name; `evidence` is the list.
 */
import type { GraphEdge, GraphNode } from '../graph/types';
import { edgeLabel, edgeProperties, evidenceList, jsonArraysWriter, metaObject, sortedProperties } from './common';
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
  return {
    ...sortedProperties(node.properties),
    id: node.id,
    label: node.name,
    kind: node.kind,
    evidence: evidenceList(node.evidence),
  };
}

export function cytoscapeEdgeData(edge: GraphEdge) {
  return {
    ...edgeProperties(edge),
    id: edge.id,
    source: edge.from,
    target: edge.to,
    type: edge.type,
    label: edgeLabel(edge),
    evidence: evidenceList(edge.evidence),
  };
}
