/**
 * How each field of the GraphQL object types maps onto the graph, for the selection compiler:
 * a property (or an expression over the element's own properties), a partial date, the evidence
 * lists, the claims, a relationship to follow (type, direction, one or many), an endpoint of the
 * relationship being projected, or a value the field resolver computes in JavaScript from other
 * projected fields. Keyed by GraphQL type name and field name; a test checks every field of the
 * schema that a compiled root can reach has an entry here. Every label, relationship type and
 * property name below comes from this table and the model's enums, never from a request.
 */
import { NodeKind, PlaceKind, REL_ENDPOINTS, RelType } from '../../model/vocabulary';

export type Direction = 'out' | 'in';

export type FieldMapping =
  /** A Cypher expression over the element variable `v` alone. */
  | { readonly kind: 'value'; readonly expr: (v: string) => string }
  /** The name a node shows (see `nameOf`). */
  | { readonly kind: 'name' }
  /** A PartialDate from the stored date string `property`. */
  | { readonly kind: 'date'; readonly property: string }
  /** A PartialDate's own field (its value is built by the parent's `date` mapping). */
  | { readonly kind: 'datePart' }
  /** The element's evidence lists, as Evidence objects. */
  | { readonly kind: 'evidence' }
  /** An Evidence or Claim field read from the row the parent projects. */
  | { readonly kind: 'evidencePart' }
  /** The Source an Evidence or a Claim cites, by its `sourceId`. */
  | { readonly kind: 'source' }
  /** The element's `:Claim` records (turned into Claim objects by the field resolver). */
  | { readonly kind: 'claims' }
  /** A Claim's field computed by the claims resolver from the claim records. */
  | { readonly kind: 'claimPart' }
  /**
   * The nodes (or with `edge`, the relationships) of `type` in `direction`, by the other end's
   * name then id; `one`: the first of them (null when none); `placeKind`: that one only if it
   * is a place of this kind.
   */
  | {
      readonly kind: 'related';
      readonly type: RelType;
      readonly direction: Direction;
      readonly one?: boolean;
      readonly edge?: boolean;
      readonly placeKind?: PlaceKind;
    }
  /** An endpoint of the relationship being projected. */
  | { readonly kind: 'endpoint'; readonly end: 'from' | 'to' }
  /** A meeting's city or country, up the LOCATED_IN chain from its place. */
  | { readonly kind: 'meetingPlace'; readonly which: 'city' | 'country' }
  /** The other members of an actor's same-as group, by id. */
  | { readonly kind: 'sameAs' }
  /** Computed by the field resolver from the listed fields of the same object. */
  | { readonly kind: 'computed'; readonly needs: readonly string[] }
  /**
   * Every stored property but the reserved ones (model/elements.ts), as `[key, value]` pairs
   * the repository turns into the JSON object (Cypher builds no map from dynamic keys).
   */
  | { readonly kind: 'properties' }
  /** The element itself as another type (GraphNode.node: the typed object of the same node). */
  | { readonly kind: 'self' };

const prop = (name: string): FieldMapping => ({ kind: 'value', expr: (v) => `${v}.${name}` });
/** Flags stored only when true. */
const flag = (name: string): FieldMapping => ({ kind: 'value', expr: (v) => `coalesce(${v}.${name}, false)` });
const list = (name: string): FieldMapping => ({ kind: 'value', expr: (v) => `coalesce(${v}.${name}, [])` });
const date = (property: string): FieldMapping => ({ kind: 'date', property });
const nodes = (type: RelType, direction: Direction): FieldMapping => ({ kind: 'related', type, direction });
const node = (type: RelType, direction: Direction): FieldMapping => ({ kind: 'related', type, direction, one: true });
const edges = (type: RelType, direction: Direction): FieldMapping => ({
  kind: 'related',
  type,
  direction,
  edge: true,
});

const NODE_KINDS = Object.values(NodeKind)
  .map((k) => `'${k}'`)
  .join(', ');

/** The name a node shows (a source may have only a title), as records.ts reads it. */
export const nameExpr = (v: string) => `coalesce(${v}.name, ${v}.title, ${v}.id)`;

