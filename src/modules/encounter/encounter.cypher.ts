/**
 * whoMetWhom in one statement: the meetings in scope, everyone taking part in each (three ways),
 * the pairs on different sides, the venue with its city and country, and the evidence.
 */
import { cypher } from '../../graph/executor';
import { nodeMap } from '../../graph/records';

/** Meetings an actor took part in, any of the three ways. */
const MEETINGS_OF_ACTOR = `
  MATCH (me:Entity {id: $actorId})
  CALL (me) {
    MATCH (me)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
    UNION
    MATCH (me)-[:MEMBER_OF]->(:Delegation)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
    UNION
    MATCH (me)<-[:REPRESENTS]-(:Delegation)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
  }`;

const ALL_MEETINGS = `
  MATCH (m:Meeting)`;

const PAIRS = `
  WITH DISTINCT m
  WHERE m.status = 'HELD'
    // No medium stated counts as in person (see the \`media\` argument).
    AND coalesce(m.medium, 'IN_PERSON') IN $media
    AND ($from IS NULL OR m.dateEnd >= $from)
    AND ($to IS NULL OR m.dateStart <= $to)
    AND ($placeId IS NULL OR EXISTS { (m)-[:HELD_AT]->(:Place)-[:LOCATED_IN*0..6]->(:Entity {id: $placeId}) })
  // Where, once per meeting (not once per pair): the place HELD_AT names, a venue only if it is
  // one; one walk up the LOCATED_IN chain gives both the city (the place itself, if a city) and
  // the country.
  CALL (m) {
    OPTIONAL MATCH (m)-[:HELD_AT]->(held:Place)
    WITH held ORDER BY held.id LIMIT 1
    OPTIONAL MATCH chain = (held)-[:LOCATED_IN*0..5]->(top) WHERE NOT EXISTS { (top)-[:LOCATED_IN]->() }
    WITH held, nodes(chain) AS around LIMIT 1
    RETURN held,
           head([n IN around WHERE n:Place AND n.placeKind = 'CITY']) AS city,
           head([n IN around WHERE n:Country]) AS country
  }
  WITH m, {meeting: m, place: held, venue: CASE WHEN held.placeKind = 'VENUE' THEN held END,
           city: city, country: country} AS place
  // Who took part, and on which side: a delegation, its members and its country share one.
  CALL (m) {
    MATCH (a:Entity)-[p:PARTICIPATED_IN]->(m)
    RETURN a, 'DIRECT' AS how, a.id AS side,
           {props: properties(p), type: 'PARTICIPATED_IN', from: a.id, to: m.id} AS participation,
           null AS delegation, null AS link
    UNION ALL
    MATCH (a:Person)-[link:MEMBER_OF]->(d:Delegation)-[p:PARTICIPATED_IN]->(m)
    RETURN a, 'DELEGATION_MEMBER' AS how, d.id AS side,
           {props: properties(p), type: 'PARTICIPATED_IN', from: d.id, to: m.id} AS participation,
           ${nodeMap('d')} AS delegation, {props: properties(link), type: 'MEMBER_OF', from: a.id, to: d.id} AS link
    UNION ALL
    MATCH (a:Country)<-[link:REPRESENTS]-(d:Delegation)-[p:PARTICIPATED_IN]->(m)
    RETURN a, 'REPRESENTED_BY_DELEGATION' AS how, d.id AS side,
           {props: properties(p), type: 'PARTICIPATED_IN', from: d.id, to: m.id} AS participation,
           ${nodeMap('d')} AS delegation, {props: properties(link), type: 'REPRESENTS', from: d.id, to: a.id} AS link
  }
  WITH m, place, a, collect(side) AS sides,
       collect({how: how, participation: participation, delegation: delegation, link: link}) AS ways
  WITH m, place, collect({a: a, sides: sides, ways: ways}) AS takers
  UNWIND [t IN takers WHERE $actorId IS NULL OR t.a.id = $actorId] AS x
  UNWIND takers AS y
  WITH m, place, x, y
  WHERE x.a <> y.a AND none(s IN x.sides WHERE s IN y.sides) AND ($actorId IS NOT NULL OR x.a.id < y.a.id)
  WITH x.a AS a, y.a AS b, m, place, x.ways AS aWays, y.ways AS bWays
  ORDER BY coalesce(m.dateStart, '9999-12-31'), m.id
  WITH a, b, collect(place {.*, actorWays: aWays, counterpartWays: bWays}) AS encounters
  ORDER BY toLower(a.name), toLower(b.name), a.id, b.id
  WITH collect({a: a, b: b, encounters: encounters}) AS pairs
  WITH size(pairs) AS total, pairs[$skip..($skip + $limit)] AS page
  // Every node of the page once; the pairs name them by id. An actor's meetings and places
  // recur in many pairs, and maps (with their evidence) are the costly part to send.
  CALL (page) {
    UNWIND page AS pair
    UNWIND [pair.a, pair.b] + reduce(found = [], e IN pair.encounters | found + [e.meeting, e.place, e.city, e.country]) AS n
    WITH DISTINCT n WHERE n IS NOT NULL
    RETURN collect(n) AS nodes
  }
  // A row for the total, then one per node and one per pair: the driver decodes many small
  // records far faster than one large one (a value split across Bolt chunks takes its slow path).
  UNWIND range(-1, size(nodes) + size(page) - 1) AS i
  WITH total, i, CASE WHEN 0 <= i < size(nodes) THEN nodes[i] END AS n,
       CASE WHEN i >= size(nodes) THEN page[i - size(nodes)] END AS pair
  RETURN CASE WHEN i < 0 THEN total END AS total,
    CASE WHEN n IS NOT NULL THEN ${nodeMap('n')} END AS node,
    CASE WHEN pair IS NOT NULL THEN {
      actor: pair.a.id,
      counterpart: pair.b.id,
      encounters: [e IN pair.encounters | {
        meeting: e.meeting.id,
        place: e.place.id,
        venue: e.venue.id,
        city: e.city.id,
        country: e.country.id,
        actorWays: e.actorWays,
        counterpartWays: e.counterpartWays
      }]
    } END AS pair`;

export const WHO_MET_ACTOR = cypher('who-met-actor', `${MEETINGS_OF_ACTOR}${PAIRS}`);
export const WHO_MET_WHOM = cypher('who-met-whom', `${ALL_MEETINGS}${PAIRS}`);
