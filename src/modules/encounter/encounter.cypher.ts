/**
 * whoMetWhom in one statement: the meetings in scope, everyone taking part in each (three ways),
 * the pairs on different sides, the place with its city and country, and the evidence.
 *
 * With an actor, its counterparts are few (its own meetings'), so they are all found and then
 * paged. Without one, every pair in the graph is a candidate: the page is cut first, from a
 * light stream of pairs (ids only, actor by actor in name order, each actor's counterparts in
 * name order, so Neo4j can stop as soon as the page is full), and only the page's pairs get
 * their encounters built. The total, a pass over every pair, is counted only when asked for.
 */
import { cypher, type Statement } from '../../graph/executor';
import { nodeRowWithout } from '../../graph/records';
import { ACTOR_KINDS, NodeKind, PlaceKind, RelType, SAME_AS_MAX_HOPS } from '../../model/vocabulary';
import type { EncounterProjection } from './encounter.selection';

const { PARTICIPATED_IN, MEMBER_OF, REPRESENTS, HELD_AT, LOCATED_IN, SAME_AS } = RelType;
const { Meeting, Delegation, Person, Country, Place } = NodeKind;

const EVIDENCE_KEYS = ['evidenceSourceIds', 'evidenceQuotes', 'evidenceOffsets'];

/**
 * A node as a NodeRow (records.ts: the driver decodes lists far faster than maps) with what the
 * selection needs: never its search key, its evidence lists only when asked for (they are most
 * of a page's bytes). `np` must hold `properties(v)`.
 */
const nodeProjection = (v: string, np: string, p: EncounterProjection) =>
  nodeRowWithout(v, np, p.nodeEvidence ? [] : EVIDENCE_KEYS);

/** A participation or delegation link's properties: `keys`, and the evidence when asked for. */
const edgeProps = (r: string, keys: string[], p: EncounterProjection) =>
  `${r} {${[...keys, ...(p.encounterEvidence ? EVIDENCE_KEYS : [])].map((k) => `.${k}`).join(', ')}}`;

/** The same-as group of node `v` (itself included), as the list `group`. */
const GROUP_OF = (v: string, group: string) => `
  CALL (${v}) {
    MATCH (${v})-[:${SAME_AS}*0..${SAME_AS_MAX_HOPS}]-(g:Entity)
    RETURN collect(DISTINCT g) AS ${group}
  }`;

/**
 * The one actor that stands for the group of `v`, as `rep`: a named member before an unnamed
 * one, then the smallest id.
 */
const REPRESENTATIVE_OF = (v: string) => `
  CALL (${v}) {
    MATCH (${v})-[:${SAME_AS}*0..${SAME_AS_MAX_HOPS}]-(g:Entity)
    WITH DISTINCT g ORDER BY coalesce(g.unnamed, false), g.id LIMIT 1
    RETURN g AS rep
  }`;

/** True when `v` stands for its group (see REPRESENTATIVE_OF). */
const IS_REPRESENTATIVE = (v: string) => `
  NOT EXISTS {
    MATCH (${v})-[:${SAME_AS}*1..${SAME_AS_MAX_HOPS}]-(o:Entity)
    WHERE [coalesce(o.unnamed, false), o.id] < [coalesce(${v}.unnamed, false), ${v}.id]
  }`;

/** Meetings `a` took part in, any of the three ways, each with the sides `a` was on there. */
const MEETINGS_OF = (a: string) => `
  CALL (${a}) {
    MATCH (${a})-[:${PARTICIPATED_IN}]->(m:${Meeting}) RETURN m, ${a}.id AS mySide
    UNION
    MATCH (${a})-[:${MEMBER_OF}]->(d:${Delegation})-[:${PARTICIPATED_IN}]->(m:${Meeting}) RETURN m, d.id AS mySide
    UNION
    MATCH (${a})<-[:${REPRESENTS}]-(d:${Delegation})-[:${PARTICIPATED_IN}]->(m:${Meeting}) RETURN m, d.id AS mySide
  }`;

/** The filter every meeting in scope passes (held, medium, dates, place). */
const IN_SCOPE = `
  m.status = 'HELD'
  // No medium stated counts as in person (see the media argument).
  AND coalesce(m.medium, 'IN_PERSON') IN $media
  AND ($from IS NULL OR m.dateEnd >= $from)
  AND ($to IS NULL OR m.dateStart <= $to)
  AND ($placeId IS NULL OR EXISTS { (m)-[:${HELD_AT}]->(:${Place})-[:${LOCATED_IN}*0..6]->(:Entity {id: $placeId}) })`;

