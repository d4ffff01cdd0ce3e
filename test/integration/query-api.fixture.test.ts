/**
 * The query API over a generated graph of 300 meetings: filters, ordering, pagination, caps and
 * round trips. Expected answers come from the fixture's own description (test/support/fixture.ts).
 */

import { ExportFormat } from '../../src/export';
import { NodeKind } from '../../src/model/vocabulary';
import { type ExportTarget, FLUSH_CHARS, runExport } from '../../src/modules/subgraph/subgraph.export';
import { SubgraphRepository } from '../../src/modules/subgraph/subgraph.repository';
import type { RunningServer } from '../../src/server';
import { expectedCounterparts, type Fixture } from '../support/fixture';
import { loadFixtureGraph, testConfig, testExecutor } from '../support/graph';
import { gql, gqlData, startTestServer } from '../support/server';

const executor = testExecutor();
let server: RunningServer;
let fixture: Fixture;

beforeAll(async () => {
  fixture = await loadFixtureGraph(executor, 300);
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
  await executor.close();
});

const MEETING_IDS = `query ($filter: MeetingFilter, $first: Int, $after: String, $orderBy: MeetingOrder) {
  meetings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id date { value start end } } }
  }
}`;

/** Every meeting id the API lists for a filter, walking all pages. */
async function allMeetingIds(filter: Record<string, unknown>, orderBy = 'DATE_ASC'): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await gqlData(server, MEETING_IDS, { filter, first: 100, after, orderBy });
    ids.push(...data.meetings.edges.map((e: any) => e.node.id));
    if (!data.meetings.pageInfo.hasNextPage) return ids;
    after = data.meetings.pageInfo.endCursor;
  }
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('meetings(filter)', () => {
  it('lists every meeting once across pages, ordered by date then id', async () => {
    const ids = await allMeetingIds({});
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    const expected = [...fixture.meetings]
      .sort((a, b) => {
        const da = a.precision === 'MONTH' ? `${a.date}-01` : a.date;
        const db = b.precision === 'MONTH' ? `${b.date}-01` : b.date;
        return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : 1;
      })
      .map((m) => m.id);
    expect(ids).toEqual(expected);
    expect(await allMeetingIds({}, 'DATE_DESC')).toEqual([...expected].reverse());
  });

  it('gives stable cursors: the page after a cursor is the same when asked again', async () => {
    const first = await gqlData(server, MEETING_IDS, { first: 7 });
    const cursor = first.meetings.pageInfo.endCursor;
    const a = await gqlData(server, MEETING_IDS, { first: 7, after: cursor });
    const b = await gqlData(server, MEETING_IDS, { first: 7, after: cursor });
    expect(a.meetings.edges).toEqual(b.meetings.edges);
    expect(a.meetings.edges[0].node.id).not.toBe(first.meetings.edges[6].node.id);
    expect(first.meetings.totalCount).toBe(300);
  });

  it('filters by status', async () => {
    const held = fixture.meetings.filter((m) => m.status === 'HELD').map((m) => m.id);
    expect(sorted(await allMeetingIds({ status: 'HELD' }))).toEqual(sorted(held));
  });

  it('filters by a city: meetings at the venues inside it', async () => {
    const city = fixture.cities[3]!.id;
    const expected = fixture.meetings.filter((m) => m.cityId === city).map((m) => m.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(await allMeetingIds({ placeId: city }))).toEqual(sorted(expected));
  });

  it('filters by a country: meetings at venues in its cities', async () => {
    const country = fixture.countries[2]!;
    const expected = fixture.meetings.filter((m) => m.countryId === country).map((m) => m.id);
    expect(sorted(await allMeetingIds({ placeId: country }))).toEqual(sorted(expected));
  });

  it('filters by participant, counting delegation membership and representation', async () => {
    const person = fixture.people[5]!;
    const viaAnyWay = fixture.meetings
      .filter((m) => m.people.includes(person) || m.delegations.some((d) => d.memberId === person))
      .map((m) => m.id);
    expect(sorted(await allMeetingIds({ participantId: person }))).toEqual(sorted(viaAnyWay));
    const country = fixture.countries[7]!;
    const represented = fixture.meetings
      .filter((m) => m.delegations.some((d) => d.countryId === country))
      .map((m) => m.id);
    expect(sorted(await allMeetingIds({ participantId: country }))).toEqual(sorted(represented));
  });

  it('filters by a date window, a month-precision meeting counting for every day of its month', async () => {
    const inWindow = fixture.meetings
      .filter((m) => {
        const start = m.precision === 'MONTH' ? `${m.date}-01` : m.date;
        const end = m.precision === 'MONTH' ? `${m.date}-31` : m.date;
        return end >= '2022-03-01' && start <= '2022-06-30';
      })
      .map((m) => m.id);
    expect(sorted(await allMeetingIds({ from: '2022-03', to: '2022-06' }))).toEqual(sorted(inWindow));
  });

  it('answers unknown ids with an empty list', async () => {
    expect(await allMeetingIds({ participantId: 'person:nobody' })).toEqual([]);
    expect(await allMeetingIds({ placeId: 'place:nowhere' })).toEqual([]);
  });

  it.each([
    [{ filter: { from: '2022-13' } }, 'filter.from'],
    [{ filter: { from: '2022-02-30' } }, 'filter.from'],
    [{ filter: { from: '2023', to: '2022' } }, 'filter.from'],
    [{ first: -1 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
  ])('rejects %j with BAD_USER_INPUT naming %s', async (variables, argument) => {
    const response = await gql(server, MEETING_IDS, variables);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(response.errors?.[0]?.message).toContain(argument);
  });

  it('refuses a page over MAX_PAGE_SIZE with LIMIT_EXCEEDED naming the setting, status 400', async () => {
    const response = await gql(server, MEETING_IDS, { first: 101 });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'MAX_PAGE_SIZE',
      max: 100,
      argument: 'first',
    });
  });
});