/**
 * The name of a node of one of `kinds`: its `name` alone when none is a Source, since every
 * entity states one (ENTITY_PROPERTIES) and the loaders write it; `nameExpr` otherwise. One
 * property read instead of three per node named or ordered by name.
 */
export function nameOf(v: string, kinds: Iterable<string>): string {
  for (const kind of kinds) if (kind === NodeKind.Source || !NODE_TYPES.has(kind)) return nameExpr(v);
  return `${v}.name`;
}

/** The kinds at the far end of a relationship of `type` followed in `direction`. */
export function farKinds(type: RelType, direction: Direction): readonly NodeKind[] {
  return direction === 'out' ? REL_ENDPOINTS[type].to : REL_ENDPOINTS[type].from;
}

const NAME: FieldMapping = { kind: 'name' };
const EVIDENCE: FieldMapping = { kind: 'evidence' };
const CLAIMS: FieldMapping = { kind: 'claims' };
const DISPUTED = list('disputed');

/** A node's kind: the one label of its labels that names a kind. */
export const kindExpr = (v: string) => `head([l IN labels(${v}) WHERE l IN [${NODE_KINDS}]])`;

const NODE: Record<string, FieldMapping> = {
  id: prop('id'),
  kind: { kind: 'value', expr: kindExpr },
  name: NAME,
  aliases: list('aliases'),
  description: prop('description'),
  evidence: EVIDENCE,
  disputed: DISPUTED,
  claims: CLAIMS,
  statementsAbout: nodes(RelType.ABOUT, 'in'),
};

const ACTOR: Record<string, FieldMapping> = {
  ...NODE,
  sameAs: { kind: 'sameAs' },
  participations: edges(RelType.PARTICIPATED_IN, 'out'),
  statements: nodes(RelType.STATED_BY, 'in'),
  declined: nodes(RelType.DECLINED, 'out'),
  proposed: nodes(RelType.PROPOSED, 'out'),
  presences: edges(RelType.PRESENT_IN, 'out'),
};

const OFFICIALS = edges(RelType.HOLDS_OFFICE, 'in');

const RELATIONSHIP: Record<string, FieldMapping> = {
  id: {
    kind: 'value',
    expr: (v) => `coalesce(${v}.id, startNode(${v}).id + '-' + type(${v}) + '->' + endNode(${v}).id)`,
  },
  note: prop('note'),
  evidence: EVIDENCE,
  disputed: DISPUTED,
  claims: CLAIMS,
};
const FROM: FieldMapping = { kind: 'endpoint', end: 'from' };
const TO: FieldMapping = { kind: 'endpoint', end: 'to' };
const EVIDENCE_PART: FieldMapping = { kind: 'evidencePart' };
const CLAIM_PART: FieldMapping = { kind: 'claimPart' };
const DATE_PART: FieldMapping = { kind: 'datePart' };
const SOURCE: FieldMapping = { kind: 'source' };
const PROPERTIES: FieldMapping = { kind: 'properties' };