/** Everyone taking part in `m`, each row one way with the side it puts them on. */
const TAKERS_OF_M = `
  CALL (m) {
    MATCH (b:Entity)-[:${PARTICIPATED_IN}]->(m) RETURN b, b.id AS side
    UNION ALL
    MATCH (b:${Person})-[:${MEMBER_OF}]->(d:${Delegation})-[:${PARTICIPATED_IN}]->(m) RETURN b, d.id AS side
    UNION ALL
    MATCH (b:${Country})<-[:${REPRESENTS}]-(d:${Delegation})-[:${PARTICIPATED_IN}]->(m) RETURN b, d.id AS side
  }`;

/** The order of actors in pairs: by lower-cased name, then id. */
const KEY = (v: string) => `[toLower(${v}.name), ${v}.id]`;

/**
 * The counterparts of the same-as group `group` and the meetings in which they met, as rows
 * `b, encounters`: each counterpart group once, by its representative, never a member of
 * `group` itself; every counterpart or (when `only` is a list) those whose representative's id
 * it holds. `group`'s members' ways of taking part are the actor's, the counterpart group's its.
 */
const ENCOUNTERS_OF = (group: string, only: string, p: EncounterProjection) => `
  CALL (${group}) {
    UNWIND ${group} AS me
    ${MEETINGS_OF('me')}
    RETURN DISTINCT m
  }
  WITH ${group}, ${only}, m
  WHERE ${IN_SCOPE}
  // Where, once per meeting (not once per pair): the place HELD_AT names, a venue only if it is
  // one; one walk up the LOCATED_IN chain gives both the city (the place itself, if a city) and
  // the country.
  CALL (m) {
    OPTIONAL MATCH (m)-[:${HELD_AT}]->(held:${Place})
    WITH held ORDER BY held.id LIMIT 1
    OPTIONAL MATCH chain = (held)-[:${LOCATED_IN}*0..5]->(top) WHERE NOT EXISTS { (top)-[:${LOCATED_IN}]->() }
    WITH held, nodes(chain) AS around LIMIT 1
    RETURN held,
           head([n IN around WHERE n:${Place} AND n.placeKind = '${PlaceKind.CITY}']) AS city,
           head([n IN around WHERE n:${Country}]) AS country
  }
  WITH ${group}, ${only}, m, {meeting: m, place: held, venue: CASE WHEN held.placeKind = '${PlaceKind.VENUE}' THEN held END,
       city: city, country: country} AS place
  // Who took part, and on which side: a delegation, its members and its country share one.
  CALL (m) {
    MATCH (t:Entity)-[r:${PARTICIPATED_IN}]->(m)
    RETURN t, 'DIRECT' AS how, t.id AS side, ${edgeProps('r', ['role'], p)} AS participation,
           null AS delegation, null AS link
    UNION ALL
    MATCH (t:${Person})-[link:${MEMBER_OF}]->(d:${Delegation})-[r:${PARTICIPATED_IN}]->(m)
    RETURN t, 'DELEGATION_MEMBER' AS how, d.id AS side, ${edgeProps('r', ['role'], p)} AS participation,
           d AS delegation, ${edgeProps('link', ['role'], p)} AS link
    UNION ALL
    MATCH (t:${Country})<-[link:${REPRESENTS}]-(d:${Delegation})-[r:${PARTICIPATED_IN}]->(m)
    RETURN t, 'REPRESENTED_BY_DELEGATION' AS how, d.id AS side, ${edgeProps('r', ['role'], p)} AS participation,
           d AS delegation, ${edgeProps('link', [], p)} AS link
  }
  WITH ${group}, ${only}, m, place, t, collect(side) AS sides,
       collect({how: how, participation: participation, delegation: delegation, link: link}) AS ways
  WITH ${group}, ${only}, m, place, collect({t: t, sides: sides, ways: ways}) AS takers
  WITH ${group}, ${only}, m, place, takers, [x IN takers WHERE x.t IN ${group}] AS mine
  WITH ${group}, ${only}, m, place, takers, reduce(s = [], x IN mine | s + x.sides) AS mySides,
       reduce(w = [], x IN mine | w + x.ways) AS myWays
  UNWIND takers AS y
  WITH ${only}, m, place, mySides, myWays, y
  WHERE NOT y.t IN ${group} AND none(s IN y.sides WHERE s IN mySides)
  WITH ${only}, m, place, myWays, y.t AS member, y.ways AS memberWays
  ${REPRESENTATIVE_OF('member')}
  WITH ${only}, rep AS b, m, place, myWays, collect(memberWays) AS wayLists
  WHERE ${only} IS NULL OR b.id IN ${only}
  WITH b, m, place, myWays, reduce(w = [], l IN wayLists | w + l) AS theirWays
  ORDER BY coalesce(m.dateStart, '9999-12-31'), m.id
  RETURN b, collect(place {.*, actorWays: myWays, counterpartWays: theirWays}) AS encounters`;

