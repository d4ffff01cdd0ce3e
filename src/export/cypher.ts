/**
 * A Cypher script that rebuilds the subgraph in another Neo4j 5: one statement per line, no
 * parameters, idempotent (nodes and relationships MERGE by id and SET their properties, so a
 * second run changes nothing). Labels and relationship types are looked up in the model's
 * enums — a value that is not a member is refused, never written. Every string is a quoted
 * literal with everything outside printable ASCII escaped, so the script is ASCII whatever
 * charset the tool reading it assumes. Evidence is stored as the graph stores it (three
 * parallel lists), and `searchText` as the loader writes it, so search works there too; and so
 * are the claims every element's values derive from (Claim records, after their element), so the
 * subgraph keeps its provenance per source there.
 */

import { type Claim, stableJson } from '../model/claims';
import { type GraphEdge, type GraphNode, type PropertyValue, searchText } from '../model/elements';
import { CLAIM_LABEL, ENTITY_LABEL, NodeKind, RelType } from '../model/vocabulary';
import { edgeProperties, exportError, metaObject, sortedProperties } from './common';
import type { ExportSink, ExportWriter } from './format';

/** The only label and type names the script may contain, keyed by the values it accepts. */
const LABELS: ReadonlyMap<string, string> = new Map(Object.values(NodeKind).map((k) => [k, k]));
const TYPES: ReadonlyMap<string, string> = new Map(Object.values(RelType).map((t) => [t, t]));

/** Property keys are written bare, so only plain identifiers are accepted. */
const PROPERTY_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const CYPHER_CONSTRAINT = `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE;`;

/** The claims' key and lookups, named as in schema/constraints.cypher. */
export const CYPHER_CLAIM_SCHEMA = [
  `CREATE CONSTRAINT claim_key IF NOT EXISTS FOR (c:${CLAIM_LABEL}) REQUIRE c.key IS UNIQUE;`,
  `CREATE INDEX claim_subject IF NOT EXISTS FOR (c:${CLAIM_LABEL}) ON (c.subjectId);`,
  `CREATE INDEX claim_source IF NOT EXISTS FOR (c:${CLAIM_LABEL}) ON (c.sourceId);`,
];

export function cypherWriter(sink: ExportSink): ExportWriter {
  return {
    begin(meta) {
      sink(
        [
          '// diplograph export: a Cypher script that rebuilds this subgraph in a Neo4j 5 database.',
          '// Run it with `cypher-shell -f FILE` (or in Neo4j Browser). One statement per line, no',
          '// parameters; running it again changes nothing.',
          `// meta: ${asciiOnly(JSON.stringify(metaObject(meta)))}`,
          CYPHER_CONSTRAINT,
          ...CYPHER_CLAIM_SCHEMA,
          '',
        ].join('\n'),
      );
    },
    node(node) {
      sink(`${nodeStatement(node)}\n${claimStatements(node, { subject: 'NODE', kind: node.kind })}`);
    },
    edge(edge) {
      const subject = { subject: 'EDGE', type: edge.type, from: edge.from, to: edge.to } as const;
      sink(`${edgeStatement(edge)}\n${claimStatements(edge, subject)}`);
    },
    end() {},
  };
}

export function nodeStatement(node: GraphNode): string {
  const label = LABELS.get(node.kind);
  if (!label) throw exportError(`node ${JSON.stringify(node.id)} has unknown kind ${JSON.stringify(node.kind)}`);
  const properties = sortedProperties(node.properties);
  const aliases = Array.isArray(properties.aliases) ? (properties.aliases as string[]) : [];
  const entries: string[] = [];
  addEntries(entries, properties);
  if (node.kind === NodeKind.Source) {
    // As src/ingest/load.ts writes a source: its document's fields, no search key, no evidence.
    addEntries(entries, { name: node.name });
  } else {
    addEntries(entries, {
      name: node.name,
      // As src/ingest/load.ts writes it: full-text indexes skip lists, so names and aliases share one string.
      searchText: searchText(node.name, aliases),
    });
    addEvidence(entries, node);
  }
  addDisputed(entries, node);
  return `MERGE (n:${ENTITY_LABEL} {id: ${cypherString(node.id)}}) SET n:${label}, n += {${entries.join(', ')}};`;
}

export function edgeStatement(edge: GraphEdge): string {
  const type = TYPES.get(edge.type);
  if (!type) throw exportError(`edge ${JSON.stringify(edge.id)} has unknown type ${JSON.stringify(edge.type)}`);
  const entries: string[] = [];
  addEntries(entries, edgeProperties(edge));
  addEvidence(entries, edge);
  addDisputed(entries, edge);
  return (
    `MATCH (a:${ENTITY_LABEL} {id: ${cypherString(edge.from)}}) ` +
    `MATCH (b:${ENTITY_LABEL} {id: ${cypherString(edge.to)}}) ` +
    `MERGE (a)-[r:${type} {id: ${cypherString(edge.id)}}]->(b) SET r += {${entries.join(', ')}};`
  );
}

