/**
 * What every export format shares: the check that kinds and types come from the model, role
 * codes on participation edges, date spans, and the fixed, typed attribute list that the
 * table-like formats (GraphML, GEXF) declare before the first node, since a stream cannot look
 * ahead to learn which properties occur.
 */
import { appError, ErrorCode } from '../errors';
import type { Claim } from '../model/claims';
import type { Evidence, GraphEdge, GraphNode, PropertyValue } from '../model/elements';
import { parsePartialDate } from '../model/partial-date';
import {
  STORED_EDGE_PROPERTIES,
  STORED_NODE_PROPERTIES,
  type StoredProperty,
  type StoredType,
} from '../model/properties';
import { NodeKind, ParticipantRole, RelType, ROLE_CODES } from '../model/vocabulary';
import type { ExportMeta, ExportSink, ExportWriter } from './format';

const NODE_KINDS = new Set<string>(Object.values(NodeKind));
const REL_TYPES = new Set<string>(Object.values(RelType));
const PARTICIPANT_ROLES = new Set<string>(Object.values(ParticipantRole));

/** An export cannot be written from this input: a bug or bad data upstream, never the user's. */
export function exportError(message: string, extensions: Record<string, unknown> = {}): Error {
  return appError(ErrorCode.INTERNAL_SERVER_ERROR, `Export failed: ${message}`, {
    reason: 'EXPORT_INPUT',
    ...extensions,
  });
}

/** Refuses a node whose kind is not a NodeKind: labels are written from the model, never from input. */
export function checkNode(node: GraphNode): void {
  if (typeof node?.id !== 'string' || node.id === '') throw exportError('a node has no id');
  if (!NODE_KINDS.has(node.kind)) {
    throw exportError(`node ${JSON.stringify(node.id)} has unknown kind ${JSON.stringify(node.kind)}`, {
      id: node.id,
    });
  }
}

/** Refuses an edge whose type is not a RelType. */
export function checkEdge(edge: GraphEdge): void {
  if (typeof edge?.id !== 'string' || edge.id === '') throw exportError('an edge has no id');
  if (!REL_TYPES.has(edge.type)) {
    throw exportError(`edge ${JSON.stringify(edge.id)} has unknown type ${JSON.stringify(edge.type)}`, {
      id: edge.id,
    });
  }
  if (typeof edge.from !== 'string' || typeof edge.to !== 'string') {
    throw exportError(`edge ${JSON.stringify(edge.id)} has no endpoints`, { id: edge.id });
  }
}

// ---------------------------------------------------------------------------------------------
// Properties

