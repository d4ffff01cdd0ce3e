/**
 * `subgraph` and `path` compiled (src/graph/compile) against today's path (SELECTION_COMPILER=false):
 * the same answers — nodes, edges, order, truncation — over the seeded article and over a
 * generated fixture (invented meetings, test/support/fixture.ts), in one round trip each however
 * deep the typed `node { … }` selection goes.
 */

import type { RunningServer } from '../../src/server';
import { type Fixture } from '../support/fixture';
import { loadFixtureGraph, testExecutor } from '../support/graph';
import { gql, startSeededServer, startTestServer } from '../support/server';

const TALKS = 'meeting:2025-05-16-istanbul-talks';

/** Nested to depth 4 and more under `node`, with evidence and its source, fragments and aliases. */
const NODE_SELECTION = `id kind name properties evidence { sourceId quote offset source { id title } }
  node { __typename id name
    ... on Meeting { date { value precision } status
      participants { role cameo actor { id name ... on Person { offices { title of { id name } } } } meeting { id } }
      venue { name locatedIn { name } } city { id } country { id } }
    ... on Person { delegations { role delegation { id represents { id name } } } }
    ... on Country { iso3 officials { title person { id } } }
    ... on Place { placeKind contains { id } } }`;
const EDGE_SELECTION = `id type from to properties evidence { quote offset source { id } }`;

const SUBGRAPH = `query ($seeds: [ID!]!, $depth: Int!, $types: [RelationshipType!], $from: String, $to: String) {
  subgraph(seedIds: $seeds, depth: $depth, relationshipTypes: $types, from: $from, to: $to) {
    nodeCount edgeCount truncated
    nodes { ${NODE_SELECTION} }
    edges { ${EDGE_SELECTION} }
    again: nodes { id } } }`;

const PATH = `query ($from: ID!, $to: ID!, $hops: Int) {
  path(fromId: $from, toId: $to, maxHops: $hops) {
    length nodes { ${NODE_SELECTION} } edges { ${EDGE_SELECTION} } } }`;

/** Counts only, and ids only: no node or edge field but what the counts need. */
const COUNTS = `query ($seeds: [ID!]!, $depth: Int!) {
  subgraph(seedIds: $seeds, depth: $depth) { nodeCount edgeCount truncated } }`;
const PATH_IDS = `query ($from: ID!, $to: ID!, $hops: Int) {
  path(fromId: $from, toId: $to, maxHops: $hops) { length nodes { id } } }`;

async function same(
  compiled: RunningServer,
  loaders: RunningServer,
  query: string,
  variables: Record<string, unknown>,
): Promise<any> {
  const [a, b] = await Promise.all([gql(compiled, query, variables), gql(loaders, query, variables)]);
  expect(a.errors).toBeUndefined();
  expect(b.errors).toBeUndefined();
  expect(a.data).toEqual(b.data);
  expect(a.roundTrips).toBe(1);
  return a.data;
}

