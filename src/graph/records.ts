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

/**
 * The same as lists, for statements that stream many rows (exports): the driver decodes a list
 * several times faster than a map, whose every key it defines one by one. Property names travel
 * once, as the parameter `keys` names: a row holds the values of those properties in that order
 * (null where absent), then any other property as a `[key, value]` pair. A node is
 * `[labels, values, others]` (the search key left out: only the index reads it), a relationship
 * `[type, from, to, values, others]`. `p` must hold the element's `properties(…)`, read once
 * for all the keys (rather than a dynamic `n[k]` on the element for each).
 */
export const nodeRow = (v: string, p: string, keys: string) =>
  `[labels(${v}), [k IN ${keys} | ${p}[k]], [k IN keys(${p}) WHERE NOT k IN ${keys} AND k <> 'searchText' | [k, ${p}[k]]]]`;
export const edgeRow = (v: string, p: string, keys: string, from: string, to: string) =>
  `[type(${v}), ${from}, ${to}, [k IN ${keys} | ${p}[k]], [k IN keys(${p}) WHERE NOT k IN ${keys} | [k, ${p}[k]]]]`;

type Others = [key: string, value: unknown][];
export type NodeRow = [labels: string[], values: unknown[], others: Others];
export type EdgeRow = [type: string, from: string, to: string, values: unknown[], others: Others];

export function nodeFromRow([labels, values, others]: NodeRow, keys: readonly string[]): GraphNode {
  return toGraphNode({ labels, props: rowProperties(keys, values, others) });
}

export function edgeFromRow([type, from, to, values, others]: EdgeRow, keys: readonly string[]): GraphEdge {
  return toGraphEdge({ type, from, to, props: rowProperties(keys, values, others) });
}

function rowProperties(keys: readonly string[], values: unknown[], others: Others): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    if (values[i] !== null) props[keys[i]!] = values[i];
  }
  for (const [key, value] of others) props[key] = value;
  return props;
}

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
  const keys = Object.keys(props);
  // Export rows come with their keys in order already (see nodeRow).
  if (!keys.every((key, i) => i === 0 || keys[i - 1]! <= key)) keys.sort();
  for (const key of keys) {
    if (!RESERVED_PROPERTIES.has(key)) out[key] = props[key] as PropertyValue;
  }
  return out;
}
