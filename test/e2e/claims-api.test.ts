/**
 * claims and disputed over GraphQL: the seeded article (China Daily, 2025-05-17) plus the lead's
 * INVENTED example wire (test/fixtures/sources/example-wire.facts.yaml, 2025-05-18, not news),
 * which says the talks lasted "an hour and a half" where China Daily says "about two hours".
 */
import fs from 'node:fs';
import path from 'node:path';
import { importFacts } from '../../src/ingest/import';
import type { RunningServer } from '../../src/server';
import { testExecutor } from '../support/graph';
import { gql, gqlData, startSeededServer } from '../support/server';

const WIRE_FILE = path.join(__dirname, '..', 'fixtures', 'sources', 'example-wire.facts.yaml');
const WIRE = 'source:2025-05-18-example-wire-istanbul';
const CHINA_DAILY = 'source:2025-05-17-china-daily-istanbul-talks';
const TALKS = 'meeting:2025-05-16-istanbul-talks';
const executor = testExecutor();
let server: RunningServer;

beforeAll(async () => {
  server = await startSeededServer();
  await importFacts(executor, fs.readFileSync(WIRE_FILE, 'utf8'), WIRE_FILE);
});
afterAll(async () => {
  await server?.stop();
  await executor.close();
});

describe('claims and disputed', () => {
  it("the talks' duration is disputed: 90 minutes (the wire, later) and 120 (China Daily), each with its quote", async () => {
    const data = await gqlData(
      server,
      `{ meeting(id: "${TALKS}") { durationMinutes disputed
          claims(property: "durationMinutes") { property value sourceId source { publisher } evidence { sourceId quote } } } }`,
    );
    expect(data.meeting.disputed).toContain('durationMinutes');
    expect(data.meeting.durationMinutes).toBe(90);
    const claims = data.meeting.claims;
    expect(claims.map((c: any) => [c.sourceId, c.value])).toEqual([
      [WIRE, 90],
      [CHINA_DAILY, 120],
    ]);
    expect(claims[0].source.publisher).toBe('Example Wire (invented)');
    expect(claims[0].evidence.map((e: any) => e.quote)).toContain(
      'met at Dolmabahce Palace in Istanbul on May 16 for talks that lasted an hour and a half',
    );
    expect(claims[1].evidence.map((e: any) => e.quote)).toContain(
      'According to a Turkish Foreign Ministry source, the talks lasted about two hours.',
    );
    expect(claims[1].evidence.every((e: any) => e.sourceId === CHINA_DAILY)).toBe(true);
  });

  it('a property both sources agree on is not disputed; every claim on it is listed', async () => {
    const data = await gqlData(
      server,
      `{ meeting(id: "${TALKS}") { disputed claims(property: "status") { sourceId value } } }`,
    );
    expect(data.meeting.disputed).not.toContain('status');
    expect(data.meeting.claims).toEqual([
      { sourceId: WIRE, value: 'HELD' },
      { sourceId: CHINA_DAILY, value: 'HELD' },
    ]);
  });

  it('relationships have claims too: both sources say Fidan chaired the talks', async () => {
    const data = await gqlData(
      server,
      `{ meeting(id: "${TALKS}") { participants { actor { id } disputed claims { property value sourceId } } } }`,
    );
    const fidan = data.meeting.participants.find((p: any) => p.actor.id === 'person:hakan-fidan');
    expect(fidan.disputed).toEqual([]);
    expect(fidan.claims.filter((c: any) => c.property === 'role')).toEqual([
      { property: 'role', value: 'CHAIR', sourceId: WIRE },
      { property: 'role', value: 'CHAIR', sourceId: CHINA_DAILY },
    ]);
    expect(fidan.claims).toContainEqual({
      property: 'note',
      value: 'He sat at the head of the table.',
      sourceId: CHINA_DAILY,
    });
  });

  it('a node only one source mentions has its claims and no disputes', async () => {
    const data = await gqlData(
      server,
      '{ actor(id: "person:dmitry-peskov") { disputed claims { property sourceId } } }',
    );
    expect(data.actor.disputed).toEqual([]);
    expect(data.actor.claims.length).toBeGreaterThan(0);
    expect(new Set(data.actor.claims.map((c: any) => c.sourceId))).toEqual(new Set([CHINA_DAILY]));
    expect(data.actor.claims.map((c: any) => c.property)).toContain('name');
  });

  it('costs one round trip for one meeting as for many: the compiled statement reads the claims', async () => {
    for (const first of [1, 10]) {
      const response = await gql(
        server,
        `{ meetings(first: ${first}) { edges { node { claims { value } participants { claims { value } } } } } }`,
      );
      expect(response.errors).toBeUndefined();
      expect(response.roundTrips).toBe(1);
    }
  });
});
