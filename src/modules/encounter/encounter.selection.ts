/**
 * What a whoMetWhom selection needs from the statement beyond ids, names and properties: the
 * evidence lists (quotes are most of the bytes a page holds) of the nodes it shows, and those of
 * the participations behind `Encounter.evidence`; the places and delegations it shows. Walks the selection with the schema's types,
 * through fragments; a field named `evidence` anywhere but on Encounter asks for the nodes'.
 */
import {
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLResolveInfo,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

export interface EncounterProjection {
  /** The evidence lists of the page's nodes (actors, meetings, places, delegations). */
  nodeEvidence: boolean;
  /** The evidence of the participations and delegation links (Encounter.evidence). */
  encounterEvidence: boolean;
  /** The encounters' places that are selected (Encounter.place, venue, city, country). */
  places: PlaceField[];
  /** TakingPart.delegation is selected: the delegations' nodes are sent. */
  delegations: boolean;
}

export type PlaceField = 'place' | 'venue' | 'city' | 'country';
const PLACE_FIELDS: readonly string[] = ['place', 'venue', 'city', 'country'];

const ENCOUNTER_TYPE = 'Encounter';
const TAKING_PART_TYPE = 'TakingPart';
const EVIDENCE_FIELD = 'evidence';

export function encounterProjection(info: GraphQLResolveInfo): EncounterProjection {
  const found: EncounterProjection = { nodeEvidence: false, encounterEvidence: false, places: [], delegations: false };
  const visit = (type: GraphQLCompositeType, set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) field(type, selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : type;
        visit(on && isCompositeType(on) ? on : type, selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        const on = fragment ? info.schema.getType(fragment.typeCondition.name.value) : undefined;
        visit(on && isCompositeType(on) ? on : type, fragment?.selectionSet);
      }
    }
  };
  const field = (type: GraphQLCompositeType, node: FieldNode) => {
    const name = node.name.value;
    if (name === EVIDENCE_FIELD) {
      if (type.name === ENCOUNTER_TYPE) found.encounterEvidence = true;
      else found.nodeEvidence = true;
    }
    if (type.name === ENCOUNTER_TYPE && PLACE_FIELDS.includes(name) && !found.places.includes(name as PlaceField)) {
      found.places.push(name as PlaceField);
      found.places.sort();
    }
    if (type.name === TAKING_PART_TYPE && name === 'delegation') found.delegations = true;
    if (!node.selectionSet) return;
    const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[node.name.value] : undefined;
    const next = definition ? getNamedType(definition.type) : undefined;
    // A union, or a field not found: anything below may be a node; look at names alone.
    visit(next && isCompositeType(next) ? next : type, node.selectionSet);
  };
  const root = getNamedType(info.returnType);
  for (const node of info.fieldNodes) if (isCompositeType(root)) visit(root, node.selectionSet);
  return found;
}
