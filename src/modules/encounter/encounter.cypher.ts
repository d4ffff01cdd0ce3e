/**
 * whoMetWhom in one statement: the meetings in scope, everyone taking part in each (three ways),
 * the pairs on different sides, the place with its city and country, and the evidence.
 *
 * With an actor, its counterparts are few (its own meetings'), so they are all found and then
 * paged. Without one, every pair in the graph is a candidate: the page is cut first, from a
 * light stream of pairs (ids only, actor by actor in name order, each actor's counterparts in
 * name order, so Neo4j can stop as soon as the page is full), and only the page's pairs get
 * their encounters built. The total, a pass over every pair, is counted only when asked for.
 * The page's nodes (the two actors, each encounter's meeting, places and delegations) are
 * projected by the selection compiler with only what the selection asks of them, nested fields
 * included, so the whole request is this one statement.
 */
import { Projector } from '../../graph/compile/project';
import { cypher, type Statement } from '../../graph/executor';
import { nodeRow } from '../../graph/records';
import { ACTOR_KINDS, MAX_PLACE_CHAIN, NodeKind, PlaceKind, RelType, SAME_AS_MAX_HOPS } from '../../model/vocabulary';
import { type EncounterSelection, EVIDENCE_PARTS, type NodePosition, PLACE_FIELDS } from './encounter.selection';

const { PARTICIPATED_IN, MEMBER_OF, REPRESENTS, HELD_AT, LOCATED_IN, SAME_AS } = RelType;
const { Meeting, Delegation, Person, Country, Place } = NodeKind;

/** The same-as group of node `v` (itself included), as the list `group`. */
const GROUP_OF = (v: string, group: string) => `
  CALL (${v}) {
    MATCH (${v})-[:${SAME_AS}*0..${SAME_AS_MAX_HOPS}]-(g:Entity)
    RETURN collect(DISTINCT g) AS ${group}
  }`;

/**
 * The one actor that stands for the group of `v`, as `rep`: a named member before an unnamed
 * one, then the smallest id. Most actors have no SAME_AS at all and stand for themselves; the
 * walk (run once per row, and there is a row per meeting and taker) is only for the others.
 */
const REPRESENTATIVE_OF = (v: string) => `
  CALL (${v}) {
    WITH ${v} WHERE NOT EXISTS { (${v})-[:${SAME_AS}]-() }
    RETURN ${v} AS rep
    UNION ALL
    WITH ${v} WHERE EXISTS { (${v})-[:${SAME_AS}]-() }
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
  AND ($placeId IS NULL OR EXISTS { (m)-[:${HELD_AT}]->(:${Place})-[:${LOCATED_IN}*0..${MAX_PLACE_CHAIN}]->(:Entity {id: $placeId}) })`;

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
 * The actor's ways are gathered only when they or the evidence are selected; ways hold the
 * participation and link relationships themselves, whose properties (role, quotes) are read
 * only for the page's pairs, and places are found there too (placeOf).
 */
const ENCOUNTERS_OF = (group: string, only: string, s: EncounterSelection) => {
  return `
  CALL (${group}) {
    UNWIND ${group} AS me
    ${MEETINGS_OF('me')}
    RETURN DISTINCT m
  }
  WITH ${group}, ${only}, m
  WHERE ${IN_SCOPE}
  // Who took part, and on which side: a delegation, its members and its country share one.
  CALL (m) {
    MATCH (t:Entity)-[r:${PARTICIPATED_IN}]->(m)
    RETURN t, 'DIRECT' AS how, t.id AS side, r AS participation,
           null AS delegation, null AS link
    UNION ALL
    MATCH (t:${Person})-[link:${MEMBER_OF}]->(d:${Delegation})-[r:${PARTICIPATED_IN}]->(m)
    RETURN t, 'DELEGATION_MEMBER' AS how, d.id AS side, r AS participation, d AS delegation, link
    UNION ALL
    MATCH (t:${Country})<-[link:${REPRESENTS}]-(d:${Delegation})-[r:${PARTICIPATED_IN}]->(m)
    RETURN t, 'REPRESENTED_BY_DELEGATION' AS how, d.id AS side, r AS participation, d AS delegation, link
  }
  WITH ${group}, ${only}, m, t, collect(side) AS sides,
       collect({how: how, participation: participation, delegation: delegation, link: link}) AS ways
  WITH ${group}, ${only}, m, collect({t: t, sides: sides, ways: ways}) AS takers
  WITH ${group}, ${only}, m, takers, [x IN takers WHERE x.t IN ${group}] AS mine
  WITH ${group}, ${only}, m, takers, reduce(s = [], x IN mine | s + x.sides) AS mySides,
       ${s.actorWays ? 'reduce(w = [], x IN mine | w + x.ways)' : '[]'} AS myWays
  UNWIND takers AS y
  WITH ${only}, m, mySides, myWays, y
  WHERE NOT y.t IN ${group} AND none(s IN y.sides WHERE s IN mySides)
  WITH ${only}, m, myWays, y.t AS member, y.ways AS memberWays
  ${REPRESENTATIVE_OF('member')}
  WITH ${only}, rep AS b, m, myWays, collect(memberWays) AS wayLists
  WHERE ${only} IS NULL OR b.id IN ${only}
  WITH b, m, myWays, ${s.counterpartWays ? 'reduce(w = [], l IN wayLists | w + l)' : '[]'} AS theirWays
  ORDER BY coalesce(m.dateStart, '9999-12-31'), m.id
  RETURN b, collect({meeting: m, actorWays: myWays, counterpartWays: theirWays}) AS encounters`;
};

