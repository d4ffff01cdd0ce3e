/** Named statements of the meeting module. */
import { type ObjectSelection, pageStatement } from '../../graph/compile';
import { cypher, type Statement } from '../../graph/executor';
import { nodeMap } from '../../graph/records';
import { MAX_PLACE_CHAIN, NodeKind, RelType, SAME_AS_MAX_HOPS } from '../../model/vocabulary';

/**
 * A participant's meetings — taking part directly, as a member of a participating delegation,
 * or as the country a participating delegation represents — found from the participant by its
 * id, not by testing every meeting; the participant being its same-as group (every id a source
 * declared the same actor), each meeting once.
 */
const PARTICIPANT_MEETINGS = `
  MATCH (participant:Entity {id: $participantId})
  CALL (participant) {
    MATCH (participant)-[:${RelType.SAME_AS}*0..${SAME_AS_MAX_HOPS}]-(me:Entity)
    RETURN DISTINCT me
  }
  CALL (me) {
    MATCH (me)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
    UNION
    MATCH (me)-[:MEMBER_OF]->(:Delegation)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
    UNION
    MATCH (me)<-[:REPRESENTS]-(:Delegation)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
  }`;

/** The rest of a list's filter, on each candidate `m`. */
const meetingFilter = (m: string) => `
  ($status IS NULL OR ${m}.status = $status)
  AND ($from IS NULL OR ${m}.dateEnd >= $from)
  AND ($to IS NULL OR ${m}.dateStart <= $to)
  AND ($placeId IS NULL OR EXISTS { (${m})-[:HELD_AT]->(:Place)-[:LOCATED_IN*0..${MAX_PLACE_CHAIN}]->(:Entity {id: $placeId}) })`;
const MEETING_FILTER = meetingFilter('m');

/**
 * A page of meetings and the total: a first row with the total, then a row per meeting (small
 * records decode fast, see encounter.cypher.ts). With `byParticipant`, the participant's
 * meetings; otherwise all. Undated meetings (proposed ones, often) sort last in both directions.
 */
function listMeetings(direction: 'ASC' | 'DESC', byParticipant: boolean) {
  const key = direction === 'ASC' ? "coalesce(m.dateStart, '9999-12-31')" : "coalesce(m.dateStart, '0000-01-01')";
  const after = direction === 'ASC' ? '>' : '<';
  const matching = byParticipant
    ? `${PARTICIPANT_MEETINGS} WITH DISTINCT m WHERE ${MEETING_FILTER}`
    : `MATCH (m:Meeting) WHERE ${MEETING_FILTER}`;
  return cypher(
    `list-meetings-${byParticipant ? 'of-participant-' : ''}${direction.toLowerCase()}`,
    `CALL () {
       ${matching}
       RETURN count(m) AS total
     }
     CALL () {
       ${matching}
       WITH m, ${key} AS sortKey
       WHERE $afterKey IS NULL OR [sortKey, m.id] ${after} [$afterKey, $afterId]
       WITH m, sortKey ORDER BY sortKey ${direction}, m.id ${direction} LIMIT $limit
       RETURN collect({m: m, sortKey: sortKey}) AS page
     }
     UNWIND range(-1, size(page) - 1) AS i
     WITH total, i, CASE WHEN i >= 0 THEN page[i] END AS p
     WITH total, i, p, p.m AS m
     RETURN CASE WHEN i < 0 THEN total END AS total,
            CASE WHEN i >= 0 THEN {node: ${nodeMap('m')}, sortKey: p.sortKey} END AS row`,
  );
}

export const LIST_MEETINGS = {
  ASC: listMeetings('ASC', false),
  DESC: listMeetings('DESC', false),
  OF_PARTICIPANT_ASC: listMeetings('ASC', true),
  OF_PARTICIPANT_DESC: listMeetings('DESC', true),
};

/** Where undated meetings sort: last, in both directions (the cursors' keys, as above). */
const UNDATED_KEY = { ASC: '9999-12-31', DESC: '0000-01-01' } as const;

/**
 * A page of meetings as one compiled statement (src/graph/compile): only the selected fields,
 * the total only when selected. Without a participant, the page is read in `dateStart` order
 * from its range index (dated meetings, then the undated in a second branch, by id), so Neo4j
 * stops after the page instead of sorting every meeting. The undated branch, which no index can
 * serve (it scans every meeting), runs only when the dated ones do not fill the page. A
 * participant's meetings are few and sorted as they are found. Same order and cursors as LIST_MEETINGS.
 */
export function compiledMeetingsPage(
  direction: 'ASC' | 'DESC',
  byParticipant: boolean,
  withTotal: boolean,
  selection: ObjectSelection | null,
): Statement {
  const after = direction === 'ASC' ? '>' : '<';
  const undated = UNDATED_KEY[direction];
  const cursorTest = (key: string) => `($afterKey IS NULL OR [${key}, n.id] ${after} [$afterKey, $afterId])`;
  const find = byParticipant
    ? `${PARTICIPANT_MEETINGS}
       WITH DISTINCT m AS n WHERE ${meetingFilter('n')}
       WITH n, coalesce(n.dateStart, '${undated}') AS sortKey WHERE ${cursorTest('sortKey')}
       RETURN n, sortKey ORDER BY sortKey ${direction}, n.id ${direction} LIMIT $limit`
    : `CALL () {
         MATCH (n:${NodeKind.Meeting})
         WHERE n.dateStart ${direction === 'ASC' ? ">= coalesce($afterKey, '')" : "<= coalesce($afterKey, '9999-12-31')"}
           AND ${meetingFilter('n')} AND ${cursorTest('n.dateStart')}
         RETURN n, n.dateStart AS sortKey ORDER BY n.dateStart ${direction}, n.id ${direction} LIMIT $limit
       }
       WITH collect([n, sortKey]) AS dated
       CALL (dated) {
         UNWIND dated AS row
         RETURN row[0] AS n, row[1] AS sortKey
         UNION ALL
         WITH dated WHERE size(dated) < $limit
         CALL () {
           MATCH (n:${NodeKind.Meeting})
           WHERE n.dateStart IS NULL AND ${meetingFilter('n')} AND ${cursorTest(`'${undated}'`)}
           RETURN n ORDER BY n.id ${direction} LIMIT $limit
         }
         RETURN n, '${undated}' AS sortKey
       }
       RETURN n, sortKey ORDER BY sortKey ${direction}, n.id ${direction} LIMIT $limit`;
  const total = byParticipant
    ? `${PARTICIPANT_MEETINGS} WITH DISTINCT m WHERE ${MEETING_FILTER} RETURN count(m) AS total`
    : `MATCH (m:${NodeKind.Meeting}) WHERE ${MEETING_FILTER} RETURN count(m) AS total`;
  return pageStatement(
    `meetings-${byParticipant ? 'of-participant-' : ''}${direction.toLowerCase()}`,
    {
      total: withTotal ? total : undefined,
      find,
      order: `sortKey ${direction}, n.id ${direction}`,
      cursor: 'sortKey: sortKey, id: n.id',
    },
    selection,
  );
}
