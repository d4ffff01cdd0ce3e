/**
 * The property-graph model: every label, relationship type and enumerated value diplograph
 * stores in Neo4j. Cypher may only name labels and relationship types from these tables
 * (never from input), so this file is the whole vocabulary of the graph.
 */

/** Node labels. Every node also carries `Entity` (global id uniqueness, full-text search). */
export enum NodeKind {
  Country = 'Country',
  Organization = 'Organization',
  Person = 'Person',
  Delegation = 'Delegation',
  Place = 'Place',
  Meeting = 'Meeting',
  Statement = 'Statement',
  Source = 'Source',
}

/** The label every node has, beside its kind. */
export const ENTITY_LABEL = 'Entity';

/**
 * The label of claim records: one source's values and quotes for one node or relationship
 * (model/claims.ts). Claims are not `Entity` nodes and have no relationships: nothing that reads
 * the graph sees them unless it asks for them by `subjectId` or `sourceId`.
 */
export const CLAIM_LABEL = 'Claim';

/** Kinds that can take part in meetings, hold offices, make statements. */
export const ACTOR_KINDS = [NodeKind.Country, NodeKind.Organization, NodeKind.Person, NodeKind.Delegation] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** The prefix of a node id names its kind: `country:UKR`, `person:hakan-fidan`. */
export const ID_PREFIX: Record<NodeKind, string> = {
  [NodeKind.Country]: 'country',
  [NodeKind.Organization]: 'org',
  [NodeKind.Person]: 'person',
  [NodeKind.Delegation]: 'delegation',
  [NodeKind.Place]: 'place',
  [NodeKind.Meeting]: 'meeting',
  [NodeKind.Statement]: 'statement',
  [NodeKind.Source]: 'source',
};

/**
 * Relationship types, written `(from)-[:TYPE]->(to)`.
 * The comment on each names the kinds at both ends.
 */
export enum RelType {
  /** Person → Country | Organization; props: title, from, to (dates with precision). */
  HOLDS_OFFICE = 'HOLDS_OFFICE',
  /** Organization → Country | Organization (a ministry of a country, an office of a government). */
  PART_OF = 'PART_OF',
  /** Person → Delegation; prop: role (head | member). */
  MEMBER_OF = 'MEMBER_OF',
  /** Delegation → Country. */
  REPRESENTS = 'REPRESENTS',
  /** Delegation → actor who sent it. */
  SENT_BY = 'SENT_BY',
  /** Actor → Meeting; prop: role (ParticipantRole). */
  PARTICIPATED_IN = 'PARTICIPATED_IN',
  /** Actor → Meeting they declined to attend. */
  DECLINED = 'DECLINED',
  /** Actor → Meeting they proposed or called for. */
  PROPOSED = 'PROPOSED',
  /** Actor → Place they were present in; props: date, datePrecision. */
  PRESENT_IN = 'PRESENT_IN',
  /** Meeting → Place. */
  HELD_AT = 'HELD_AT',
  /** Place → Place | Country (venue → city → country). */
  LOCATED_IN = 'LOCATED_IN',
  /** Meeting → earlier Meeting it follows (an earlier round of talks). */
  FOLLOWS = 'FOLLOWS',
  /** Statement → actor who made it. */
  STATED_BY = 'STATED_BY',
  /** Statement → any node it is about. */
  ABOUT = 'ABOUT',
  /** Statement → Place where it was made. */
  MADE_AT = 'MADE_AT',
  /** Statement → Meeting during which it was made. */
  MADE_DURING = 'MADE_DURING',
  /**
   * Actor → actor of the same kind: a source says the two ids are one actor (an unnamed
   * delegation head, later named). Queries treat the group as one actor; nothing is merged.
   */
  SAME_AS = 'SAME_AS',
}

/**
 * How far queries walk SAME_AS (either direction) to find an actor's group: a source names an
 * unnamed actor, a later one spells it anew; a longer chain than this is a data error.
 */
export const SAME_AS_MAX_HOPS = 4;

/** The longest LOCATED_IN chain walked from a place up to its country (venue → district → city → …). */
export const MAX_PLACE_CHAIN = 5;

/** Roles of a participant in a meeting. */
export enum ParticipantRole {
  HOST = 'HOST',
  CHAIR = 'CHAIR',
  MEDIATOR = 'MEDIATOR',
  PARTY = 'PARTY',
  OBSERVER = 'OBSERVER',
  /** Took part, but the source says no more about its part (not host, chair, mediator…). */
  PARTICIPANT = 'PARTICIPANT',
}

/** Roles in a delegation. */
export enum DelegationRole {
  HEAD = 'HEAD',
  MEMBER = 'MEMBER',
}

