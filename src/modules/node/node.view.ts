/**
 * GraphNode/GraphEdge (the data layer's plain objects) → the objects GraphQL types read: stored
 * properties flattened onto the object, dates turned into PartialDate. Resolvers return these.
 */
import type { GraphEdge, GraphNode } from '../../model/elements';
import { type PartialDate, storedPartialDate } from '../../model/partial-date';

export type NodeView = {
  id: string;
  kind: GraphNode['kind'];
  name: string;
  aliases: string[];
  evidence: GraphNode['evidence'];
  disputed: string[];
  date: PartialDate | null;
  [property: string]: unknown;
};

export type EdgeView = {
  id: string;
  type: GraphEdge['type'];
  fromId: string;
  toId: string;
  evidence: GraphEdge['evidence'];
  disputed: string[];
  date: PartialDate | null;
  [property: string]: unknown;
};

export function nodeView(node: GraphNode): NodeView {
  const p = node.properties;
  return {
    ...p,
    id: node.id,
    kind: node.kind,
    name: node.name,
    aliases: Array.isArray(p.aliases) ? (p.aliases as string[]) : [],
    evidence: node.evidence,
    disputed: node.disputed ?? [],
    date: storedPartialDate(p),
    description: typeof p.description === 'string' ? p.description : null,
    // Flags that are stored only when true.
    unnamed: p.unnamed === true,
    durationApproximate: p.durationApproximate === true,
  };
}

export function edgeView(edge: GraphEdge): EdgeView {
  const p = edge.properties;
  return {
    ...p,
    id: edge.id,
    type: edge.type,
    fromId: edge.from,
    toId: edge.to,
    evidence: edge.evidence,
    disputed: edge.disputed ?? [],
    date: storedPartialDate(p),
    note: typeof p.note === 'string' ? p.note : null,
    since: storedPartialDate(p, 'since'),
    until: storedPartialDate(p, 'until'),
  };
}
