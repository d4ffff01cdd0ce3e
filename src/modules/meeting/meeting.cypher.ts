/** Named statements of the meeting module. */
import { cypher } from '../../graph/executor';
import { nodeMap } from '../../graph/records';

/**
 * The filter every meeting list applies. An actor takes part directly, as a member of a
 * participating delegation, or as the country a participating delegation represents.
 */
const MEETING_FILTER = `
  ($status IS NULL OR m.status = $status)
  AND ($from IS NULL OR m.dateEnd >= $from)
  AND ($to IS NULL OR m.dateStart <= $to)
  AND ($placeId IS NULL OR EXISTS { (m)-[:HELD_AT]->(:Place)-[:LOCATED_IN*0..6]->(:Entity {id: $placeId}) })
  AND ($participantId IS NULL
       OR EXISTS { (:Entity {id: $participantId})-[:PARTICIPATED_IN]->(m) }
       OR EXISTS { (:Entity {id: $participantId})-[:MEMBER_OF]->(:Delegation)-[:PARTICIPATED_IN]->(m) }
       OR EXISTS { (:Entity {id: $participantId})<-[:REPRESENTS]-(:Delegation)-[:PARTICIPATED_IN]->(m) })`;

/** Undated meetings (proposed ones, often) sort last in both directions. */
function listMeetings(direction: 'ASC' | 'DESC') {
  const key = direction === 'ASC' ? "coalesce(m.dateStart, '9999-12-31')" : "coalesce(m.dateStart, '0000-01-01')";
  const after = direction === 'ASC' ? '>' : '<';
  return cypher(
    `list-meetings-${direction.toLowerCase()}`,
    `CALL () {
       MATCH (m:Meeting) WHERE ${MEETING_FILTER}
       RETURN count(m) AS total
     }
     CALL () {
       MATCH (m:Meeting) WHERE ${MEETING_FILTER}
       WITH m, ${key} AS sortKey
       WHERE $afterKey IS NULL OR [sortKey, m.id] ${after} [$afterKey, $afterId]
       WITH m, sortKey ORDER BY sortKey ${direction}, m.id ${direction} LIMIT $limit
       RETURN collect({node: ${nodeMap('m')}, sortKey: sortKey}) AS rows
     }
     RETURN total, rows`,
  );
}

export const LIST_MEETINGS_ASC = listMeetings('ASC');
export const LIST_MEETINGS_DESC = listMeetings('DESC');