export const REGISTRY: Readonly<Record<string, Readonly<Record<string, FieldMapping>>>> = {
  Country: {
    ...ACTOR,
    iso3: prop('iso3'),
    officials: OFFICIALS,
    delegations: nodes(RelType.REPRESENTS, 'in'),
    organizations: nodes(RelType.PART_OF, 'in'),
  },
  Organization: {
    ...ACTOR,
    orgKind: prop('orgKind'),
    officials: OFFICIALS,
    partOf: nodes(RelType.PART_OF, 'out'),
    parts: nodes(RelType.PART_OF, 'in'),
  },
  Person: {
    ...ACTOR,
    unnamed: flag('unnamed'),
    offices: edges(RelType.HOLDS_OFFICE, 'out'),
    delegations: edges(RelType.MEMBER_OF, 'out'),
  },
  Delegation: {
    ...ACTOR,
    represents: node(RelType.REPRESENTS, 'out'),
    sentBy: nodes(RelType.SENT_BY, 'out'),
    members: edges(RelType.MEMBER_OF, 'in'),
  },
  Meeting: {
    ...NODE,
    date: date('date'),
    time: prop('time'),
    timezone: prop('timezone'),
    durationMinutes: prop('durationMinutes'),
    durationApproximate: flag('durationApproximate'),
    status: prop('status'),
    format: prop('format'),
    mode: prop('mode'),
    medium: prop('medium'),
    venue: { kind: 'related', type: RelType.HELD_AT, direction: 'out', one: true, placeKind: PlaceKind.VENUE },
    place: node(RelType.HELD_AT, 'out'),
    city: { kind: 'meetingPlace', which: 'city' },
    country: { kind: 'meetingPlace', which: 'country' },
    participants: edges(RelType.PARTICIPATED_IN, 'in'),
    declinedBy: nodes(RelType.DECLINED, 'in'),
    proposedBy: nodes(RelType.PROPOSED, 'in'),
    follows: nodes(RelType.FOLLOWS, 'out'),
    followedBy: nodes(RelType.FOLLOWS, 'in'),
    statements: nodes(RelType.MADE_DURING, 'in'),
  },
  Place: {
    ...NODE,
    placeKind: prop('placeKind'),
    latitude: prop('latitude'),
    longitude: prop('longitude'),
    locatedIn: node(RelType.LOCATED_IN, 'out'),
    contains: nodes(RelType.LOCATED_IN, 'in'),
    meetingsHeldHere: nodes(RelType.HELD_AT, 'in'),
    presences: edges(RelType.PRESENT_IN, 'in'),
  },
  Statement: {
    ...NODE,
    statementKind: prop('statementKind'),
    text: prop('text'),
    date: date('date'),
    by: nodes(RelType.STATED_BY, 'out'),
    about: nodes(RelType.ABOUT, 'out'),
    madeAt: node(RelType.MADE_AT, 'out'),
    madeDuring: node(RelType.MADE_DURING, 'out'),
  },
  Source: {
    ...NODE,
    publisher: prop('publisher'),
    title: prop('title'),
    date: date('date'),
    url: prop('url'),
    language: prop('language'),
    text: prop('text'),
  },
  Participation: {
    ...RELATIONSHIP,
    role: prop('role'),
    actor: FROM,
    meeting: TO,
    cameo: { kind: 'computed', needs: ['role'] },
    plover: { kind: 'computed', needs: ['role'] },
  },
  Office: { ...RELATIONSHIP, title: prop('title'), since: date('since'), until: date('until'), person: FROM, of: TO },
  DelegationMembership: { ...RELATIONSHIP, role: prop('role'), person: FROM, delegation: TO },
  Presence: { ...RELATIONSHIP, date: date('date'), actor: FROM, place: TO },
  PartialDate: { value: DATE_PART, precision: DATE_PART, start: DATE_PART, end: DATE_PART },
  Evidence: { sourceId: EVIDENCE_PART, quote: EVIDENCE_PART, offset: EVIDENCE_PART, source: SOURCE },
  Claim: { property: CLAIM_PART, value: CLAIM_PART, sourceId: CLAIM_PART, evidence: CLAIM_PART, source: SOURCE },
  // `subgraph` and `path`: the generic node and relationship, as records.ts reads them.
  GraphNode: {
    id: prop('id'),
    kind: { kind: 'value', expr: kindExpr },
    name: NAME,
    properties: PROPERTIES,
    evidence: EVIDENCE,
    node: { kind: 'self' },
  },
  GraphEdge: {
    id: RELATIONSHIP.id!,
    type: { kind: 'value', expr: (v) => `type(${v})` },
    from: { kind: 'value', expr: (v) => `startNode(${v}).id` },
    to: { kind: 'value', expr: (v) => `endNode(${v}).id` },
    properties: PROPERTIES,
    evidence: EVIDENCE,
  },
};

/** Object types whose values are graph nodes (their position binds a node variable). */
export const NODE_TYPES: ReadonlySet<string> = new Set(Object.values(NodeKind));
/** Object types whose values are relationships. */
export const EDGE_TYPES: ReadonlySet<string> = new Set(['Participation', 'Office', 'DelegationMembership', 'Presence']);