export enum MeetingStatus {
  HELD = 'HELD',
  PROPOSED = 'PROPOSED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

export enum MeetingFormat {
  BILATERAL = 'BILATERAL',
  TRILATERAL = 'TRILATERAL',
  MULTILATERAL = 'MULTILATERAL',
}

export enum MeetingMode {
  DIRECT = 'DIRECT',
  MEDIATED = 'MEDIATED',
}

/** How the sides met: a call is not a meeting in person. Absent: the source does not say. */
export enum MeetingMedium {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
}

export enum PlaceKind {
  VENUE = 'VENUE',
  CITY = 'CITY',
  REGION = 'REGION',
}

export enum OrganizationKind {
  MINISTRY = 'MINISTRY',
  EXECUTIVE_OFFICE = 'EXECUTIVE_OFFICE',
  SUPRANATIONAL_BODY = 'SUPRANATIONAL_BODY',
  NEWS_AGENCY = 'NEWS_AGENCY',
  MEDIA = 'MEDIA',
  OTHER = 'OTHER',
}

export enum StatementKind {
  /** The source quotes the words verbatim. */
  QUOTE = 'QUOTE',
  /** The source reports a position in its own words. */
  REPORTED = 'REPORTED',
}

/** How exact a date is: `2025-05-16` is a day, `2022-03` only a month, `2022` a year. */
export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

/**
 * Participation roles in the event vocabularies analysts code with. CAMEO (Schrodt, 2012):
 * 043 "host a visit", 044 "meet at a third location", 045 "mediate", 046 "engage in
 * negotiation". PLOVER's CONSULT event has the modes visit / host / third-party / multilateral.
 * Exports carry these beside our own role so coded datasets can be joined.
 */
export const ROLE_CODES: Record<ParticipantRole, { cameo: string; plover: string }> = {
  [ParticipantRole.HOST]: { cameo: '043', plover: 'CONSULT:host' },
  [ParticipantRole.CHAIR]: { cameo: '043', plover: 'CONSULT:host' },
  [ParticipantRole.MEDIATOR]: { cameo: '045', plover: 'CONSULT:third-party' },
  [ParticipantRole.PARTY]: { cameo: '046', plover: 'CONSULT:multilateral' },
  [ParticipantRole.OBSERVER]: { cameo: '044', plover: 'CONSULT:third-party' },
  // CAMEO 040 is "consult, not specified below": the role is unknown, not absent.
  [ParticipantRole.PARTICIPANT]: { cameo: '040', plover: 'CONSULT' },
};

/**
 * The kinds each relationship type may join, `from` → `to`: the one table the facts validator
 * (and anything else that checks endpoints) reads, matching the comments on `RelType`.
 */
export const REL_ENDPOINTS: Readonly<Record<RelType, { from: readonly NodeKind[]; to: readonly NodeKind[] }>> = {
  [RelType.HOLDS_OFFICE]: { from: [NodeKind.Person], to: [NodeKind.Country, NodeKind.Organization] },
  [RelType.PART_OF]: { from: [NodeKind.Organization], to: [NodeKind.Country, NodeKind.Organization] },
  [RelType.MEMBER_OF]: { from: [NodeKind.Person], to: [NodeKind.Delegation] },
  [RelType.REPRESENTS]: { from: [NodeKind.Delegation], to: [NodeKind.Country] },
  [RelType.SENT_BY]: { from: [NodeKind.Delegation], to: ACTOR_KINDS },
  [RelType.PARTICIPATED_IN]: { from: ACTOR_KINDS, to: [NodeKind.Meeting] },
  [RelType.DECLINED]: { from: ACTOR_KINDS, to: [NodeKind.Meeting] },
  [RelType.PROPOSED]: { from: ACTOR_KINDS, to: [NodeKind.Meeting] },
  [RelType.PRESENT_IN]: { from: ACTOR_KINDS, to: [NodeKind.Place] },
  [RelType.HELD_AT]: { from: [NodeKind.Meeting], to: [NodeKind.Place] },
  [RelType.LOCATED_IN]: { from: [NodeKind.Place], to: [NodeKind.Place, NodeKind.Country] },
  [RelType.FOLLOWS]: { from: [NodeKind.Meeting], to: [NodeKind.Meeting] },
  [RelType.STATED_BY]: { from: [NodeKind.Statement], to: ACTOR_KINDS },
  [RelType.ABOUT]: { from: [NodeKind.Statement], to: Object.values(NodeKind) },
  [RelType.MADE_AT]: { from: [NodeKind.Statement], to: [NodeKind.Place] },
  [RelType.MADE_DURING]: { from: [NodeKind.Statement], to: [NodeKind.Meeting] },
  [RelType.SAME_AS]: { from: ACTOR_KINDS, to: ACTOR_KINDS },
};

/** The kind an id's prefix names (`person:hakan-fidan` → Person), or undefined. */
export function kindOfId(id: string): NodeKind | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return (Object.keys(ID_PREFIX) as NodeKind[]).find((kind) => ID_PREFIX[kind] === prefix);
}