/** Properties in key order, so every export of the same graph is the same text. */
export function sortedProperties(properties: Record<string, PropertyValue>): Record<string, PropertyValue> {
  if (isSorted(properties)) return properties;
  const out: Record<string, PropertyValue> = {};
  for (const key of Object.keys(properties).sort()) {
    const value = properties[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Keys already in order and no undefined values (as the graph layer hands them): nothing to copy. */
function isSorted(properties: Record<string, PropertyValue>): boolean {
  let previous = '';
  for (const key in properties) {
    if (key < previous || properties[key] === undefined) return false;
    previous = key;
  }
  return true;
}

/** CAMEO and PLOVER codes of a participation edge's role; undefined for other edges. */
export function roleCodes(edge: GraphEdge): { cameo: string; plover: string } | undefined {
  if (edge.type !== RelType.PARTICIPATED_IN) return undefined;
  const role = edge.properties.role;
  return typeof role === 'string' && PARTICIPANT_ROLES.has(role) ? ROLE_CODES[role as ParticipantRole] : undefined;
}

/**
 * An edge's properties as every format writes them: sorted, and on participation edges with
 * the CAMEO and PLOVER codes of the role (derived from ROLE_CODES, so always current).
 */
export function edgeProperties(edge: GraphEdge): Record<string, PropertyValue> {
  const properties = sortedProperties(edge.properties);
  const codes = roleCodes(edge);
  if (!codes) return properties;
  // The codes merged in at their places in key order: one copy, no sort.
  const out: Record<string, PropertyValue> = {};
  let next = 0;
  for (const key in properties) {
    for (; next < CODE_KEYS.length && CODE_KEYS[next]! < key; next++) out[CODE_KEYS[next]!] = codes[CODE_KEYS[next]!];
    if (key !== 'cameo' && key !== 'plover') out[key] = properties[key]!;
  }
  for (; next < CODE_KEYS.length; next++) out[CODE_KEYS[next]!] = codes[CODE_KEYS[next]!];
  return out;
}

/** The role code keys, sorted. */
const CODE_KEYS = ['cameo', 'plover'] as const;

/** `PARTICIPATED_IN (HOST)`, `MEMBER_OF (HEAD)`, `HELD_AT`. */
export function edgeLabel(edge: GraphEdge): string {
  const role = edge.properties.role;
  return typeof role === 'string' && role !== '' ? `${edge.type} (${role})` : edge.type;
}

/** The evidence of a node or edge as plain objects in a fixed key order. */
export function evidenceList(evidence: readonly Evidence[]): Evidence[] {
  return (evidence ?? []).map((e) => ({ sourceId: e.sourceId, quote: e.quote, offset: e.offset }));
}

/**
 * `JSON.stringify(evidenceList(evidence))`, written out without the objects (the formats that
 * carry evidence as one text value do this once per element).
 */
export function evidenceJson(evidence: readonly Evidence[]): string {
  let json = '[';
  for (let i = 0; i < (evidence?.length ?? 0); i++) {
    const e = evidence[i]!;
    json += `${i === 0 ? '' : ','}{"sourceId":${JSON.stringify(e.sourceId)},"quote":${JSON.stringify(e.quote)},"offset":${JSON.stringify(e.offset)}}`;
  }
  return `${json}]`;
}

// ---------------------------------------------------------------------------------------------
// Claims

/** The claims of a node or edge in a fixed form: by source id, each with its values and quotes. */
export function claimList(claims: readonly Claim[] | undefined): ClaimJson[] {
  if (!claims || claims.length === 0) return [];
  return bySource(claims).map((claim) => ({
    sourceId: claim.sourceId,
    values: sortedProperties(claim.values),
    evidence: evidenceList(claim.evidence),
  }));
}

export interface ClaimJson {
  sourceId: string;
  values: Record<string, PropertyValue>;
  evidence: Evidence[];
}

/**
 * The one claim of an element that a single source states: the element's current values (the
 * rule in model/claims.ts derives them from that claim alone, and the loader stores claims so that
 * the two are equal), with its quotes. What the formats that carry every claim write for such an
 * element instead of reading its Claim record (most elements of most graphs: half the export's
 * CPU). Empty for an element without evidence (a source node has no claims).
 */
export function singleSourceClaims(element: GraphNode | GraphEdge): Claim[] {
  const evidence = element.evidence ?? [];
  const sourceId = evidence[0]?.sourceId;
  if (sourceId === undefined || evidence.some((e) => e.sourceId !== sourceId)) return [];
  const values: Record<string, PropertyValue> = 'kind' in element ? { name: element.name } : {};
  for (const key in element.properties) {
    // The role codes are the exports' own (a graph loaded from a Cypher export stores them).
    if (!(CODE_KEYS as readonly string[]).includes(key)) values[key] = element.properties[key]!;
  }
  return [{ sourceId, sourceDate: null, values, evidence: [...evidence] }];
}

/** Claims by source id (the graph layer hands them so: then nothing is copied). */
function bySource(claims: readonly Claim[]): readonly Claim[] {
  const inOrder = claims.every((c, i) => i === 0 || claims[i - 1]!.sourceId <= c.sourceId);
  return inOrder
    ? claims
    : [...claims].sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0));
}

/**
 * The values each source gives the disputed properties: `{ property: { sourceId: value } }`,
 * properties and sources in order, sources that do not state a property left out of it;
 * undefined when the element is not disputed or came without its claims.
 */
export function disputedClaims(
  element: GraphNode | GraphEdge,
): Record<string, Record<string, PropertyValue>> | undefined {
  const { disputed, claims } = element;
  if (!disputed || disputed.length === 0 || !claims) return undefined;
  const ordered = bySource(claims);
  const out: Record<string, Record<string, PropertyValue>> = {};
  for (const property of [...disputed].sort()) {
    const values: Record<string, PropertyValue> = {};
    for (const claim of ordered) {
      const value = claim.values[property];
      if (value !== undefined) values[claim.sourceId] = value;
    }
    out[property] = values;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Time

/** The days something spans, inclusive; either end may be open. YYYY-MM-DD strings. */
export interface TimeSpan {
  start?: string;
  end?: string;
}

/**
 * The span of a dated node or edge: `date` as a range (a day → that day; "2022-03" → the 1st to
 * the 31st; a year → the whole year), or an office's `since`…`until` (open where unknown).
 */
export function timeSpan(properties: Record<string, PropertyValue>): TimeSpan | undefined {
  const { dateStart, dateEnd } = properties;
  if (isDay(dateStart) && isDay(dateEnd)) return { start: dateStart, end: dateEnd };
  const date = typeof properties.date === 'string' ? parsePartialDate(properties.date) : null;
  if (date) return { start: date.start, end: date.end };
  const since = typeof properties.since === 'string' ? parsePartialDate(properties.since) : null;
  const until = typeof properties.until === 'string' ? parsePartialDate(properties.until) : null;
  if (since || until) return { start: since?.start, end: until?.end };
  return undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value);
}

// ---------------------------------------------------------------------------------------------
// Typed attributes

export type AttributeType = StoredType;

export interface AttributeSpec {
  readonly name: string;
  readonly type: AttributeType;
  /** A list property, written as a JSON array in a string attribute. */
  readonly list?: true;
}

/** A stored property's attribute: a list is a JSON array, so its attribute is a string. */
const attributeOf = (property: StoredProperty): AttributeSpec =>
  property.list ? { name: property.name, type: 'string', list: true } : property;

const str = (name: string): AttributeSpec => ({ name, type: 'string' });

/** Written on every node before its properties. */
export const NODE_KIND_ATTRIBUTE = str('kind');
/** Written on every edge before its properties. */
export const EDGE_TYPE_ATTRIBUTE = str('type');
/** The name of a node; on edges, the type and role (`PARTICIPATED_IN (HOST)`). */
export const LABEL_ATTRIBUTE = str('label');

/**
 * Every property a node can have, as the property record declares it (src/model/properties.ts).
 * Properties outside it, or of another type, go to `other_properties`.
 */
export const NODE_PROPERTY_ATTRIBUTES: readonly AttributeSpec[] = STORED_NODE_PROPERTIES.map(attributeOf);

/**
 * Every property an edge can have (the property record), and the role codes added to
 * participation edges, right after the role.
 */
export const EDGE_PROPERTY_ATTRIBUTES: readonly AttributeSpec[] = STORED_EDGE_PROPERTIES.map(attributeOf).flatMap(
  (spec) => (spec.name === 'role' ? [spec, str('cameo'), str('plover')] : [spec]),
);

/** Provenance: all of it as JSON, and the first quote and its source for people reading a table. */
export const EVIDENCE_ATTRIBUTES: readonly AttributeSpec[] = [
  str('evidence'),
  str('evidence_quote'),
  str('evidence_source'),
];

/**
 * Where sources disagree (model/claims.ts), on disputed elements only: the names of the
 * disputed properties as a JSON list (`["durationMinutes","name"]`), and each one's value per
 * source as a JSON object (`{"durationMinutes":{"source:a":120,"source:b":90}}`).
 */
export const CLAIM_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'disputed', type: 'string', list: true },
  str('claims'),
];

