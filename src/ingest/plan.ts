/**
 * A resolved facts document → the LoadPlan the loader writes: one node per entity (plus the
 * source, with its full text), one edge per relationship, properties named as the data layer
 * reads them, as the property record says (src/model/properties.ts: a date becomes `date`,
 * `datePrecision`, `dateStart`, `dateEnd`).
 */

import type { z } from 'zod';
import type { PropertyValue } from '../model/elements';
import type { PartialDate } from '../model/partial-date';
import { EDGE_PROPERTIES, ENTITY_PROPERTIES, isPartialDate, KIND_PROPERTIES, storedForm } from '../model/properties';
import { NodeKind } from '../model/vocabulary';
import type { LoadEdge, LoadNode, LoadPlan } from './load';
import type { ResolvedEntity, ResolvedFacts, ResolvedRelationship } from './validate';

export function planFromFacts(facts: ResolvedFacts): LoadPlan {
  const { source } = facts;
  const sourceNode: LoadNode = {
    id: source.id,
    kind: NodeKind.Source,
    props: { name: source.title, ...storedValues(KIND_PROPERTIES[NodeKind.Source], source) },
    evidence: [],
  };
  return {
    sourceId: source.id,
    nodes: [sourceNode, ...facts.entities.map(entityNode)],
    edges: facts.relationships.map(relationshipEdge),
  };
}

function entityNode(entity: ResolvedEntity): LoadNode {
  const { id, kind, evidence } = entity;
  const shape = { ...ENTITY_PROPERTIES, ...KIND_PROPERTIES[kind as Exclude<NodeKind, NodeKind.Source>] };
  const props = storedValues(shape, entity);
  // Found by the validator, not stated: where a quoted statement's text is in the source.
  if (entity.textOffset !== undefined) props.textOffset = entity.textOffset;
  return { id, kind: kind as NodeKind, props, evidence };
}

function relationshipEdge(relationship: ResolvedRelationship): LoadEdge {
  const { id, type, from, to, props, evidence } = relationship;
  return { id, type, from, to, props: storedValues(EDGE_PROPERTIES[type], props), evidence };
}

/**
 * The stored form of the values a shape of the property record declares (see properties.ts):
 * a resolved `date` as its four properties, another date (an office's since, until) as its
 * value, everything else as it is, but flags only when true (the views read `=== true`).
 */
function storedValues(shape: z.ZodRawShape, values: object): Record<string, PropertyValue | undefined> {
  const out: Record<string, PropertyValue | undefined> = {};
  const given = values as Record<string, unknown>;
  for (const [name, schema] of Object.entries(shape)) {
    const value = given[name];
    if (value === undefined || value === false || storedForm(name, schema as z.ZodType).length === 0) continue;
    if (isPartialDate(schema as z.ZodType)) {
      const date = value as PartialDate;
      if (name === 'date') Object.assign(out, dateProps(date));
      // Office terms are read back with storedPartialDate(props, 'since' | 'until').
      else out[name] = date.value;
    } else {
      out[name] = value as PropertyValue;
    }
  }
  return out;
}

function dateProps(date: PartialDate): Record<string, string> {
  return { date: date.value, datePrecision: date.precision, dateStart: date.start, dateEnd: date.end };
}
