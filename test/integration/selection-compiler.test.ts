/**
 * The selection compiler against today's path: the same queries over the seeded article, asked
 * of a server answering with compiled statements and of one answering with batch loaders
 * (SELECTION_COMPILER=false), give the same data; compiled root fields cost one round trip each.
 */
import { EXAMPLE_OPERATIONS } from '../../src/examples/examples';
import type { RunningServer } from '../../src/server';
import { type GraphQLResponse, gql, startSeededServer, startTestServer } from '../support/server';

let compiled: RunningServer;
let loaders: RunningServer;

beforeAll(async () => {
  compiled = await startSeededServer({ SELECTION_COMPILER: 'true' });
  loaders = await startTestServer({ SEED_ON_START: 'false', SELECTION_COMPILER: 'false' });
});
afterAll(async () => {
  await compiled?.stop();
  await loaders?.stop();
});

const TALKS = 'meeting:2025-05-16-istanbul-talks';

const NODE_FIELDS = `id kind name aliases description disputed evidence { sourceId quote offset }`;

/** Queries over every compiled root field, nested to depth 4 and more, with fragments and aliases. */
/** `mentions`: ids from the article (seed/) the answer must hold, so that an empty answer fails. */
const QUERIES: {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  roots: number;
  mentions: string[];
}[] = [
  {
    name: 'a meeting with everything around it',
    roots: 1,
    mentions: ['person:hakan-fidan', 'place:istanbul', 'country:TUR'],
    query: `query ($id: ID!) { meeting(id: $id) {
      ${NODE_FIELDS} time timezone durationMinutes durationApproximate status format mode medium
      date { value precision start end }
      venue { id name placeKind locatedIn { id name ... on Place { locatedIn { id name } } } }
      place { id name } city { id name latitude longitude } country { id name ... on Country { iso3 } }
      participants { id role cameo plover note disputed evidence { quote source { id title } }
        actor { __typename id name kind
          ... on Person { unnamed offices { title since { value precision start end } until { value } of { id name } person { id } }
                          delegations { role delegation { id name represents { id name } members { role person { id } } } } }
          ... on Delegation { represents { id } sentBy { id } members { role person { id name } delegation { id } } }
          ... on Country { officials { title person { id } } organizations { id } }
          ... on Organization { orgKind partOf { id } parts { id } officials { title } } }
        meeting { id name } }
      declinedBy { id } proposedBy { id } follows { id date { value } } followedBy { id }
      statements { id text statementKind date { value } by { id } about { id kind } madeAt { id } madeDuring { id } }
      statementsAbout { id }
      claims { property value sourceId evidence { quote offset } source { id } }
      durations: claims(property: "durationMinutes") { property value }
    } }`,
    variables: { id: TALKS },
  },
  {
    name: 'one field name meaning two things on two types: not compiled, answered by the loaders',
    roots: 3,
    mentions: ['delegation:'],
    query: `query ($id: ID!) { meeting(id: $id) { participants { actor { id
      ... on Person { delegations { role } } ... on Country { delegations { id } } } } } }`,
    variables: { id: TALKS },
  },
  {
    name: 'aliases and fragments on interfaces',
    roots: 2,
    mentions: ['person:hakan-fidan', 'Dolmabahce'],
    query: `fragment who on Actor { id name ... on Person { offices { title } } }
    query ($id: ID!) {
      first: meeting(id: $id) { title: name p: participants { r: role a: actor { ...who } } }
      second: meeting(id: $id) { id venue { name } v2: venue { id name } }
    }`,
    variables: { id: TALKS },
  },
  {
    name: 'a page of meetings with venue and participants (the a-page benchmark)',
    roots: 1,
    mentions: [TALKS],
    query: `{ meetings(first: 50, orderBy: DATE_ASC) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id date { value } venue { name } participants { role actor { id } } } } } }`,
  },
  {
    name: 'meetings newest first, filtered, without a total',
    roots: 2,
    mentions: [TALKS, 'Istanbul'],
    query: `{ held: meetings(orderBy: DATE_DESC, filter: { status: HELD }) { edges { cursor node { id status } } }
      istanbul: meetings(filter: { placeId: "place:istanbul", from: "2025-01" }) { totalCount edges { node { id city { name } } } } }`,
  },
  {
    name: 'a participant’s meetings',
    roots: 1,
    mentions: [TALKS],
    query: `{ meetings(filter: { participantId: "person:hakan-fidan" }) { totalCount edges { cursor node { id name participants { actor { id } } } } } }`,
  },
  {
    name: 'an actor and its meetings (the b-person benchmark)',
    roots: 1,
    mentions: [TALKS],
    query: `query ($id: ID!) { actor(id: $id) { id name sameAs { id } statements { id } declined { id } proposed { id } presences { date { value } place { id } actor { id } }
      participations { role meeting { id date { value } venue { name locatedIn { ... on Place { name } } } } } } }`,
    variables: { id: 'person:hakan-fidan' },
  },
  {
    name: 'actors: search and list',
    roots: 3,
    mentions: ['country:TUR', 'Türkiye'],
    query: `{ s: actors(search: "turkiye") { totalCount edges { cursor node { id name kind aliases } } pageInfo { hasNextPage endCursor } }
      all: actors(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name ... on Country { iso3 } } } }
      people: actors(kinds: [Person], first: 3, after: null) { edges { node { id } } } }`,
  },
  {
    name: 'node, place and source',
    roots: 4,
    mentions: ['Foreign Minister', 'China Daily', 'place:dolmabahce-palace'],
    query: `{ n: node(id: "person:hakan-fidan") { id kind name ... on Person { offices { title of { name } } } claims { property value source { title } } }
      p: place(id: "place:istanbul") { id name placeKind latitude longitude locatedIn { id } contains { id name meetingsHeldHere { id } } presences { actor { id } } }
      s: source(id: "source:2025-05-17-china-daily-istanbul-talks") { id title publisher url language date { value precision } text evidence { quote } }
      missing: node(id: "person:nobody") { id } }`,
  },
];