describe('over the seeded article', () => {
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

  it.each([
    { seeds: [TALKS], depth: 1 },
    { seeds: [TALKS], depth: 2 },
    { seeds: ['person:hakan-fidan', 'country:UKR'], depth: 3 },
    { seeds: ['country:RUS'], depth: 1, types: ['REPRESENTS', 'PARTICIPATED_IN'] },
    { seeds: ['country:RUS'], depth: 2, from: '2025-05-01', to: '2025-05-31' },
    { seeds: ['person:nobody'], depth: 2 },
  ])('subgraph %j answers as today, in one round trip', async (variables) => {
    const data = await same(compiled, loaders, SUBGRAPH, variables);
    if (variables.seeds[0] === 'person:nobody') {
      expect(data.subgraph.nodes).toEqual([]);
      return;
    }
    expect(data.subgraph.nodeCount).toBe(data.subgraph.nodes.length);
    expect(data.subgraph.nodes.length).toBeGreaterThan(1);
    expect(data.subgraph.edges.length).toBeGreaterThan(0);
  });

  it('subgraph around the Istanbul talks holds the article’s participants and venue', async () => {
    // The article: the Istanbul talks, held at Dolmabahce Palace, with Turkey's foreign minister Hakan Fidan.
    const data = await same(compiled, loaders, SUBGRAPH, { seeds: [TALKS], depth: 1 });
    const ids = data.subgraph.nodes.map((n: any) => n.id);
    expect(ids[0]).toBe(TALKS);
    expect(ids).toEqual(expect.arrayContaining(['person:hakan-fidan', 'place:dolmabahce-palace']));
    const talks = data.subgraph.nodes[0].node;
    expect(talks.__typename).toBe('Meeting');
    expect(talks.participants.map((p: any) => p.actor.id)).toContain('person:hakan-fidan');
  });

  it.each([
    { from: 'person:hakan-fidan', to: 'person:vladimir-putin' },
    { from: 'person:marco-rubio', to: 'statement:zelensky-russia-not-serious-about-talks', hops: 6 },
    { from: TALKS, to: TALKS },
    { from: 'person:hakan-fidan', to: 'person:vladimir-putin', hops: 1 },
    { from: 'person:nobody', to: TALKS },
  ])('path %j answers as today, in one round trip', async (variables) => {
    await same(compiled, loaders, PATH, variables);
    await same(compiled, loaders, PATH_IDS, variables);
  });

  it('path between Fidan and the talks he took part in is one edge', async () => {
    const data = await same(compiled, loaders, PATH, { from: 'person:hakan-fidan', to: TALKS });
    expect(data.path.length).toBe(1);
    expect(data.path.nodes.map((n: any) => n.id)).toEqual(['person:hakan-fidan', TALKS]);
    expect(data.path.edges[0].type).toBe('PARTICIPATED_IN');
  });

  it('counts alone read no node field and answer as today', async () => {
    const data = await same(compiled, loaders, COUNTS, { seeds: [TALKS], depth: 2 });
    expect(data.subgraph.nodeCount).toBeGreaterThan(5);
  });

  it('gives the same errors for limits', async () => {
    const [a, b] = await Promise.all([
      gql(compiled, PATH, { from: TALKS, to: 'country:RUS', hops: 99 }),
      gql(loaders, PATH, { from: TALKS, to: 'country:RUS', hops: 99 }),
    ]);
    expect(a.errors?.[0]?.extensions.code).toBe('LIMIT_EXCEEDED');
    expect(a.errors?.map((e) => e.message)).toEqual(b.errors?.map((e) => e.message));
  });
});

describe('over a generated fixture of 300 invented meetings, with a node cap of 40', () => {
  let compiled: RunningServer;
  let loaders: RunningServer;
  let fixture: Fixture;
  beforeAll(async () => {
    const executor = testExecutor();
    try {
      fixture = await loadFixtureGraph(executor, 300);
    } finally {
      await executor.close();
    }
    const config = { SEED_ON_START: 'false', MAX_SUBGRAPH_NODES: '40' };
    compiled = await startTestServer({ ...config, SELECTION_COMPILER: 'true' });
    loaders = await startTestServer({ ...config, SELECTION_COMPILER: 'false' });
  });
  afterAll(async () => {
    await compiled?.stop();
    await loaders?.stop();
  });

  it('subgraphs answer as today, truncated where the cap cuts them', async () => {
    const m = fixture.meetings[0]!;
    const cut = await same(compiled, loaders, SUBGRAPH, { seeds: [m.countryId], depth: 2 });
    expect(cut.subgraph.truncated).toBe(true);
    expect(cut.subgraph.nodes).toHaveLength(40);
    const small = await same(compiled, loaders, SUBGRAPH, { seeds: [m.id], depth: 1 });
    expect(small.subgraph.truncated).toBe(false);
    expect(small.subgraph.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining([m.id, m.venueId, ...m.people]));
    await same(compiled, loaders, SUBGRAPH, { seeds: fixture.meetings.slice(0, 5).map((x) => x.id), depth: 1 });
  });

  it('paths answer as today', async () => {
    for (const [a, b] of [
      [fixture.meetings[0]!.id, fixture.meetings[1]!.id],
      [fixture.people[0]!, fixture.countries.at(-1)!],
      [fixture.meetings[2]!.venueId, fixture.meetings[3]!.countryId],
    ] as const) {
      const data = await same(compiled, loaders, PATH, { from: a, to: b, hops: 6 });
      if (data.path) expect(data.path.nodes.at(-1).id).toBe(b);
      await same(compiled, loaders, PATH_IDS, { from: a, to: b, hops: 6 });
    }
  });
});