/** Properties outside the fixed list (or of an unexpected type), as a JSON object. */
export const OTHER_PROPERTIES_ATTRIBUTE = str('other_properties');

export const NODE_ATTRIBUTES: readonly AttributeSpec[] = [
  NODE_KIND_ATTRIBUTE,
  LABEL_ATTRIBUTE,
  ...NODE_PROPERTY_ATTRIBUTES,
  ...EVIDENCE_ATTRIBUTES,
  ...CLAIM_ATTRIBUTES,
  OTHER_PROPERTIES_ATTRIBUTE,
];

export const EDGE_ATTRIBUTES: readonly AttributeSpec[] = [
  EDGE_TYPE_ATTRIBUTE,
  LABEL_ATTRIBUTE,
  ...EDGE_PROPERTY_ATTRIBUTES,
  ...EVIDENCE_ATTRIBUTES,
  ...CLAIM_ATTRIBUTES,
  OTHER_PROPERTIES_ATTRIBUTE,
];

/** Receives one attribute of one element, as text in the form its declared type expects. */
export type AttributeVisitor = (spec: AttributeSpec, text: string) => void;

const NODE_PROPERTY_INDEX = new Map(NODE_PROPERTY_ATTRIBUTES.map((s, i) => [s.name, i]));
const EDGE_PROPERTY_INDEX = new Map(EDGE_PROPERTY_ATTRIBUTES.map((s, i) => [s.name, i]));

/**
 * A node's attributes in declaration order, each handed to `visit`; absent properties are
 * left out. A visitor rather than a list: this runs once per element of an export, and the
 * list's objects were a tenth of a GraphML export's time.
 */
export function visitNodeAttributes(node: GraphNode, visit: AttributeVisitor): void {
  visit(NODE_KIND_ATTRIBUTE, node.kind);
  visit(LABEL_ATTRIBUTE, node.name);
  visitProperties(NODE_PROPERTY_ATTRIBUTES, NODE_PROPERTY_INDEX, node.properties, undefined, node, visit);
}

/** An edge's attributes in declaration order, role codes included. */
export function visitEdgeAttributes(edge: GraphEdge, visit: AttributeVisitor): void {
  visit(EDGE_TYPE_ATTRIBUTE, edge.type);
  visit(LABEL_ATTRIBUTE, edgeLabel(edge));
  visitProperties(EDGE_PROPERTY_ATTRIBUTES, EDGE_PROPERTY_INDEX, edge.properties, roleCodes(edge), edge, visit);
}

