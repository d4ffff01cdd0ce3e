/**
 * A generated graph for query tests: countries, cities, venues, people, delegations and a few
 * hundred meetings, built from a seeded random sequence so every run is the same. The expected
 * answers tests compare against are computed from this description, not by the code under test.
 */

import type { LoadEdge, LoadNode, LoadPlan } from '../../src/ingest/load';
import { type Evidence, edgeId } from '../../src/model/elements';
import {
  DelegationRole,
  MeetingStatus,
  NodeKind,
  ParticipantRole,
  PlaceKind,
  RelType,
} from '../../src/model/vocabulary';

export const FIXTURE_SOURCE_ID = 'source:fixture';

export interface FixtureMeeting {
  id: string;
  date: string;
  precision: 'DAY' | 'MONTH';
  status: MeetingStatus;
  venueId: string;
  cityId: string;
  countryId: string;
  /** People taking part directly. */
  people: string[];
  /** Delegations taking part: each represents a country and has one member. */
  delegations: { id: string; countryId: string; memberId: string }[];
}

export interface Fixture {
  plan: LoadPlan;
  sourceText: string;
  meetings: FixtureMeeting[];
  countries: string[];
  cities: { id: string; countryId: string }[];
  venues: { id: string; cityId: string }[];
  people: string[];
}

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

export function generateFixture(meetingCount = 300, seed = 42): Fixture {
  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const sentences: string[] = [];
  let length = 0;
  /** Appends a sentence to the source text and returns evidence quoting it. */
  const quote = (text: string): Evidence[] => {
    const offset = length;
    sentences.push(text);
    length += text.length + 1;
    return [{ sourceId: FIXTURE_SOURCE_ID, quote: text, offset }];
  };
  const nodes: LoadNode[] = [];
  const edges: LoadEdge[] = [];
  const node = (id: string, kind: NodeKind, props: LoadNode['props']) =>
    nodes.push({ id, kind, props, evidence: quote(`${props.name} is mentioned.`) });
  const edge = (type: RelType, from: string, to: string, props: LoadEdge['props'] = {}, key?: string) =>
    edges.push({ id: edgeId(from, type, to, key), type, from, to, props, evidence: quote(`${from} ${type} ${to}.`) });

  const countries = Array.from({ length: 10 }, (_, i) => `country:F${String.fromCharCode(65 + i)}X`);
  countries.forEach((id, i) => {
    node(id, NodeKind.Country, { name: `Fixtureland ${i}`, iso3: id.slice(8), aliases: [`FL${i}`] });
  });
  const cities = Array.from({ length: 20 }, (_, i) => ({
    id: `place:fixture-city-${i}`,
    countryId: countries[i % 10]!,
  }));
  for (const c of cities) {
    node(c.id, NodeKind.Place, { name: `City ${c.id.slice(-2)}`, placeKind: PlaceKind.CITY });
    edge(RelType.LOCATED_IN, c.id, c.countryId);
  }
  const venues = Array.from({ length: 40 }, (_, i) => ({ id: `place:fixture-venue-${i}`, cityId: cities[i % 20]!.id }));
  for (const v of venues) {
    node(v.id, NodeKind.Place, { name: `Venue ${v.id.slice(-2)}`, placeKind: PlaceKind.VENUE });
    edge(RelType.LOCATED_IN, v.id, v.cityId);
  }
  const people = Array.from({ length: 30 }, (_, i) => `person:fixture-${i}`);
  people.forEach((id, i) => {
    node(id, NodeKind.Person, { name: `Person ${i}`, aliases: [] });
    edge(RelType.HOLDS_OFFICE, id, countries[i % 10]!, { title: 'Minister' });
  });

  const meetings: FixtureMeeting[] = [];
  for (let i = 0; i < meetingCount; i++) {
    const id = `meeting:fixture-${String(i).padStart(4, '0')}`;
    const year = 2020 + Math.floor(next() * 5);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const monthOnly = next() < 0.1;
    const date = monthOnly
      ? `${year}-${String(month).padStart(2, '0')}`
      : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const status = next() < 0.85 ? MeetingStatus.HELD : MeetingStatus.PROPOSED;
    const venue = pick(venues);
    const city = cities.find((c) => c.id === venue.cityId)!;
    const directPeople = [...new Set([pick(people), pick(people)])];
    const delegationCountry = pick(countries);
    const delegation = { id: `delegation:fixture-${i}`, countryId: delegationCountry, memberId: pick(people) };
    meetings.push({
      id,
      date,
      precision: monthOnly ? 'MONTH' : 'DAY',
      status,
      venueId: venue.id,
      cityId: city.id,
      countryId: city.countryId,
      people: directPeople,
      delegations: [delegation],
    });
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    node(id, NodeKind.Meeting, {
      name: `Fixture meeting ${i}`,
      date,
      datePrecision: monthOnly ? 'MONTH' : 'DAY',
      dateStart: monthOnly ? `${date}-01` : date,
      dateEnd: monthOnly ? `${date}-${lastDay}` : date,
      status,
    });
    edge(RelType.HELD_AT, id, venue.id);
    for (const p of directPeople) edge(RelType.PARTICIPATED_IN, p, id, { role: ParticipantRole.PARTY });
    node(delegation.id, NodeKind.Delegation, { name: `Delegation ${i}` });
    edge(RelType.REPRESENTS, delegation.id, delegation.countryId);
    edge(RelType.MEMBER_OF, delegation.memberId, delegation.id, { role: DelegationRole.HEAD });
    edge(RelType.PARTICIPATED_IN, delegation.id, id, { role: ParticipantRole.PARTY });
  }
  const sourceText = sentences.join('\n');
  nodes.unshift({
    id: FIXTURE_SOURCE_ID,
    kind: NodeKind.Source,
    props: { name: 'Generated fixture', title: 'Generated fixture', text: sourceText },
    evidence: [],
  });
  return {
    plan: { sourceId: FIXTURE_SOURCE_ID, nodes, edges },
    sourceText,
    meetings,
    countries,
    cities,
    venues,
    people,
  };
}

