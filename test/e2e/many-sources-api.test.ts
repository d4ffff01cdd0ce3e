/**
 * The query side of many sources in one graph, over the seeded article plus INVENTED documents
 * (test/support/invented-sources.ts; made-up texts, not news): a meeting's medium, place vs
 * venue, descriptions and notes, same-as groups. Values are read off the article and those texts.
 */
import { importFacts } from '../../src/ingest/import';
import type { RunningServer } from '../../src/server';
import { testExecutor } from '../support/graph';
import {
  FIDAN_KELLOGG_ISTANBUL,
  FIDAN_RUBIO_CALL,
  INVENTED_CALLS_DOCUMENT,
  INVENTED_NAMING_DOCUMENT,
} from '../support/invented-sources';
import { gqlData, startSeededServer } from '../support/server';

const TALKS = 'meeting:2025-05-16-istanbul-talks';
const MARCH_2022 = 'meeting:2022-03-russia-ukraine-face-to-face';
const executor = testExecutor();
let server: RunningServer;

beforeAll(async () => {
  server = await startSeededServer();
  await importFacts(executor, INVENTED_CALLS_DOCUMENT, 'invented-calls.facts.yaml');
  await importFacts(executor, INVENTED_NAMING_DOCUMENT, 'invented-naming.facts.yaml');
});
afterAll(async () => {
  await server?.stop();
  await executor.close();
});

/** Fidan's counterparts, each with the meetings (id and medium). */
async function fidanMet(args = ''): Promise<Map<string, { id: string; medium: string | null }[]>> {
  const data = await gqlData(
    server,
    `{ whoMetWhom(actorId: "person:hakan-fidan"${args}, first: 100) { edges { node {
        counterpart { id } meetings { meeting { id medium } medium } } } } }`,
  );
  return new Map(
    data.whoMetWhom.edges.map((e: any) => [
      e.node.counterpart.id,
      e.node.meetings.map((m: any) => {
        expect(m.medium).toBe(m.meeting.medium);
        return { id: m.meeting.id, medium: m.medium };
      }),
    ]),
  );
}

describe("a meeting's medium", () => {
  it('is IN_PERSON for the Istanbul talks and the March 2022 meeting ("face-to-face"), PHONE for the invented call', async () => {
    for (const [id, medium] of [
      [TALKS, 'IN_PERSON'],
      [MARCH_2022, 'IN_PERSON'],
      [FIDAN_RUBIO_CALL, 'PHONE'],
      [FIDAN_KELLOGG_ISTANBUL, null],
    ] as const) {
      const data = await gqlData(server, `{ meeting(id: "${id}") { medium } }`);
      expect(data.meeting.medium).toBe(medium);
    }
  });

  it('whoMetWhom leaves calls out by default, keeps unknown-medium meetings, and takes media to choose', async () => {
    const byDefault = await fidanMet();
    expect(byDefault.has('person:marco-rubio')).toBe(false);
    expect(byDefault.get('person:keith-kellogg')).toEqual([{ id: FIDAN_KELLOGG_ISTANBUL, medium: null }]);
    expect(byDefault.get('country:UKR')).toEqual([{ id: TALKS, medium: 'IN_PERSON' }]);

    const withCalls = await fidanMet(', media: [IN_PERSON, PHONE]');
    expect(withCalls.get('person:marco-rubio')).toEqual([{ id: FIDAN_RUBIO_CALL, medium: 'PHONE' }]);
    expect(withCalls.has('person:keith-kellogg')).toBe(true);

    const callsOnly = await fidanMet(', media: [PHONE]');
    expect([...callsOnly.keys()]).toEqual(['person:marco-rubio']);
    expect(await fidanMet(', media: []')).toEqual(new Map());
  });
});
