/**
 * whoMetWhom fetches evidence lists only when the selection shows them
 * (src/modules/encounter/encounter.selection.ts): the answer must not change with what else is
 * selected, and the quotes, when asked for, are those of the generated fixture's description
 * (each element quotes "<from> <TYPE> <to>." or "<name> is mentioned.").
 */
import type { RunningServer } from '../../src/server';
import { FIXTURE_SOURCE_ID, type Fixture } from '../support/fixture';
import { loadFixtureGraph, testExecutor } from '../support/graph';
import { gql, gqlData, startTestServer } from '../support/server';

const executor = testExecutor();
let server: RunningServer;
let fixture: Fixture;

beforeAll(async () => {
  fixture = await loadFixtureGraph(executor, 200);
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
  await executor.close();
});

const BARE = `counterpart { id name } meetings { meeting { id } date { value } venue { name }
  counterpartTookPart { how role delegation { id } } }`;

const query = (actorId: string, selection: string) =>
  `{ whoMetWhom(actorId: "${actorId}", first: 100) { edges { node { ${selection} } } } }`;

/** The bare fields of every pair, for comparing answers that select more or less. */
const bare = (data: any) =>
  data.whoMetWhom.edges.map(({ node }: any) => ({
    counterpart: { id: node.counterpart.id, name: node.counterpart.name },
    meetings: node.meetings.map((m: any) => ({
      meeting: m.meeting.id,
      date: m.date,
      venue: m.venue,
      counterpartTookPart: m.counterpartTookPart,
    })),
  }));

test.each(['person:fixture-3', 'country:FBX'])(
  '%s: the same answer with or without evidence, and the right quotes',
  async (actorId) => {
    const plain = await gqlData(server, query(actorId, BARE));
    const withQuotes = await gqlData(
      server,
      query(
        actorId,
        `${BARE} counterpart { evidence { quote } } meetings { meeting { evidence { quote } } evidence { quote } }`,
      ),
    );
    expect(plain.whoMetWhom.edges.length).toBeGreaterThan(0);
    expect(bare(withQuotes)).toEqual(bare(plain));

    const meetings = new Map(fixture.meetings.map((m) => [m.id, m]));
    for (const { node } of withQuotes.whoMetWhom.edges) {
      expect(node.counterpart.evidence.map((e: any) => e.quote)).toEqual(
        expect.arrayContaining([expect.stringMatching(/ is mentioned\.$/)]),
      );
      for (const m of node.meetings) {
        expect(m.meeting.evidence.map((e: any) => e.quote)).toEqual([
          `Fixture meeting ${Number(m.meeting.id.slice(-4))} is mentioned.`,
        ]);
        // Every quote of the encounter is one of the participations (or delegation links) in it.
        const f = meetings.get(m.meeting.id)!;
        const allowed = new Set([
          ...f.people.map((p) => `${p} PARTICIPATED_IN ${f.id}.`),
          ...f.delegations.flatMap((d) => [
            `${d.id} PARTICIPATED_IN ${f.id}.`,
            `${d.memberId} MEMBER_OF ${d.id}.`,
            `${d.id} REPRESENTS ${d.countryId}.`,
          ]),
        ]);
        expect(m.evidence.length).toBeGreaterThan(0);
        for (const e of m.evidence) expect(allowed.has(e.quote)).toBe(true);
      }
    }
  },
);

// A counterpart selection the compiler cannot map as one projection (`delegations` means a
// Country's delegations, nodes, but a Person's memberships, relationships) is sent as whole
// nodes, whose nested fields the field resolvers load: the same pairs, and the fixture's
// delegations (each represents its country and has one member, its head).
test('a counterpart selection the compiler cannot map falls back to whole nodes, with the same answer', async () => {
  const delegations = fixture.meetings.flatMap((m) => m.delegations);
  const representing = (country: string) => [
    ...new Set(delegations.filter((d) => d.countryId === country).map((d) => d.id)),
  ];
  const membershipsOf = (person: string) => [
    ...new Set(delegations.filter((d) => d.memberId === person).map((d) => d.id)),
  ];
  const mixedSelection = `${BARE} counterpart { ... on Country { delegations { id } }
    ... on Person { delegations { role delegation { id } } } }`;
  let countries = 0;
  let members = 0;
  for (const actorId of ['country:FBX', 'person:fixture-3', ...fixture.people.slice(0, 4)]) {
    const plain = await gqlData(server, query(actorId, BARE));
    const compiled = await gql(server, query(actorId, BARE));
    const mixed = await gql(server, query(actorId, mixedSelection));
    expect(mixed.errors).toBeUndefined();
    expect(bare(mixed.data)).toEqual(bare(plain));
    // The fallback: the delegations are loaded after the one statement, not inside it.
    expect(compiled.roundTrips).toBe(1);
    expect(mixed.roundTrips).toBeGreaterThan(1);
    for (const { node } of (mixed.data as any).whoMetWhom.edges) {
      const { id, delegations: got } = node.counterpart;
      if (id.startsWith('country:')) {
        countries += got.length;
        expect(got.map((d: any) => d.id).sort()).toEqual(representing(id).sort());
      } else if (id.startsWith('person:')) {
        members += got.length;
        expect(got.map((d: any) => d.delegation.id).sort()).toEqual(membershipsOf(id).sort());
        for (const d of got) expect(d.role).toBe('HEAD');
      }
    }
  }
  expect(countries).toBeGreaterThan(0);
  expect(members).toBeGreaterThan(0);
});

test.each(['person:fixture-3', 'country:FBX'])(
  '%s: each encounter quote once, as stated in the source, with the same quotes whichever parts are selected',
  async (actorId) => {
    const full = await gqlData(
      server,
      query(actorId, `${BARE} meetings { evidence { sourceId offset quote source { id } } }`),
    );
    const quotesOnly = await gqlData(server, query(actorId, `${BARE} meetings { evidence { quote } }`));
    const fullQuotes = full.whoMetWhom.edges.map(({ node }: any) =>
      node.meetings.map((m: any) => m.evidence.map((e: any) => e.quote)),
    );
    expect(
      quotesOnly.whoMetWhom.edges.map(({ node }: any) =>
        node.meetings.map((m: any) => m.evidence.map((e: any) => e.quote)),
      ),
    ).toEqual(fullQuotes);
    let quotes = 0;
    for (const { node } of full.whoMetWhom.edges) {
      for (const m of node.meetings) {
        const keys = m.evidence.map((e: any) => `${e.sourceId}@${e.offset}:${e.quote}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const e of m.evidence) {
          expect(e.sourceId).toBe(FIXTURE_SOURCE_ID);
          expect(e.source).toEqual({ id: FIXTURE_SOURCE_ID });
          expect(fixture.sourceText.slice(e.offset, e.offset + e.quote.length)).toBe(e.quote);
          quotes += 1;
        }
      }
    }
    expect(quotes).toBeGreaterThan(0);
  },
);
