/**
 * A resolved facts document → the LoadPlan the loader writes: one node per entity (plus the
 * source, with its full text), one edge per relationship, properties named as the data layer
 * reads them (a date becomes `date`, `datePrecision`, `dateStart`, `dateEnd`; see partial-date).
 */

import type { PropertyValue } from '../model/elements';
import type { PartialDate } from '../model/partial-date';
import { NodeKind } from '../model/vocabulary';
import type { LoadEdge, LoadNode, LoadPlan } from './load';
import type { ResolvedEntity, ResolvedFacts, ResolvedRelationship } from './validate';

export function planFromFacts(facts: ResolvedFacts): LoadPlan {
  const { source } = facts;
  const sourceNode: LoadNode = {
    id: source.id,
    kind: NodeKind.Source,
    props: {
      name: source.title,
      title: source.title,
      publisher: source.publisher,
      publisherId: source.publisherId,
      url: source.url,
      language: source.language,
      text: source.text,
      ...dateProps(source.date),
    },
    evidence: [],
  };
  return {
    sourceId: source.id,
    nodes: [sourceNode, ...facts.entities.map(entityNode)],
    edges: facts.relationships.map(relationshipEdge),
  };
}

function entityNode(entity: ResolvedEntity): LoadNode {
  const { id, kind, evidence, date, ...rest } = entity;
  const props: LoadNode['props'] = {};
  for (const [name, value] of Object.entries(rest)) {
    // Flags are stored only when true (the views read `=== true`).
    if (value === false) continue;
    props[name] = value as PropertyValue | undefined;
  }
  return { id, kind: kind as NodeKind, props: { ...props, ...dateProps(date) }, evidence };
}

function relationshipEdge(relationship: ResolvedRelationship): LoadEdge {
  const { id, type, from, to, props, evidence } = relationship;
  return {
    id,
    type,
    from,
    to,
    props: {
      role: props.role,
      title: props.title,
      note: props.note,
      ...dateProps(props.date),
      // Office terms are read back with storedPartialDate(props, 'since' | 'until').
      since: props.since?.value,
      until: props.until?.value,
    },
    evidence,
  };
}

function dateProps(date: PartialDate | undefined): Record<string, string | undefined> {
  if (!date) return {};
  return { date: date.value, datePrecision: date.precision, dateStart: date.start, dateEnd: date.end };
}
