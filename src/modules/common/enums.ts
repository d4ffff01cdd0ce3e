/** Registers the model's enums with type-graphql, with descriptions users see in the docs. */
import { registerEnumType } from 'type-graphql';
import { ExportFormat } from '../../export';
import {
  DatePrecision,
  DelegationRole,
  MeetingFormat,
  MeetingMedium,
  MeetingMode,
  MeetingStatus,
  NodeKind,
  OrganizationKind,
  ParticipantRole,
  PlaceKind,
  RelType,
  StatementKind,
} from '../../model/vocabulary';

registerEnumType(NodeKind, { name: 'NodeKind', description: 'What a node is.' });
registerEnumType(RelType, { name: 'RelationshipType', description: 'What a relationship says.' });
registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'The part an actor played in a meeting.',
});
registerEnumType(DelegationRole, { name: 'DelegationRole', description: 'Head or member of a delegation.' });
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'Whether a meeting took place. Only HELD meetings count as encounters.',
});
registerEnumType(MeetingFormat, { name: 'MeetingFormat', description: 'How many sides a meeting had.' });
registerEnumType(MeetingMode, {
  name: 'MeetingMode',
  description: 'Whether the sides talked directly or through a mediator.',
});
registerEnumType(MeetingMedium, {
  name: 'MeetingMedium',
  description: 'How the sides met: in person, by phone or by video (a call is not a meeting in person).',
});
registerEnumType(PlaceKind, { name: 'PlaceKind', description: 'Venue, city or region.' });
registerEnumType(OrganizationKind, { name: 'OrganizationKind', description: 'What kind of organization.' });
registerEnumType(StatementKind, {
  name: 'StatementKind',
  description: 'QUOTE: the source quotes the words verbatim. REPORTED: the source reports a position in its own words.',
});
registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How exact a date is.' });

export enum ParticipationMode {
  DIRECT = 'DIRECT',
  DELEGATION_MEMBER = 'DELEGATION_MEMBER',
  REPRESENTED_BY_DELEGATION = 'REPRESENTED_BY_DELEGATION',
}
registerEnumType(ParticipationMode, {
  name: 'ParticipationMode',
  description:
    'How an actor took part in a meeting: DIRECT (itself a participant), DELEGATION_MEMBER (as a member or head of a participating delegation), REPRESENTED_BY_DELEGATION (a country represented by a participating delegation).',
});

export enum MeetingOrder {
  DATE_ASC = 'DATE_ASC',
  DATE_DESC = 'DATE_DESC',
}
registerEnumType(MeetingOrder, { name: 'MeetingOrder', description: 'Order of meetings by date (ties by id).' });

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description:
    'JSON (ours, full provenance), GRAPHML (Cytoscape, yEd, networkx, Gephi), GEXF 1.2 (Gephi, with a timeline), CYTOSCAPE (Cytoscape.js elements), CSV (one table per file), CYPHER (a script rebuilding the subgraph in another Neo4j).',
});

export enum CsvTableEnum {
  NODES = 'nodes',
  EDGES = 'edges',
}
registerEnumType(CsvTableEnum, { name: 'CsvTable', description: 'Which CSV table: the nodes or the edges.' });
