/**
 * Statements that write sources and their claims. Labels and relationship types come from the
 * model's enums, never from input. Claim nodes carry the label `Claim` only (never `Entity`), so
 * nothing that reads the graph's nodes sees them; they are found by `subjectId` and `sourceId`.
 */
import { cypher, type Statement } from '../graph/executor';
import { CLAIM_LABEL, ENTITY_LABEL, NodeKind, RelType } from '../model/vocabulary';

/** The source as stored: its text (which never changes silently) and date. */
export const SOURCE_STATE = cypher(
  'source-state',
  `MATCH (s:Source {id: $sourceId})
   RETURN s.text AS text, s.dateStart AS dateStart`,
);

/** Writes the source node itself: it is its document's, not a claim. */
export const WRITE_SOURCE = cypher(
  'write-source',
  `MERGE (s:${ENTITY_LABEL} {id: $props.id})
   SET s = $props, s:Source
   RETURN count(*) AS written`,
);

export const DELETE_SOURCE = cypher(
  'delete-source',
  `MATCH (s:Source {id: $sourceId})
   DETACH DELETE s
   RETURN count(*) AS deleted`,
);

/** Every claim on the subjects, whichever source made it. */
export const CLAIMS_OF_SUBJECTS = cypher(
  'claims-of-subjects',
  `UNWIND $ids AS id
   MATCH (c:${CLAIM_LABEL} {subjectId: id})
   RETURN c.subjectId AS subjectId, c.sourceId AS sourceId, c.sourceDate AS sourceDate, c.values AS values,
          c.evidenceQuotes AS quotes, c.evidenceOffsets AS offsets`,
);

/** What one source claims something about: the subjects, and how to find an edge again. */
export const SUBJECTS_OF_SOURCE = cypher(
  'subjects-of-source',
  `MATCH (c:${CLAIM_LABEL} {sourceId: $sourceId})
   RETURN c.subjectId AS subjectId, c.subject AS subject, c.kind AS kind, c.type AS type, c.from AS from, c.to AS to`,
);

export const UPSERT_CLAIMS = cypher(
  'upsert-claims',
  `UNWIND $rows AS row
   MERGE (c:${CLAIM_LABEL} {key: row.key})
   SET c = row
   RETURN count(*) AS written`,
);

export const DELETE_CLAIMS = cypher(
  'delete-claims',
  `UNWIND $keys AS key
   MATCH (c:${CLAIM_LABEL} {key: key})
   DELETE c
   RETURN count(*) AS deleted`,
);

/** A node's current values, derived from its claims, replace what it had. One per kind. */
export const WRITE_NODES: Readonly<Record<NodeKind, Statement>> = Object.fromEntries(
  Object.values(NodeKind).map((kind) => [
    kind,
    cypher(
      `write-nodes-${kind.toLowerCase()}`,
      `UNWIND $rows AS row
       MERGE (n:${ENTITY_LABEL} {id: row.id})
       SET n = row, n:${kind}
       RETURN count(*) AS written`,
    ),
  ]),
) as Record<NodeKind, Statement>;

export const DELETE_NODES = cypher(
  'delete-nodes',
  `UNWIND $ids AS id
   MATCH (n:${ENTITY_LABEL} {id: id})
   DETACH DELETE n
   RETURN count(*) AS deleted`,
);

/** A relationship's current values replace what it had. One per type. */
export const WRITE_EDGES: Readonly<Record<RelType, Statement>> = Object.fromEntries(
  Object.values(RelType).map((type) => [
    type,
    cypher(
      `write-edges-${type.toLowerCase()}`,
      `UNWIND $rows AS row
       MATCH (a:${ENTITY_LABEL} {id: row.from})
       MATCH (b:${ENTITY_LABEL} {id: row.to})
       MERGE (a)-[r:${type} {id: row.props.id}]->(b)
       SET r = row.props
       RETURN count(*) AS written`,
    ),
  ]),
) as Record<RelType, Statement>;

export const DELETE_EDGES: Readonly<Record<RelType, Statement>> = Object.fromEntries(
  Object.values(RelType).map((type) => [
    type,
    cypher(
      `delete-edges-${type.toLowerCase()}`,
      `UNWIND $rows AS row
       MATCH (:${ENTITY_LABEL} {id: row.from})-[r:${type} {id: row.id}]->(:${ENTITY_LABEL} {id: row.to})
       DELETE r
       RETURN count(*) AS deleted`,
    ),
  ]),
) as Record<RelType, Statement>;

/**
 * Relationships that would be left hanging if these nodes went: those not among the
 * relationships going with them. A source cannot be removed while another needs its nodes.
 */
export const DEPENDENT_EDGES = cypher(
  'dependent-edges',
  `UNWIND $ids AS id
   MATCH (n:${ENTITY_LABEL} {id: id})-[r]-(m)
   WHERE NOT coalesce(r.id, '') IN $goingEdgeIds
   RETURN id, r.id AS edgeId, r.evidenceSourceIds AS sourceIds
   LIMIT 50`,
);

/** The kind of every id that already exists, to refuse a document that would change one. */
export const EXISTING_KINDS = cypher(
  'existing-kinds',
  `UNWIND $ids AS id
   MATCH (n:${ENTITY_LABEL} {id: id})
   RETURN id, [label IN labels(n) WHERE label <> '${ENTITY_LABEL}'][0] AS kind`,
);

export const GRAPH_IS_EMPTY = cypher('graph-is-empty', `RETURN NOT EXISTS { MATCH (n:${ENTITY_LABEL}) } AS empty`);

/** Entities but no claims at all: a graph loaded before claims were stored. */
export const GRAPH_PREDATES_CLAIMS = cypher(
  'graph-predates-claims',
  `RETURN EXISTS { MATCH (n:${ENTITY_LABEL}) WHERE NOT n:Source } AND NOT EXISTS { MATCH (:${CLAIM_LABEL}) } AS predates`,
);

export const GRAPH_COUNTS = cypher(
  'graph-counts',
  `CALL () { MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS nodes }
   CALL () { MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) RETURN count(r) AS relationships }
   CALL () { MATCH (c:${CLAIM_LABEL}) RETURN count(c) AS claims }
   CALL () { MATCH (s:Source) RETURN count(s) AS sources }
   RETURN nodes, relationships, claims, sources`,
);