/**
 * Where encounter meeting `encMeeting` was, as `encplace, encvenue, enccity, enccountry`: the
 * place HELD_AT names, a venue only if it is one; one walk up the LOCATED_IN chain gives both
 * the city (the place itself, if a city) and the country. Found only for the page's encounters
 * (a hub's thousands of meetings are not walked for the counterparts off the page), only when
 * a place is selected, the chain only for city or country.
 */
function placeOf(s: EncounterSelection): string {
  const places = PLACE_FIELDS.filter((f) => s.places[f]);
  if (places.length === 0) return `WITH *, ${PLACE_FIELDS.map((f) => `null AS enc${f}`).join(', ')}`;
  const chain = places.includes('city') || places.includes('country');
  return `CALL (encMeeting) {
    OPTIONAL MATCH (encMeeting)-[:${HELD_AT}]->(held:${Place})
    WITH held ORDER BY held.id LIMIT 1
    ${
      chain
        ? `OPTIONAL MATCH chain = (held)-[:${LOCATED_IN}*0..${MAX_PLACE_CHAIN}]->(top) WHERE NOT EXISTS { (top)-[:${LOCATED_IN}]->() }
    WITH held, nodes(chain) AS around LIMIT 1`
        : 'WITH held, [] AS around'
    }
    RETURN held AS encplace,
           CASE WHEN held.placeKind = '${PlaceKind.VENUE}' THEN held END AS encvenue,
           head([n IN around WHERE n:${Place} AND n.placeKind = '${PlaceKind.CITY}']) AS enccity,
           head([n IN around WHERE n:${Country}]) AS enccountry
  }`;
}

/**
 * A node position of the page as an expression over `v` (null stays null), its subqueries
 * added to `calls`: the compiler's projection of its selection, or the whole node as a row.
 */
function projectPosition(projector: Projector, v: string, position: NodePosition, calls: string[]): string {
  if ('whole' in position) return `CASE WHEN ${v} IS NULL THEN null ELSE ${nodeRow(v, `properties(${v})`)} END`;
  const p = projector.project(v, position.selection);
  calls.push(...p.calls);
  return `CASE WHEN ${v} IS NULL THEN null ELSE ${p.map} END`;
}

/**
 * A side's ways of taking part in encounter `enc` (RawWay in the repository): how, role, the
 * delegation role and the delegation (projected, when selected). A list comprehension, or with
 * a delegation to project, a subquery a way at a time.
 */
function waysOf(projector: Projector, side: string, s: EncounterSelection, calls: string[], out: string): string {
  const row = (w: string, delegation: string) => `[${w}.how, ${w}.participation.role, ${w}.link.role, ${delegation}]`;
  if (!s.delegation) return `[way IN enc.${side} | ${row('way', 'null')}]`;
  const inner: string[] = [];
  const delegation = projectPosition(projector, 'wayDelegation', s.delegation, inner);
  calls.push(
    [
      'CALL (enc) {',
      `UNWIND range(0, size(enc.${side}) - 1) AS wayAt`,
      `WITH wayAt, enc.${side}[wayAt] AS way`,
      'WITH wayAt, way, way.delegation AS wayDelegation',
      ...inner,
      'WITH * ORDER BY wayAt',
      `RETURN collect(${row('way', delegation)}) AS ${out}`,
      '}',
    ].join('\n'),
  );
  return out;
}

/**
 * Encounter `enc`'s evidence (RawEvidence in the repository): the quotes of both sides'
 * participations and delegation links, in that order, each once (by source, offset and quote),
 * with only the parts the selection asks for; [] unless Encounter.evidence is selected. Found
 * here rather than in the repository, so that a quote several ways share, and the source ids
 * and offsets nobody asked for, are not sent.
 */
