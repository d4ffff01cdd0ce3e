/**
 * Shapes nodes and relationships come back from Cypher in, and their conversion into the plain
 * GraphNode/GraphEdge of types.ts. Statements project with these fragments so every repository
 * reads the same shape:
 *   nodes as `{props: properties(n), labels: labels(n)}`
 *   relationships as `{props: properties(r), type: type(r), from: startNode(r).id, to: endNode(r).id}`
 */

import type { Claim } from '../model/claims';
import {
  evidenceFromLists,
  type GraphEdge,
  type GraphNode,
  type PropertyValue,
  RESERVED_PROPERTIES,
} from '../model/elements';
import { CLAIM_LABEL, NodeKind, type RelType } from '../model/vocabulary';

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
 * several times faster than a map, whose every key it defines one by one. A node is
 * `[labels, names, values]` (the search key left out: only the index reads it), a relationship
 * `[type, from, to, names, values]`: the element's property names, each after a U+001F, in one
 * string, and their values in the same order. `p` must hold the element's `properties(…)`, read
 * once for all the keys. Measured on 100k elements against the earlier forms: values by
 * position of a fixed list of 40 names, the rest as pairs → names and values as two lists,
 * Neo4j's CPU 1.9 → 1.3 s, ours for decoding 0.65 → 0.55 s; the names as one string instead of
 * a list: ours for decoding 0.78–0.89 → 0.62–0.70 s (a string costs the driver about as much to
 * decode whatever its length, and elements share a few sets of names), Neo4j's within noise
 * (the concatenation is about 5% of its samples).
 */
export const nodeRow = (v: string, p: string, claims = 'null') =>
  `[labels(${v}), ${names(`[k IN keys(${p}) WHERE k <> 'searchText']`)}, [k IN keys(${p}) WHERE k <> 'searchText' | ${p}[k]], ${claims}]`;
export const edgeRow = (v: string, p: string, from: string, to: string, claims = 'null') =>
  `[type(${v}), ${from}, ${to}, ${names(`keys(${p})`)}, [k IN keys(${p}) | ${p}[k]], ${claims}]`;

/**
 * The claims on the element whose properties are `p` (model/claims.ts), as a list of
 * `[sourceId, sourceDate, values, quotes, offsets]`, when `when` holds, else null: found by
 * the `claim_subject` index on `subjectId`, which is the element's `id`. Pass
 * `p.disputed IS NOT NULL` to read them only for the elements whose sources
 * disagree (the table formats show no more), which leaves the common case as it was.
 */
export const claimsOf = (p: string, when: string) =>
  `CASE WHEN ${when} THEN COLLECT { MATCH (c:${CLAIM_LABEL} {subjectId: ${p}.id})
     RETURN [c.sourceId, c.sourceDate, c.values, c.evidenceQuotes, c.evidenceOffsets] } END`;
/** nodeRow without the properties `excluded` (names from our own code, never from input). */
export const nodeRowWithout = (v: string, p: string, excluded: readonly string[]) => {
  const keys = `[k IN keys(${p}) WHERE NOT k IN [${['searchText', ...excluded].map((k) => `'${k}'`).join(', ')}]]`;
  return `[labels(${v}), ${names(keys)}, [k IN ${keys} | ${p}[k]]]`;
};

/** Precedes every property name in a row's names (in the statement, as Cypher escapes it). */
const NAME_SEPARATOR = '\u001F';
const names = (keys: string) => `reduce(s = '', k IN ${keys} | s + '\\u001F' + k)`;

/** A claim as `claimsOf` reads it; `values` is the JSON text the loader stored. */
export type ClaimRow = [
  sourceId: string,
  sourceDate: string | null,
  values: string,
  quotes: string[],
  offsets: number[],
];

export type NodeRow = [labels: string[], names: string, values: unknown[], claims?: ClaimRow[] | null];
export type EdgeRow = [
  type: string,
  from: string,
  to: string,
  names: string,
  values: unknown[],
  claims?: ClaimRow[] | null,
];

export function nodeFromRow([labels, names, values, claims]: NodeRow): GraphNode {
  const row = readRow(names, values);
  return {
    id: String(row.id),
    kind: kindOf(labels),
    name: String(row.name ?? row.properties.title ?? row.id),
    properties: row.properties,
    evidence: row.evidence,
    disputed: row.disputed,
    // Always the key, so every element has one object shape whether or not claims were read.
    claims: claims ? claimsFromRows(claims) : undefined,
  };
}

export function edgeFromRow([type, from, to, names, values, claims]: EdgeRow): GraphEdge {
  const row = readRow(names, values);
  return {
    id: String(row.id ?? `${from}-${type}->${to}`),
    type: type as RelType,
    from,
    to,
    properties: row.properties,
    evidence: row.evidence,
    disputed: row.disputed,
    // Always the key, so every element has one object shape whether or not claims were read.
    claims: claims ? claimsFromRows(claims) : undefined,
  };
}