/**
 * Who took part in a fixture meeting, and on which side: a person directly (own side), a
 * delegation (its side), its member and its country (the delegation's side).
 */
export function takersOf(m: FixtureMeeting): { id: string; side: string }[] {
  const takers = m.people.map((p) => ({ id: p, side: p }));
  for (const d of m.delegations) {
    takers.push({ id: d.id, side: d.id }, { id: d.memberId, side: d.id }, { id: d.countryId, side: d.id });
  }
  return takers;
}

/** Counterparts of `actorId` in held meetings, by the brief's definition of "met". */
export function expectedCounterparts(fixture: Fixture, actorId: string): Map<string, Set<string>> {
  const met = new Map<string, Set<string>>();
  for (const m of fixture.meetings) {
    if (m.status !== MeetingStatus.HELD) continue;
    const takers = takersOf(m);
    const mine = takers.filter((t) => t.id === actorId);
    if (mine.length === 0) continue;
    const mySides = new Set(mine.map((t) => t.side));
    const sidesById = new Map<string, Set<string>>();
    for (const t of takers) sidesById.set(t.id, (sidesById.get(t.id) ?? new Set()).add(t.side));
    for (const [id, sides] of sidesById) {
      if (id === actorId || [...sides].some((s) => mySides.has(s))) continue;
      met.set(id, (met.get(id) ?? new Set()).add(m.id));
    }
  }
  return met;
}

/**
 * Every pair who met in held meetings, by the brief's definition, in the order whoMetWhom lists
 * them without an actor: the pair's first actor is the one first by (lower-cased name, id);
 * pairs by the first actor, then the counterpart. Each with its meetings.
 */
export function expectedPairs(fixture: Fixture): { actor: string; counterpart: string; meetings: string[] }[] {
  const names = new Map(fixture.plan.nodes.map((n) => [n.id, String(n.props.name).toLowerCase()]));
  const key = (id: string) => [names.get(id)!, id] as const;
  const before = (x: string, y: string) => {
    const [a, b] = [key(x), key(y)];
    return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  };
  const pairs = new Map<string, { actor: string; counterpart: string; meetings: string[] }>();
  for (const m of fixture.meetings) {
    if (m.status !== MeetingStatus.HELD) continue;
    const sidesById = new Map<string, Set<string>>();
    for (const t of takersOf(m)) sidesById.set(t.id, (sidesById.get(t.id) ?? new Set()).add(t.side));
    for (const [x, xs] of sidesById) {
      for (const [y, ys] of sidesById) {
        if (!before(x, y) || [...xs].some((s) => ys.has(s))) continue;
        const id = `${x} ${y}`;
        const pair = pairs.get(id) ?? { actor: x, counterpart: y, meetings: [] };
        pair.meetings.push(m.id);
        pairs.set(id, pair);
      }
    }
  }
  return [...pairs.values()].sort((p, q) =>
    p.actor === q.actor ? (before(p.counterpart, q.counterpart) ? -1 : 1) : before(p.actor, q.actor) ? -1 : 1,
  );
}