function evidenceOf(s: EncounterSelection): string {
  if (!s.evidence) return '[]';
  const at = (k: string, fallback: string) => `coalesce(evRel.${k}[evAt], ${fallback})`;
  const triple = `[evRel.evidenceSourceIds[evAt], ${at('evidenceOffsets', '-1')}, ${at('evidenceQuotes', "''")}]`;
  const once = `reduce(evAll = [], evWay IN enc.actorWays + enc.counterpartWays |
      reduce(evFrom = evAll, evRel IN [evWay.participation, evWay.link] | CASE WHEN evRel IS NULL THEN evFrom ELSE
        reduce(evSeen = evFrom, evAt IN range(0, size(coalesce(evRel.evidenceSourceIds, [])) - 1) |
          CASE WHEN ${triple} IN evSeen THEN evSeen ELSE evSeen + [${triple}] END) END))`;
  const parts = EVIDENCE_PARTS.map((part, i) => (s.evidenceParts[part] ? `ev[${i}]` : 'null'));
  return `[ev IN ${once} | [${parts.join(', ')}]]`;
}

/**
 * The rows sent back for a page of pairs `{a, b, encounters}` (in order) and its `total`: one
 * row per pair (or, for an empty page, one row with `pairAt` null), holding the two actors and
 * each encounter as `[meeting, when, place, venue, city, country, actorWays, counterpartWays,
 * evidence]`
 * (RawEncounter in the repository), every node projected with what the selection asks of it,
 * as deep as it goes; with the pair's `key` when `keyed` (the all-pairs list's cursors).
 */
function PAGE(s: EncounterSelection, keyed: boolean): string {
  const projector = new Projector();
  const encounterCalls: string[] = [];
  const at = (position: NodePosition | null | undefined, v: string) =>
    position ? projectPosition(projector, v, position, encounterCalls) : 'null';
  const meeting = at(s.meeting, 'encMeeting');
  const when = s.when ? at({ selection: s.when }, 'encMeeting') : 'null';
  const places = PLACE_FIELDS.map((f) => at(s.places[f], `enc${f}`));
  const actorWays = s.actorWays ? waysOf(projector, 'actorWays', s, encounterCalls, 'actorWays') : '[]';
  const theirWays = s.counterpartWays ? waysOf(projector, 'counterpartWays', s, encounterCalls, 'theirWays') : '[]';
  const pairCalls: string[] = [];
  const actor = s.actor ? projectPosition(projector, 'pairActor', s.actor, pairCalls) : 'null';
  const counterpart = s.counterpart ? projectPosition(projector, 'pairCounterpart', s.counterpart, pairCalls) : 'null';
  return `
  UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS pairAt
  WITH total, pairAt, page[pairAt] AS pair
  CALL (pair) {
    UNWIND range(0, size(coalesce(pair.encounters, [])) - 1) AS encAt
    WITH encAt, pair.encounters[encAt] AS enc
    WITH encAt, enc, enc.meeting AS encMeeting
    ${placeOf(s)}
    ${encounterCalls.join('\n')}
    WITH * ORDER BY encAt
    RETURN collect([${[meeting, when, ...places, actorWays, theirWays, evidenceOf(s)].join(', ')}]) AS encounters
  }
  WITH total, pairAt, pair, encounters, pair.a AS pairActor, pair.b AS pairCounterpart
  ${pairCalls.join('\n')}
  WITH total, pairAt, ${keyed ? `${KEY('pair.a')} + ${KEY('pair.b')} AS key, ` : ''}${actor} AS actor,
       ${counterpart} AS counterpart, encounters
  ORDER BY pairAt
  RETURN total, pairAt, ${keyed ? 'key, ' : ''}actor, counterpart, encounters`;
}

/** One actor's counterparts, all found, ordered by name, then a page cut by position. */
export function whoMetActor(s: EncounterSelection): Statement {
  return cypher(
    'who-met-actor',
    `MATCH (a:Entity {id: $actorId})
     ${GROUP_OF('a', 'group')}
     CALL (group) {
       WITH group, null AS only
       ${ENCOUNTERS_OF('group', 'only', s)}
     }
     WITH a, b, encounters ORDER BY toLower(b.name), b.id
     WITH collect({a: a, b: b, encounters: encounters}) AS pairs
     WITH size(pairs) AS total, pairs[$skip..($skip + $limit)] AS page
     ${PAGE(s, false)}`,
  );
}

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

/** Every pair that met, paged by keyset: with the total, or without it (cheaper). */
export function whoMetWhom(s: EncounterSelection, withTotal: boolean): Statement {
  return cypher(
    `who-met-whom${withTotal ? '-with-total' : ''}`,
    `CALL () {
       ${PAIR_STREAM}
       RETURN a, b ORDER BY toLower(a.name), a.id, toLower(b.name), b.id LIMIT $limit
     }
     WITH a, collect(b.id) AS only
     ${GROUP_OF('a', 'group')}
     CALL (group, only) {
       ${ENCOUNTERS_OF('group', 'only', s)}
     }
     WITH a, b, encounters ORDER BY toLower(a.name), a.id, toLower(b.name), b.id
     WITH collect({a: a, b: b, encounters: encounters}) AS page
     ${withTotal ? `CALL () { ${COUNT_PAIRS} }` : 'WITH page, null AS total'}
     ${PAGE(s, true)}`,
  );
}
