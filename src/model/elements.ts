/**
 * Plain objects the data layer returns: what repositories hand to resolvers, exports and the
 * graph view. No driver types past this point.
 *
 * How provenance is stored in Neo4j: every node and relationship created from a source carries
 * three parallel list properties, one entry per supporting quote —
 *   evidenceSourceIds: ['source:…'], evidenceQuotes: ['…verbatim…'], evidenceOffsets: [1234]
 * — where the quote equals substring(source.text, offset, size(quote)). Relationships also carry
 * `id` (see `edgeId`), so that an edge can be addressed, merged idempotently and exported.
 */
import type { Claim } from './claims';
import type { NodeKind, RelType } from './vocabulary';

/** One quote from one source supporting one node or relationship. */
export interface Evidence {
  sourceId: string;
  quote: string;
  /** Index of the quote's first character in the source's stored text (JavaScript string index). */
  offset: number;
}

export type PropertyValue = string | number | boolean | null | string[] | number[];

export interface GraphNode {
  id: string;
  kind: NodeKind;
  name: string;
  /** Every stored property except id, name and the evidence lists (aliases included). */
  properties: Record<string, PropertyValue>;
  evidence: Evidence[];
  /** Properties whose sources disagree (model/claims.ts); absent or empty when none do. */
  disputed?: string[];
  /** Every source's claim, by source id, when the reader asked for them (exports do). */
  claims?: Claim[];
}

export interface GraphEdge {
  id: string;
  type: RelType;
  from: string;
  to: string;
  /** Every stored property except id and the evidence lists (e.g. role, title, date). */
  properties: Record<string, PropertyValue>;
  evidence: Evidence[];
  disputed?: string[];
  claims?: Claim[];
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when a size cap cut the subgraph short. */
  truncated: boolean;
}

/** The stable id of a relationship: `from -TYPE-> to`, with a discriminator when one is needed. */
export function edgeId(from: string, type: RelType | string, to: string, key?: string): string {
  return `${from}-${type}->${to}${key ? `#${key}` : ''}`;
}

/**
 * The `searchText` property the full-text index reads: name and aliases in one string (the
 * index skips list properties). Written by the loader and by Cypher exports alike.
 */
export function searchText(name: string, aliases: readonly string[]): string {
  return [name, ...aliases].join(' | ');
}

/** Zips the three stored evidence lists back into objects. */
export function evidenceFromLists(sourceIds: unknown, quotes: unknown, offsets: unknown): Evidence[] {
  if (!Array.isArray(sourceIds) || !Array.isArray(quotes) || !Array.isArray(offsets)) return [];
  return sourceIds.map((sourceId, i) => ({
    sourceId: String(sourceId),
    quote: String(quotes[i] ?? ''),
    offset: Number(offsets[i] ?? -1),
  }));
}

/** Property keys that hold provenance or identity, kept out of `properties`. */
export const RESERVED_PROPERTIES = new Set([
  'id',
  'name',
  'searchText',
  'evidenceSourceIds',
  'evidenceQuotes',
  'evidenceOffsets',
  'disputed',
]);