/**
 * `extra` values take the place of properties of the same name (as in `edgeProperties`). The
 * element's own properties are looked up in the spec list rather than the other way round: an
 * element has a few of the two dozen declared properties.
 */
function visitProperties(
  specs: readonly AttributeSpec[],
  indexOf: ReadonlyMap<string, number>,
  properties: Record<string, PropertyValue>,
  extra: Readonly<Record<string, string>> | undefined,
  element: GraphNode | GraphEdge,
  visit: AttributeVisitor,
): void {
  const { evidence } = element;
  const declared: (PropertyValue | undefined)[] = new Array(specs.length);
  let other: Record<string, PropertyValue> | undefined;
  for (const key in properties) {
    const value = properties[key];
    if (value === undefined || value === null) continue;
    const index = indexOf.get(key);
    if (index === undefined) {
      other ??= {};
      other[key] = value;
    } else {
      declared[index] = value;
    }
  }
  if (extra) for (const key in extra) declared[indexOf.get(key)!] = extra[key];
  for (let i = 0; i < specs.length; i++) {
    const value = declared[i];
    if (value === undefined) continue;
    const spec = specs[i]!;
    const text = attributeText(spec, value);
    if (text === undefined) {
      other ??= {};
      other[spec.name] = value;
    } else {
      visit(spec, text);
    }
  }
  if (evidence.length > 0) {
    visit(EVIDENCE_ATTRIBUTES[0]!, evidenceJson(evidence));
    visit(EVIDENCE_ATTRIBUTES[1]!, evidence[0]!.quote);
    visit(EVIDENCE_ATTRIBUTES[2]!, evidence[0]!.sourceId);
  }
  if (element.disputed && element.disputed.length > 0) {
    visit(CLAIM_ATTRIBUTES[0]!, JSON.stringify(element.disputed));
    const claims = disputedClaims(element);
    if (claims) visit(CLAIM_ATTRIBUTES[1]!, JSON.stringify(claims));
  }
  if (other) visit(OTHER_PROPERTIES_ATTRIBUTE, JSON.stringify(sortedProperties(other)));
}

/** The value as its declared type writes it, or undefined when it is not of that type. */
function attributeText(spec: AttributeSpec, value: PropertyValue): string | undefined {
  if (spec.list) return Array.isArray(value) ? JSON.stringify(value) : undefined;
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'int':
      return Number.isSafeInteger(value) ? String(value) : undefined;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Meta

/** The meta in a fixed key order, optional fields only when known. */
export function metaObject(meta: ExportMeta): ExportMeta {
  const out: ExportMeta = { seedIds: [...meta.seedIds], depth: meta.depth, generatedAt: meta.generatedAt, sources: [] };
  if (meta.truncated !== undefined) out.truncated = meta.truncated;
  if (meta.nodeCount !== undefined) out.nodeCount = meta.nodeCount;
  if (meta.edgeCount !== undefined) out.edgeCount = meta.edgeCount;
  out.sources = meta.sources.map((s) => ({
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    date: s.date,
    ...(s.url ? { url: s.url } : {}),
  }));
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON documents

/**
 * The frame of a streamed JSON document with a nodes array and an edges array: `head` opens
 * the nodes array, `between` closes it and opens the edges array, `tail` closes everything.
 * One element per line.
 */
export function jsonArraysWriter(
  sink: ExportSink,
  frame: {
    head: (meta: ExportMeta) => string;
    between: string;
    tail: (counts: { nodes: number; edges: number }) => string;
  },
  nodeJson: (node: GraphNode) => unknown,
  edgeJson: (edge: GraphEdge) => unknown,
): ExportWriter {
  let nodes = 0;
  let edges = 0;
  let inEdges = false;
  const closeNodes = () => {
    sink(`${nodes === 0 ? '' : '\n'}${frame.between}`);
    inEdges = true;
  };
  return {
    begin(meta) {
      sink(frame.head(meta));
    },
    node(node) {
      sink(`${nodes === 0 ? '\n' : ',\n'}${JSON.stringify(nodeJson(node))}`);
      nodes += 1;
    },
    edge(edge) {
      if (!inEdges) closeNodes();
      sink(`${edges === 0 ? '\n' : ',\n'}${JSON.stringify(edgeJson(edge))}`);
      edges += 1;
    },
    end() {
      if (!inEdges) closeNodes();
      sink(`${edges === 0 ? '' : '\n'}${frame.tail({ nodes, edges })}`);
    },
  };
}
