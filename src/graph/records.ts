/**
 * Shapes nodes and relationships come back from Cypher in, and their conversion into the plain
 * GraphNode/GraphEdge of types.ts. Statements project with these fragments so every repository
 * reads the same shape:
 *   nodes as `{props: properties(n), labels: labels(n)}`
 *   relationships as `{props: properties(r), type: type(r), from: startNode(r).id, to: endNode(r).id}`
 */
import { NodeKind, type RelType } from './model';
import { evidenceFromLists, type GraphEdge, type GraphNode, type PropertyValue, RESERVED_PROPERTIES } from './types';

export interface RawNode {
  props: Record<string, unknown>;
  labels: string[];
}

export interface RawEdge {
  props: Record<string, unknown>;
  type: string;
  from: string;
  to: string;
}

/** Cypher projection of node `n` into a RawNode (the variable name is part of the fragment). */
export const nodeMap = (v: string) => `{props: properties(${v}), labels: labels(${v})}`;
/** Cypher projection of relationship `r` into a RawEdge. */
export const edgeMap = (v: string) =>
  `{props: properties(${v}), type: type(${v}), from: startNode(${v}).id, to: endNode(${v}).id}`;

const KINDS = new Set<string>(Object.values(NodeKind));

export function toGraphNode(raw: RawNode): GraphNode {
  const kind = raw.labels.find((l) => KINDS.has(l)) as NodeKind;
  const p = raw.props;
  return {
    id: String(p.id),
    kind,
    name: String(p.name ?? p.title ?? p.id),
    properties: plainProperties(p),
    evidence: evidenceFromLists(p.evidenceSourceIds, p.evidenceQuotes, p.evidenceOffsets),
  };
}

export function toGraphEdge(raw: RawEdge): GraphEdge {
  const p = raw.props;
  return {
    id: String(p.id ?? `${raw.from}-${raw.type}->${raw.to}`),
    type: raw.type as RelType,
    from: raw.from,
    to: raw.to,
    properties: plainProperties(p),
    evidence: evidenceFromLists(p.evidenceSourceIds, p.evidenceQuotes, p.evidenceOffsets),
  };
}

function plainProperties(props: Record<string, unknown>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const key of Object.keys(props).sort()) {
    if (!RESERVED_PROPERTIES.has(key)) out[key] = props[key] as PropertyValue;
  }
  return out;
}