/**
 * The rows sent back for a page of pairs `{a, b, encounters}` (in order) and its `total`: a row
 * for the total, then one per node, one per (actor, meeting) with the actor's ways there, and
 * one per pair (with its `key` when `keyed`: the all-pairs list's cursors); encounters and ways as lists, which cost
 * fewer bytes and decode faster than maps. Every node of the page goes once and
 * pairs name them by id: an actor's meetings and places recur in many pairs, and maps (with
 * their evidence) are the costly part to send; the driver decodes many small records far
 * faster than one large one (a value split across Bolt chunks takes its slow path).
 */
const PAGE_ROWS = (p: EncounterProjection, keyed: boolean) => `
  CALL (page) {
    UNWIND page AS pair
    UNWIND [pair.a, pair.b] + reduce(found = [], e IN pair.encounters |
      found + [e.meeting${p.places.map((f) => `, e.${f}`).join('')}]${p.delegations ? ' + [w IN e.actorWays + e.counterpartWays | w.delegation]' : ''}) AS n
    WITH DISTINCT n WHERE n IS NOT NULL
    RETURN collect(n) AS nodes
  }
  // The actor's ways in a meeting are the same in every pair that meeting is in: sent once.
  CALL (page) {
    UNWIND page AS pair
    UNWIND pair.encounters AS e
    WITH pair.a.id AS actor, e.meeting.id AS meeting, e.actorWays AS ways
    WITH actor, meeting, head(collect(ways)) AS ways
    RETURN collect([actor, meeting, [w IN ways | ${WAY_ROW('w', p)}]]) AS actorWays
  }
  WITH total, page, nodes, actorWays, size(nodes) AS n1, size(nodes) + size(actorWays) AS n2
  UNWIND range(-1, n2 + size(page) - 1) AS i
  WITH total, i, CASE WHEN 0 <= i < n1 THEN nodes[i] END AS n,
       CASE WHEN n1 <= i < n2 THEN actorWays[i - n1] END AS ways,
       CASE WHEN i >= n2 THEN page[i - n2] END AS pair
  WITH total, i, n, properties(n) AS np, ways, pair
  RETURN CASE WHEN i < 0 THEN total END AS total,
    CASE WHEN n IS NOT NULL THEN ${nodeProjection('n', 'np', p)} END AS node,
    ways,
    CASE WHEN pair IS NOT NULL THEN {
      actor: pair.a.id,
      counterpart: pair.b.id,
      ${keyed ? `key: ${KEY('pair.a')} + ${KEY('pair.b')},` : ''}
      encounters: [e IN pair.encounters | [e.meeting.id, e.place.id, e.venue.id, e.city.id, e.country.id,
        [w IN e.counterpartWays | ${WAY_ROW('w', p)}]]]
    } END AS pair`;

/**
 * A way of taking part as a list (RawWay in the repository): how, role, the delegation role,
 * the delegation's id, and the quotes of the participation and link (empty unless selected).
 */
const WAY_ROW = (w: string, p: EncounterProjection) => {
  const lists = EVIDENCE_KEYS.map((k) =>
    p.encounterEvidence ? `coalesce(${w}.participation.${k}, []) + coalesce(${w}.link.${k}, [])` : '[]',
  ).join(', ');
  return `[${w}.how, ${w}.participation.role, ${w}.link.role, ${w}.delegation.id, ${lists}]`;
};

/** The statement for each projection, built once. */
function perProjection(build: (p: EncounterProjection) => Statement): (p: EncounterProjection) => Statement {
  const built = new Map<string, Statement>();
  return (p) => {
    const key = `${p.nodeEvidence}-${p.encounterEvidence}-${p.places.join('+')}-${p.delegations}`;
    let statement = built.get(key);
    if (!statement) {
      statement = build(p);
      built.set(key, statement);
    }
    return statement;
  };
}

