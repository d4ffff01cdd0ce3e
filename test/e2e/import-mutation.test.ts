/**
 * Writes over the API: `importFacts` needs the API key, loads a second source that points at
 * nodes of the first, changes nothing when sent again, and refuses a bad document whole.
 */
import { stringify } from 'yaml';
import { applyMigrations } from '../../src/graph/migrations';
import type { RunningServer } from '../../src/server';
import { countAll, resetGraph, testExecutor } from '../support/graph';
import { gql, startTestServer } from '../support/server';

const API_KEY = 'test-key-0123456789abcdef';
const executor = testExecutor();
let server: RunningServer;

const TEXT = 'Envoys of Russia and Ukraine met again in Geneva on 3 June 2025, a wire report said.';
const documentFor = (overrides: { quote?: string } = {}) =>
  stringify({
    version: 1,
    source: {
      id: 'source:test-wire-2025-06-03',
      publisher: 'A wire',
      title: 'Envoys meet again',
      date: '2025-06-03',
      text: TEXT,
    },
    entities: [
      {
        id: 'meeting:test-2025-06-03-geneva',
        kind: 'Meeting',
        name: 'Geneva meeting',
        date: '2025-06-03',
        status: 'HELD',
        evidence: [{ quote: overrides.quote ?? 'met again in Geneva on 3 June 2025' }],
      },
    ],
    relationships: [
      {
        type: 'PARTICIPATED_IN',
        from: 'country:RUS',
        to: 'meeting:test-2025-06-03-geneva',
        props: { role: 'PARTY' },
        evidence: [{ quote: 'Envoys of Russia and Ukraine met' }],
      },
      {
        type: 'PARTICIPATED_IN',
        from: 'country:UKR',
        to: 'meeting:test-2025-06-03-geneva',
        props: { role: 'PARTY' },
        evidence: [{ quote: 'Envoys of Russia and Ukraine met' }],
      },
    ],
  });

const IMPORT = 'mutation ($d: String!) { importFacts(document: $d) { sourceId nodes relationships } }';

beforeAll(async () => {
  await applyMigrations(executor);
  await resetGraph(executor);
  server = await startTestServer({ API_KEY, SEED_ON_START: 'true' });
});
afterAll(async () => {
  await server?.stop();
  await executor.close();
});

it('refuses a write without the API key, and with a wrong one', async () => {
  const none = await gql(server, IMPORT, { d: documentFor() });
  expect(none.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  const wrong = await gql(server, IMPORT, { d: documentFor() }, { 'x-api-key': 'not-the-key-at-all' });
  expect(wrong.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
});

it('loads a second source onto the first, and sending it again changes nothing', async () => {
  const before = await countAll(executor);
  const first = await gql(server, IMPORT, { d: documentFor() }, { 'x-api-key': API_KEY });
  expect(first.errors).toBeUndefined();
  expect(first.data.importFacts).toEqual({ sourceId: 'source:test-wire-2025-06-03', nodes: 2, relationships: 2 });
  const after = await countAll(executor);
  expect(after).toEqual({ nodes: before.nodes + 2, relationships: before.relationships + 2 });
  await gql(server, IMPORT, { d: documentFor() }, { 'x-api-key': API_KEY });
  expect(await countAll(executor)).toEqual(after);

  const met = await gql(
    server,
    '{ whoMetWhom(actorId: "country:RUS") { edges { node { counterpart { id } meetingCount } } } }',
  );
  const ukraine = met.data.whoMetWhom.edges.find((e: any) => e.node.counterpart.id === 'country:UKR');
  expect(ukraine.node.meetingCount).toBe(3);
});

it('refuses a document whose quote is not in its text, with the problem and nothing written', async () => {
  const before = await countAll(executor);
  const bad = await gql(server, IMPORT, { d: documentFor({ quote: 'met in Vienna' }) }, { 'x-api-key': API_KEY });
  expect(bad.errors?.[0]?.extensions.code).toBe('INVALID_DOCUMENT');
  expect(bad.errors?.[0]?.extensions.problems).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ code: 'QUOTE_NOT_FOUND', path: 'entities[0].evidence[0].quote' }),
    ]),
  );
  expect(await countAll(executor)).toEqual(before);
});

it('says writes are off on a server without an API key', async () => {
  const readOnly = await startTestServer();
  try {
    const response = await gql(readOnly, IMPORT, { d: documentFor() }, { 'x-api-key': API_KEY });
    expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  } finally {
    await readOnly.stop();
  }
});

/** The document with its two participations sharing one evidence list through a YAML anchor. */
function withSharedEvidence(): string {
  const block = 'evidence:\n      - quote: Envoys of Russia and Ukraine met';
  const text = documentFor();
  const first = text.indexOf(block);
  const second = text.indexOf(block, first + 1);
  expect(second).toBeGreaterThan(first);
  return `${text.slice(0, first)}evidence: &envoys\n      - quote: Envoys of Russia and Ukraine met${text.slice(first + block.length, second)}evidence: *envoys${text.slice(second + block.length)}`;
}

it('refuses a YAML alias bomb at once as INVALID_DOCUMENT, with nothing written', async () => {
  const before = await countAll(executor);
  const levels = ['version: 1', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 12; i++)
    levels.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  const started = Date.now();
  const bomb = await gql(server, IMPORT, { d: levels.join('\n') }, { 'x-api-key': API_KEY });
  expect(Date.now() - started).toBeLessThan(1000);
  expect(bomb.status).toBeLessThan(500);
  expect(bomb.errors?.[0]?.extensions.code).toBe('INVALID_DOCUMENT');
  expect(bomb.errors?.[0]?.extensions.problems).toEqual([expect.objectContaining({ code: 'TOO_MANY_ALIASES' })]);
  // A short answer, however many copies the document asked for (stack traces aside: tests run in development).
  expect(JSON.stringify(bomb.errors?.[0]?.extensions.problems).length).toBeLessThan(400);
  expect(bomb.errors?.[0]?.message.length).toBeLessThan(300);
  expect(await countAll(executor)).toEqual(before);
});

it("takes the alias limit from the server's MAX_YAML_ALIASES", async () => {
  const document = withSharedEvidence();
  const strict = await startTestServer({ API_KEY, MAX_YAML_ALIASES: '0' });
  try {
    const refused = await gql(strict, IMPORT, { d: document }, { 'x-api-key': API_KEY });
    expect(refused.errors?.[0]?.extensions.problems).toEqual([expect.objectContaining({ code: 'TOO_MANY_ALIASES' })]);
  } finally {
    await strict.stop();
  }
  const accepted = await gql(server, IMPORT, { d: document }, { 'x-api-key': API_KEY });
  expect(accepted.errors).toBeUndefined();
  expect(accepted.data.importFacts.sourceId).toBe('source:test-wire-2025-06-03');
});