describe('whoMetWhom over the fixture', () => {
  it.each([['person:fixture-5'], ['country:FCX'], ['person:fixture-17']])(
    'lists exactly the counterparts of %s in held meetings, with those meetings',
    async (actorId) => {
      const expected = expectedCounterparts(fixture, actorId);
      const data = await gqlData(
        server,
        `query ($id: ID!) { whoMetWhom(actorId: $id, first: 100) { totalCount edges { node {
           actor { id } counterpart { id } meetingCount meetings { meeting { id status } } } } } }`,
        { id: actorId },
      );
      const got = new Map<string, string[]>(
        data.whoMetWhom.edges.map((e: any) => [e.node.counterpart.id, e.node.meetings.map((m: any) => m.meeting.id)]),
      );
      expect(sorted(got.keys())).toEqual(sorted(expected.keys()));
      for (const [id, meetings] of expected) expect(sorted(got.get(id)!)).toEqual(sorted(meetings));
      expect(data.whoMetWhom.edges.every((e: any) => e.node.actor.id === actorId)).toBe(true);
      expect(data.whoMetWhom.totalCount).toBe(expected.size);
    },
  );

  it('costs one round trip however much of each encounter is selected', async () => {
    const response = await gql(
      server,
      `{ whoMetWhom(actorId: "country:FCX", first: 100) { edges { node { counterpart { id name }
           meetings { date { value precision } venue { name } city { name } country { name }
             actorTookPart { how role cameo delegation { id } } counterpartTookPart { how role }
             evidence { quote offset } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.roundTrips).toBe(1);
  });
});

describe('round trips', () => {
  const DEPTH_4 = `{ meetings(first: 50) { totalCount edges { cursor node {
      id date { value precision start end }
      venue { name locatedIn { name ... on Place { locatedIn { name } } } }
      city { id } country { id }
      participants { role cameo actor { id kind ... on Person { offices { title since { value } of { name } } } ... on Delegation { members { role person { name } } represents { name } } } }
    } } } }`;

  it('cost one per root field with the selection compiler, at depth 4 over 50 meetings', async () => {
    const response = await gql(server, DEPTH_4);
    expect(response.errors).toBeUndefined();
    expect(response.data.meetings.edges).toHaveLength(50);
    expect(response.roundTrips).toBe(1);
  });

  it('cost one per nesting level that needs the graph with batch loaders, and give the same answer', async () => {
    const loaders = await startTestServer({ SELECTION_COMPILER: 'false' });
    try {
      const [compiled, loaded] = await Promise.all([gql(server, DEPTH_4), gql(loaders, DEPTH_4)]);
      expect(loaded.errors).toBeUndefined();
      // meetings (1) · venue, places, participants (2) · locatedIn, offices, members, represents (3) · locatedIn (4)
      expect(loaded.roundTrips).toBe(5);
      expect(compiled.data).toEqual(loaded.data);
      const participantId = fixture.people[0]!;
      for (const variables of [
        { filter: { participantId }, first: 100 },
        { filter: { status: 'HELD', from: '2021-01' }, first: 30, orderBy: 'DATE_DESC' },
        { filter: {}, first: 100, after: compiled.data.meetings.edges[49].cursor },
      ]) {
        const query = `query ($filter: MeetingFilter, $first: Int, $after: String, $orderBy: MeetingOrder) {
          meetings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status participants { actor { id } } } } } }`;
        const [a, b] = await Promise.all([gql(server, query, variables), gql(loaders, query, variables)]);
        expect(a.errors).toBeUndefined();
        expect(a.data.meetings.edges.length).toBeGreaterThan(0);
        expect(a.data).toEqual(b.data);
      }
    } finally {
      await loaders.stop();
    }
  });
});

describe('caps', () => {
  it('refuses a subgraph deeper than MAX_SUBGRAPH_DEPTH and a path longer than MAX_PATH_HOPS', async () => {
    const deep = await gql(server, '{ subgraph(seedIds: ["country:FAX"], depth: 9) { nodeCount } }');
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_SUBGRAPH_DEPTH', max: 4 });
    const far = await gql(server, '{ path(fromId: "country:FAX", toId: "country:FBX", maxHops: 50) { length } }');
    expect(far.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_PATH_HOPS', max: 6 });
    const negative = await gql(server, '{ path(fromId: "country:FAX", toId: "country:FBX", maxHops: -1) { length } }');
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxHops' });
  });

  it('cuts a subgraph at MAX_SUBGRAPH_NODES and says so', async () => {
    const capped = await startTestServer({ MAX_SUBGRAPH_NODES: '25' });
    try {
      const data = await gqlData(
        capped,
        '{ subgraph(seedIds: ["country:FAX"], depth: 3) { nodeCount truncated nodes { id } } }',
      );
      expect(data.subgraph.nodeCount).toBe(25);
      expect(data.subgraph.truncated).toBe(true);
      expect(data.subgraph.nodes.map((n: any) => n.id)).toContain('country:FAX');
    } finally {
      await capped.stop();
    }
  });
});

describe('export over the fixture', () => {
  /** The whole fixture (every country as a seed, depth 4) as JSON into `target`. */
  const exportAll = (target: ExportTarget) =>
    runExport(
      new SubgraphRepository(executor, testConfig()),
      { seedIds: fixture.countries, depth: 4, format: ExportFormat.JSON },
      target,
      100_000,
    );

  it('writes the same file, every node and relationship once, when the reader makes it wait at every chunk', async () => {
    let fast = '';
    const counts = await exportAll({
      write: (chunk) => {
        fast += chunk;
      },
    });
    let slow = '';
    let waits = 0;
    const slowCounts = await exportAll({
      write: (chunk) => {
        slow += chunk;
      },
      ready: () => {
        waits += 1;
        return new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    // The reader was asked many times (a wait per chunk, mid-row included), and changed nothing.
    expect(waits).toBeGreaterThan(fast.length / FLUSH_CHARS - 1);
    expect(waits).toBeGreaterThan(3);
    expect(slowCounts).toEqual(counts);
    expect(slow).toBe(fast.replace(/"generatedAt":"[^"]+"/, slow.match(/"generatedAt":"[^"]+"/)![0]));

    // Everything is within 4 of a country but the source, which no relationship reaches.
    const nodeIds = fixture.plan.nodes.filter((n) => n.kind !== NodeKind.Source).map((n) => n.id);
    expect(counts).toEqual({ nodeCount: nodeIds.length, edgeCount: fixture.plan.edges.length });
    const file = JSON.parse(fast);
    expect(sorted(file.nodes.map((n: { id: string }) => n.id))).toEqual(sorted(nodeIds));
    expect(new Set(file.edges.map((e: { id: string }) => e.id)).size).toBe(fixture.plan.edges.length);
  });
});