describe('compiled root fields answer as the loaders do', () => {
  it.each(QUERIES)('$name', async ({ query, variables, roots, mentions }) => {
    const [a, b] = await Promise.all([gql(compiled, query, variables), gql(loaders, query, variables)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data).toEqual(b.data);
    expect(a.roundTrips).toBe(roots);
    for (const text of mentions) expect(JSON.stringify(a.data)).toContain(text);
  });

  it.each(EXAMPLE_OPERATIONS.map((op) => [op.name, op] as const))('example %s', async (_name, op) => {
    const [a, b] = await Promise.all([gql(compiled, op.query, op.variables), gql(loaders, op.query, op.variables)]);
    expect(a.errors).toBeUndefined();
    // An export says when it was made.
    const undated = (data: unknown) => JSON.stringify(data).replace(/generatedAt[^<,]*/g, 'generatedAt');
    expect(undated(a.data)).toEqual(undated(b.data));
  });

  it('pages the same way: every meeting of the article, two at a time, both orders, dated and undated', async () => {
    const query = `query ($after: String, $orderBy: MeetingOrder) { meetings(first: 2, after: $after, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id date { value } } } } }`;
    for (const orderBy of ['DATE_ASC', 'DATE_DESC']) {
      let after: string | null = null;
      const seen: unknown[] = [];
      for (let page = 0; page < 50; page++) {
        const variables: Record<string, unknown> = { after, orderBy };
        const [a, b]: GraphQLResponse[] = await Promise.all([
          gql(compiled, query, variables),
          gql(loaders, query, variables),
        ]);
        expect(a.errors).toBeUndefined();
        expect(a.data).toEqual(b.data);
        seen.push(...a.data.meetings.edges.map((e: any) => e.node));
        if (!a.data.meetings.pageInfo.hasNextPage) break;
        after = a.data.meetings.pageInfo.endCursor;
      }
      // The article's meetings include undated ones (proposed), which sort last both ways.
      expect(seen.some((m: any) => m.date === null)).toBe(true);
      expect((seen.at(-1) as any).date).toBeNull();
      expect(seen).toContainEqual({ id: TALKS, date: { value: '2025-05-16' } });
    }
  });

  it('pages a search the same way', async () => {
    const query = `query ($after: String) { actors(search: "ukraine", first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`;
    let after: string | null = null;
    let pages = 0;
    for (; pages < 20; pages++) {
      const [a, b]: GraphQLResponse[] = await Promise.all([
        gql(compiled, query, { after }),
        gql(loaders, query, { after }),
      ]);
      expect(a.errors).toBeUndefined();
      expect(a.data).toEqual(b.data);
      expect(a.data.actors.edges).toHaveLength(1);
      if (!a.data.actors.pageInfo.hasNextPage) break;
      after = a.data.actors.pageInfo.endCursor;
    }
    // Ukraine, its delegation and more: several pages of one.
    expect(pages).toBeGreaterThanOrEqual(1);
  });
});
