/**
 * What a whoMetWhom selection asks for, position by position, for its one statement
 * (encounter.cypher.ts): the pair's two actors, each encounter's meeting, places and the
 * delegations its ways of taking part went through are graph nodes, each projected with the
 * selection compiler (src/graph/compile) as deep as the selection goes; the encounter's own
 * fields (date, medium, ways, evidence) say which parts of the encounters to build. Fields are
 * collected as graphql-js collects them (aliases, fragments, @skip/@include).
 */
import {
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getNamedType,
  isObjectType,
} from 'graphql';
import { mergeSelections } from '../../graph/compile/project';
import { REGISTRY } from '../../graph/compile/registry';
import {
  type FieldSelection,
  NotCompilable,
  type ObjectSelection,
  type SelectionContext,
  selectionOf,
  subSelections,
} from '../../graph/compile/selection';
import { NodeKind } from '../../model/vocabulary';

/**
 * A node position: projected with its selection, or (when the compiler cannot map the
 * selection) sent whole as a node row, whose nested fields the field resolvers then load.
 */
export type NodePosition = { selection: ObjectSelection } | { whole: true };

export type PlaceField = 'place' | 'venue' | 'city' | 'country';
export const PLACE_FIELDS: readonly PlaceField[] = ['place', 'venue', 'city', 'country'];

export interface EncounterSelection {
  actor: NodePosition | null;
  counterpart: NodePosition | null;
  /** Encounter.meeting. */
  meeting: NodePosition | null;
  /** Encounter.date and Encounter.medium, as a Meeting position selecting `date` and `medium`. */
  when: ObjectSelection | null;
  places: Partial<Record<PlaceField, NodePosition>>;
  /** The ways of each side are needed (selected, or their quotes are: Encounter.evidence). */
  actorWays: boolean;
  counterpartWays: boolean;
  /** TakingPart.delegation, on either side. */
  delegation: NodePosition | null;
  /** Encounter.evidence: the quotes of the participations and delegation links. */
  evidence: boolean;
  /** Which parts of each Evidence are sent (the source id also for Evidence.source). */
  evidenceParts: Record<EvidencePart, boolean>;
}

export const EVIDENCE_PARTS = ['sourceId', 'offset', 'quote'] as const;
export type EvidencePart = (typeof EVIDENCE_PARTS)[number];

function contextOf(info: GraphQLResolveInfo): SelectionContext {
  return { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
}

type Sets = ReturnType<typeof subSelections>['sets'];

function objectType(type: GraphQLNamedType | undefined): GraphQLObjectType {
  if (!type || !isObjectType(type)) throw new Error(`whoMetWhom: ${type?.name} is not an object type`);
  return type;
}

/** The field's type and the selection sets inside it, or null when not selected. */
function field(ctx: SelectionContext, parent: GraphQLObjectType, sets: Sets, name: string) {
  const sub = subSelections(ctx, parent, sets, name);
  if (!sub.present) return null;
  return { type: getNamedType(parent.getFields()[name]!.type), sets: sub.sets };
}

function position(ctx: SelectionContext, found: ReturnType<typeof field>): NodePosition | null {
  if (!found) return null;
  try {
    return { selection: selectionOf(ctx, found.type, found.sets) };
  } catch (error) {
    if (error instanceof NotCompilable) return { whole: true };
    throw error;
  }
}

function mergePositions(a: NodePosition | null, b: NodePosition | null): NodePosition | null {
  if (!a || !b) return a ?? b;
  if ('whole' in a || 'whole' in b) return { whole: true };
  return { selection: mergeSelections(a.selection, b.selection)! };
}

/** A Meeting position with Encounter.date (its PartialDate selection) and Encounter.medium. */
function whenSelection(ctx: SelectionContext, encounter: GraphQLObjectType, sets: Sets): ObjectSelection | null {
  const fields = new Map<string, FieldSelection>();
  const onTypes = new Set<string>([NodeKind.Meeting]);
  const date = field(ctx, encounter, sets, 'date');
  if (date) {
    fields.set('date', {
      name: 'date',
      mapping: REGISTRY.Meeting!.date!,
      onTypes,
      children: selectionOf(ctx, date.type, date.sets),
    });
  }
  if (field(ctx, encounter, sets, 'medium')) {
    fields.set('medium', { name: 'medium', mapping: REGISTRY.Meeting!.medium!, onTypes, children: null });
  }
  return fields.size > 0 ? { types: [NodeKind.Meeting], fields } : null;
}

export function encounterSelection(info: GraphQLResolveInfo): EncounterSelection {
  const ctx = contextOf(info);
  const connection = objectType(getNamedType(info.returnType));
  const found: EncounterSelection = {
    actor: null,
    counterpart: null,
    meeting: null,
    when: null,
    places: {},
    actorWays: false,
    counterpartWays: false,
    delegation: null,
    evidence: false,
    evidenceParts: { sourceId: false, offset: false, quote: false },
  };
  const edges = field(
    ctx,
    connection,
    info.fieldNodes.map((n) => n.selectionSet),
    'edges',
  );
  const pair = edges && field(ctx, objectType(edges.type), edges.sets, 'node');
  if (!pair) return found;
  const pairType = objectType(pair.type);
  found.actor = position(ctx, field(ctx, pairType, pair.sets, 'actor'));
  found.counterpart = position(ctx, field(ctx, pairType, pair.sets, 'counterpart'));
  const meetings = field(ctx, pairType, pair.sets, 'meetings');
  if (!meetings) return found;
  const encounter = objectType(meetings.type);
  found.meeting = position(ctx, field(ctx, encounter, meetings.sets, 'meeting'));
  found.when = whenSelection(ctx, encounter, meetings.sets);
  for (const name of PLACE_FIELDS) {
    const place = position(ctx, field(ctx, encounter, meetings.sets, name));
    if (place) found.places[name] = place;
  }
  const evidence = field(ctx, encounter, meetings.sets, 'evidence');
  found.evidence = evidence !== null;
  if (evidence) {
    const parent = objectType(evidence.type);
    const has = (name: string) => subSelections(ctx, parent, evidence.sets, name).present;
    found.evidenceParts = { sourceId: has('sourceId') || has('source'), offset: has('offset'), quote: has('quote') };
  }
  for (const side of ['actorTookPart', 'counterpartTookPart'] as const) {
    const ways = field(ctx, encounter, meetings.sets, side);
    if (!ways) continue;
    if (side === 'actorTookPart') found.actorWays = true;
    else found.counterpartWays = true;
    found.delegation = mergePositions(
      found.delegation,
      position(ctx, field(ctx, objectType(ways.type), ways.sets, 'delegation')),
    );
  }
  if (found.evidence) {
    found.actorWays = true;
    found.counterpartWays = true;
  }
  return found;
}