/** Claims by source id, each with its values and its quotes (which are its source's). */
export function claimsFromRows(rows: readonly ClaimRow[]): Claim[] {
  const claims = rows.map(([sourceId, sourceDate, values, quotes, offsets]) => ({
    sourceId: String(sourceId),
    sourceDate: sourceDate ?? null,
    values: JSON.parse(values) as Claim['values'],
    evidence: evidenceFromLists(
      (quotes ?? []).map(() => sourceId),
      quotes ?? [],
      offsets ?? [],
    ),
  }));
  return claims.length > 1
    ? claims.sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0))
    : claims;
}

/**
 * Where a row's values go, for one string of property names in the order Neo4j sent them: the
 * properties in key order (so every element's object is built in the same order, which keeps
 * V8 on one object shape per set of names and spares the exports a sort), and the positions of
 * the reserved ones. Elements share a few sets of names, so each is worked out once.
 */
interface RowLayout {
  names: string;
  count: number;
  properties: readonly (readonly [key: string, index: number])[];
  id: number;
  name: number;
  evidenceSourceIds: number;
  evidenceQuotes: number;
  evidenceOffsets: number;
  disputed: number;
}

/** Enough for every combination of properties the model writes; beyond it, layouts are not kept. */
const MAX_LAYOUTS = 512;
const layouts = new Map<string, RowLayout>();

/** The layout of the row before: rows in a row mostly have the same names (nodes of a kind, edges of a type). */
let lastLayout: RowLayout | undefined;

function layoutOf(names: string, values: readonly unknown[]): RowLayout {
  let layout = lastLayout?.names === names ? lastLayout : layouts.get(names);
  if (!layout) {
    const keys = names === '' ? [] : names.slice(1).split(NAME_SEPARATOR);
    const properties = keys
      .map((key, index) => [key, index] as const)
      .filter(([key]) => !RESERVED_PROPERTIES.has(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    layout = {
      names,
      count: keys.length,
      properties,
      id: keys.indexOf('id'),
      name: keys.indexOf('name'),
      evidenceSourceIds: keys.indexOf('evidenceSourceIds'),
      evidenceQuotes: keys.indexOf('evidenceQuotes'),
      evidenceOffsets: keys.indexOf('evidenceOffsets'),
      disputed: keys.indexOf('disputed'),
    };
    if (layouts.size < MAX_LAYOUTS) layouts.set(names, layout);
  }
  if (layout.count !== values.length) {
    // Only a property name holding the separator itself could do this.
    throw new Error(`a row has ${values.length} values for ${layout.count} property names: ${JSON.stringify(names)}`);
  }
  lastLayout = layout;
  return layout;
}

/** The value at `index`, or undefined for -1 (the element has no such property). */
const at = (values: readonly unknown[], index: number) => (index < 0 ? undefined : values[index]);

function readRow(names: string, values: readonly unknown[]) {
  const layout = layoutOf(names, values);
  const properties: Record<string, PropertyValue> = {};
  for (const [key, index] of layout.properties) properties[key] = values[index] as PropertyValue;
  return {
    id: at(values, layout.id),
    name: at(values, layout.name),
    properties,
    evidence: evidenceFromLists(
      at(values, layout.evidenceSourceIds),
      at(values, layout.evidenceQuotes),
      at(values, layout.evidenceOffsets),
    ),
    disputed: disputedList(at(values, layout.disputed)),
  };
}

/** The stored list of disputed properties; undefined when there is none (most elements). */
function disputedList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value.map(String) : undefined;
}

const KINDS = new Set<string>(Object.values(NodeKind));

const kindOf = (labels: readonly string[]) => labels.find((l) => KINDS.has(l)) as NodeKind;

export function toGraphNode(raw: RawNode): GraphNode {
  const p = raw.props;
  return {
    id: String(p.id),
    kind: kindOf(raw.labels),
    name: String(p.name ?? p.title ?? p.id),
    properties: plainProperties(p),
    evidence: evidenceFromLists(p.evidenceSourceIds, p.evidenceQuotes, p.evidenceOffsets),
    disputed: disputedList(p.disputed),
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
    disputed: disputedList(p.disputed),
  };
}

function plainProperties(props: Record<string, unknown>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  const keys = Object.keys(props);
  if (!keys.every((key, i) => i === 0 || keys[i - 1]! <= key)) keys.sort();
  for (const key of keys) {
    if (!RESERVED_PROPERTIES.has(key)) out[key] = props[key] as PropertyValue;
  }
  return out;
}
