/**
 * diplograph's own JSON: `{ format: "diplograph", version: 1, meta, nodes, edges, counts }`, every
 * node with its kind, name, properties and evidence (source, verbatim quote, offset), every edge
 * with its type, endpoints, properties (role codes added) and evidence; and every element with
 * `disputed` (the properties its sources disagree on) and `claims`, every source's claim on it
 * (`{ sourceId, values, evidence }`, by source id: the values that source states, as stored, and
 * its quotes), from which the properties shown are derived (model/claims.ts). One element per line;
 * `counts` comes last, since a stream knows them only at the end.
 */
import type { GraphEdge, GraphNode } from '../model/elements';
import {
  claimList,
  edgeProperties,
  evidenceList,
  jsonArraysWriter,
  metaObject,
  singleSourceClaims,
  sortedProperties,
} from './common';
import type { ExportSink, ExportWriter } from './format';

export const JSON_FORMAT_NAME = 'diplograph';
export const JSON_FORMAT_VERSION = 1;

export function jsonWriter(sink: ExportSink): ExportWriter {
  return jsonArraysWriter(
    sink,
    {
      head: (meta) => {
        const header = JSON.stringify({
          format: JSON_FORMAT_NAME,
          version: JSON_FORMAT_VERSION,
          meta: metaObject(meta),
        });
        return `${header.slice(0, -1)},\n"nodes":[`;
      },
      between: '],\n"edges":[',
      tail: (counts) => `],\n"counts":${JSON.stringify(counts)}}\n`,
    },
    jsonNode,
    jsonEdge,
  );
}

export function jsonNode(node: GraphNode) {
  return {
    id: node.id,
    kind: node.kind,
    name: node.name,
    properties: sortedProperties(node.properties),
    evidence: evidenceList(node.evidence),
    disputed: node.disputed ?? [],
    claims: claimList(node.claims ?? singleSourceClaims(node)),
  };
}

export function jsonEdge(edge: GraphEdge) {
  return {
    id: edge.id,
    type: edge.type,
    from: edge.from,
    to: edge.to,
    properties: edgeProperties(edge),
    evidence: evidenceList(edge.evidence),
    disputed: edge.disputed ?? [],
    claims: claimList(edge.claims ?? singleSourceClaims(edge)),
  };
}
