/**
 * whoMetWhom in one statement: the meetings in scope, everyone taking part in each (three ways),
 * the pairs on different sides, the venue with its city and country, and the evidence.
 */
import { cypher } from '../../graph/executor';
import { edgeMap, nodeMap } from '../../graph/records';

/** Meetings an actor took part in, any of the three ways. */
const MEETINGS_OF_ACTOR = `
  MATCH (me:Entity {id: $actorId})
  CALL (me) {
    MATCH (me)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
    UNION
    MATCH (me)-[:MEMBER_OF]->(:Delegation)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
    UNION
    MATCH (me)<-[:REPRESENTS]-(:Delegation)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
  }
  WITH m`;

const ALL_MEETINGS = `
  MATCH (m:Meeting)`;

const NULLABLE_NODE = (v: string) => `CASE WHEN ${v} IS NULL THEN null ELSE ${nodeMap(v)} END`;
const NULLABLE_EDGE = (v: string) => `CASE WHEN ${v} IS NULL THEN null ELSE ${edgeMap(v)} END`;

const PAIRS = `
  WHERE m.status = 'HELD'
    AND ($from IS NULL OR m.dateEnd >= $from)
    AND ($to IS NULL OR m.dateStart <= $to)
    AND ($placeId IS NULL OR EXISTS { (m)-[:HELD_AT]->(:Place)-[:LOCATED_IN*0..6]->(:Entity {id: $placeId}) })
  CALL (m) {
    MATCH (a:Entity)-[p:PARTICIPATED_IN]->(m)
    RETURN a, p, null AS d, null AS link, 'DIRECT' AS how, a.id AS side
    UNION ALL
    MATCH (a:Person)-[link:MEMBER_OF]->(d:Delegation)-[p:PARTICIPATED_IN]->(m)
    RETURN a, p, d, link, 'DELEGATION_MEMBER' AS how, d.id AS side
    UNION ALL
    MATCH (a:Country)<-[link:REPRESENTS]-(d:Delegation)-[p:PARTICIPATED_IN]->(m)
    RETURN a, p, d, link, 'REPRESENTED_BY_DELEGATION' AS how, d.id AS side
  }
  WITH m, a, collect(side) AS sides,
       collect({how: how, participation: ${edgeMap('p')}, delegation: ${NULLABLE_NODE('d')}, link: ${NULLABLE_EDGE('link')}}) AS ways
  WITH m, collect({a: a, sides: sides, ways: ways}) AS takers
  UNWIND takers AS x
  UNWIND takers AS y
  WITH m, x, y
  WHERE x.a <> y.a AND none(s IN x.sides WHERE s IN y.sides)
    AND (($actorId IS NULL AND x.a.id < y.a.id) OR x.a.id = $actorId)
  OPTIONAL MATCH (m)-[:HELD_AT]->(venue:Place)
  CALL (venue) {
    OPTIONAL MATCH (venue)-[:LOCATED_IN*0..4]->(city:Place {placeKind: 'CITY'})
    OPTIONAL MATCH (venue)-[:LOCATED_IN*1..5]->(country:Country)
    RETURN head(collect(DISTINCT city)) AS city, head(collect(DISTINCT country)) AS country
  }
  WITH x.a AS a, y.a AS b, m, venue, city, country, x.ways AS aWays, y.ways AS bWays
  ORDER BY coalesce(m.dateStart, '9999-12-31'), m.id
  WITH a, b, collect({
      meeting: ${nodeMap('m')},
      venue: ${NULLABLE_NODE('venue')},
      city: ${NULLABLE_NODE('city')},
      country: ${NULLABLE_NODE('country')},
      actorWays: aWays,
      counterpartWays: bWays
    }) AS encounters
  ORDER BY toLower(a.name), toLower(b.name), a.id, b.id
  WITH collect({actor: ${nodeMap('a')}, counterpart: ${nodeMap('b')}, encounters: encounters}) AS pairs
  RETURN size(pairs) AS total, pairs[$skip..($skip + $limit)] AS pairs`;

export const WHO_MET_ACTOR = cypher('who-met-actor', `${MEETINGS_OF_ACTOR}${PAIRS}`);
export const WHO_MET_WHOM = cypher('who-met-whom', `${ALL_MEETINGS}${PAIRS}`);