const suffix = (p: EncounterProjection) =>
  `${p.nodeEvidence ? '-node-evidence' : ''}${p.encounterEvidence ? '-encounter-evidence' : ''}` +
  `${p.places.map((f) => `-${f}`).join('')}${p.delegations ? '-delegations' : ''}`;

/** One actor's counterparts, all found, ordered by name, then a page cut by position. */
export const WHO_MET_ACTOR = perProjection((p) =>
  cypher(
    `who-met-actor${suffix(p)}`,
    `MATCH (a:Entity {id: $actorId})
     ${GROUP_OF('a', 'group')}
     CALL (group) {
       WITH group, null AS only
       ${ENCOUNTERS_OF('group', 'only', p)}
     }
     WITH a, b, encounters ORDER BY toLower(b.name), b.id
     WITH collect({a: a, b: b, encounters: encounters}) AS pairs
     WITH size(pairs) AS total, pairs[$skip..($skip + $limit)] AS page
     ${PAGE_ROWS(p, false)}`,
  ),
);

const ACTOR_LABELS = ACTOR_KINDS.map((kind) => `a:${kind}`).join(' OR ');

/**
 * Every pair once, the actor being the one first in name order, as a stream of ids: each
 * actor's counterparts that come after it, actor by actor. Pairs come out in (actor,
 * counterpart) order, which the planner sees (the actors sorted, then each one's counterparts
 * sorted), so a LIMIT after it stops the stream.
 */
const PAIR_STREAM = `
  MATCH (a) WHERE ${ACTOR_LABELS}
  WITH a ORDER BY toLower(a.name), a.id
  WHERE ($after IS NULL OR ${KEY('a')} >= $after[0..2]) AND ${IS_REPRESENTATIVE('a')}
  CALL (a) {
    ${GROUP_OF('a', 'group')}
    UNWIND group AS me
    ${MEETINGS_OF('me')}
    WITH a, group, m, collect(mySide) AS mySides
    WHERE ${IN_SCOPE}
    ${TAKERS_OF_M}
    WITH a, group, m, mySides, b, collect(side) AS sides
    WHERE NOT b IN group AND none(s IN sides WHERE s IN mySides)
    WITH DISTINCT a, b AS member
    ${REPRESENTATIVE_OF('member')}
    WITH DISTINCT a, rep AS b
    WHERE ${KEY('b')} > ${KEY('a')}
      AND ($after IS NULL OR ${KEY('a')} > $after[0..2] OR ${KEY('b')} > $after[2..4])
    RETURN b ORDER BY toLower(b.name), b.id
  }`;

/**
 * The pairs of every meeting in scope, each same-as group as its representative, counted once
 * each: the total of the unpaged list.
 */
const COUNT_PAIRS = `
  MATCH (m:${Meeting}) WHERE ${IN_SCOPE}
  ${TAKERS_OF_M}
  WITH m, b AS member, side
  ${REPRESENTATIVE_OF('member')}
  WITH m, rep AS b, collect(side) AS sides
  WITH m, collect({b: b, sides: sides}) AS takers
  UNWIND takers AS x
  UNWIND takers AS y
  WITH x, y WHERE ${KEY('x.b')} < ${KEY('y.b')} AND none(s IN x.sides WHERE s IN y.sides)
  RETURN count(DISTINCT [x.b.id, y.b.id]) AS total`;

function whoMetWhom(withTotal: boolean, p: EncounterProjection): Statement {
  return cypher(
    `who-met-whom${withTotal ? '-with-total' : ''}${suffix(p)}`,
    `CALL () {
       ${PAIR_STREAM}
       RETURN a, b ORDER BY toLower(a.name), a.id, toLower(b.name), b.id LIMIT $limit
     }
     WITH a, collect(b.id) AS only
     ${GROUP_OF('a', 'group')}
     CALL (group, only) {
       ${ENCOUNTERS_OF('group', 'only', p)}
     }
     WITH a, b, encounters ORDER BY toLower(a.name), a.id, toLower(b.name), b.id
     WITH collect({a: a, b: b, encounters: encounters}) AS page
     ${withTotal ? `CALL () { ${COUNT_PAIRS} }` : 'WITH page, null AS total'}
     ${PAGE_ROWS(p, true)}`,
  );
}

/** Every pair that met, paged by keyset: with the total, or without it (cheaper). */
export const WHO_MET_WHOM = {
  WITH_TOTAL: perProjection((p) => whoMetWhom(true, p)),
  PAGE_ONLY: perProjection((p) => whoMetWhom(false, p)),
};
