/**
 * whoMetWhom fetches evidence lists only when the selection shows them
 * (src/modules/encounter/encounter.selection.ts): the answer must not change with what else is
 * selected, and the quotes, when asked for, are those of the generated fixture's description
 * (each element quotes "<from> <TYPE> <to>." or "<name> is mentioned.").
 */
import type { RunningServer } from '../../src/server';
import { type Fixture } from '../support/fixture';
import { loadFixtureGraph, testExecutor } from '../support/graph';
import { gqlData, startTestServer } from '../support/server';

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