/** Evidence as the graph stores it: three parallel lists. */
function addEvidence(entries: string[], { evidence }: GraphNode | GraphEdge): void {
  addEntries(entries, {
    evidenceSourceIds: evidence.map((e) => e.sourceId),
    evidenceQuotes: evidence.map((e) => e.quote),
    evidenceOffsets: evidence.map((e) => e.offset),
  });
}

/** The disputed properties, as the loader stores them: a list, only when there are some. */
function addDisputed(entries: string[], { disputed }: GraphNode | GraphEdge): void {
  if (disputed && disputed.length > 0) addEntries(entries, { disputed });
}

/** What a claim record says about its subject beside its id (src/ingest/load.ts, claimRecord). */
type ClaimSubject = { subject: 'NODE'; kind: NodeKind } | { subject: 'EDGE'; type: RelType; from: string; to: string };

/**
 * One statement per claim on the element, recreating the Claim records as the loader writes
 * them (same key, `subjectId|sourceId`, and fields): loaded into another Neo4j, the subgraph
 * keeps every source's values and quotes, and diplograph can go on importing into it.
 */
function claimStatements(element: GraphNode | GraphEdge, subject: ClaimSubject): string {
  let text = '';
  for (const claim of element.claims ?? []) text += `${claimStatement(element.id, subject, claim)}\n`;
  return text;
}

export function claimStatement(subjectId: string, subject: ClaimSubject, claim: Claim): string {
  const key = cypherString(`${subjectId}|${claim.sourceId}`);
  const entries: string[] = [];
  addEntries(entries, {
    subjectId,
    ...subject,
    sourceId: claim.sourceId,
    sourceDate: claim.sourceDate,
    values: stableJson(claim.values),
    evidenceQuotes: claim.evidence.map((e) => e.quote),
    evidenceOffsets: claim.evidence.map((e) => e.offset),
  });
  return `MERGE (c:${CLAIM_LABEL} {key: ${key}}) SET c = {key: ${key}, ${entries.join(', ')}};`;
}

/** `key: value` entries of a map literal, in the order given; null and undefined values left out. */
function addEntries(entries: string[], properties: Record<string, PropertyValue>): void {
  for (const key in properties) {
    const value = properties[key];
    if (value === null || value === undefined) continue;
    if (!PROPERTY_KEY.test(key)) throw exportError(`property name ${JSON.stringify(key)} is not a plain identifier`);
    entries.push(`${key}: ${cypherValue(value, key)}`);
  }
}

function cypherValue(value: PropertyValue, key: string): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return cypherNumber(value, false, key);
  if (Array.isArray(value)) {
    const items = value as unknown[];
    if (items.every((v) => typeof v === 'string')) return `[${(items as string[]).map(cypherString).join(', ')}]`;
    if (items.every((v) => typeof v === 'number')) {
      // Neo4j stores homogeneous lists only: one float makes them all floats.
      const floats = (items as number[]).some((v) => !Number.isSafeInteger(v));
      return `[${(items as number[]).map((v) => cypherNumber(v, floats, key)).join(', ')}]`;
    }
    if (items.every((v) => typeof v === 'boolean')) return `[${items.join(', ')}]`;
  }
  throw exportError(`property ${JSON.stringify(key)} holds a value Neo4j cannot store: ${JSON.stringify(value)}`);
}

function cypherNumber(value: number, asFloat: boolean, key: string): string {
  if (!Number.isFinite(value)) throw exportError(`property ${JSON.stringify(key)} is not a finite number`);
  if (!asFloat && Number.isSafeInteger(value)) return String(value);
  const text = String(value).replace('e+', 'e');
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/**
 * A single-quoted Cypher string literal. Backslash and quote are escaped, and so is everything
 * outside printable ASCII (as \uXXXX, astral characters as their surrogate pair), which keeps
 * newlines from ending a statement line and the script readable as ASCII.
 */
export function cypherString(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return `'${text}'`;
  return `'${asciiOnly(text.replace(/[\\']/g, (c) => `\\${c}`))}'`;
}

/** Anything but printable ASCII other than backslash and quote: most values hold none. */
const NEEDS_ESCAPING = /[^\x20-\x26\x28-\x5b\x5d-\x7e]/;

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function asciiOnly(text: string): string {
  return text.replace(
    /[^\x20-\x7e]/g,
    (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
