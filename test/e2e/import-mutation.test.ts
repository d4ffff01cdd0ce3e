/**
 * Writes over the API: `importFacts` needs the API key, loads a second source that points at
 * nodes of the first, changes nothing when sent again, and refuses a bad document whole; a dry run
 * writes nothing and reports what the import then does; `removeSource` undoes an import; a source
 * id with another text is refused unless `replace`. Figures are read off the documents (this
 * file's own, and the invented fixtures in test/fixtures), not off the code's output.
 */
import fs from 'node:fs';
import { stringify } from 'yaml';
import { cypher } from '../../src/graph/executor';
import { applyMigrations } from '../../src/graph/migrations';
import type { RunningServer } from '../../src/server';
import { countAll, graphSnapshot, resetGraph, testExecutor } from '../support/graph';
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

const COUNTS = 'name created unchanged claimed retracted deleted';
const REPORT = `sourceId dryRun replaced sourceExisted nodes { ${COUNTS} } relationships { ${COUNTS} }
  conflicts { id property graphValue documentValue graphSourceId }`;
const IMPORT = `mutation ($d: String!, $dryRun: Boolean, $replace: Boolean) {
  importFacts(document: $d, dryRun: $dryRun, replace: $replace) { ${REPORT} } }`;
const REMOVE = `mutation ($id: ID!) { removeSource(id: $id) { sourceId nodes { ${COUNTS} } relationships { ${COUNTS} } } }`;
const KEY = { 'x-api-key': API_KEY };

interface Row {
  name: string;
  created: number;
  unchanged: number;
  claimed: number;
  retracted: number;
  deleted: number;
}
/** The rows with any figure other than 0, by name: what the document moved. */
const moved = (rows: Row[]) =>
  rows
    .filter((r) => r.created + r.unchanged + r.claimed + r.retracted + r.deleted > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
const row = (name: string, figures: Partial<Row>): Row => ({
  name,
  created: 0,
  unchanged: 0,
  claimed: 0,
  retracted: 0,
  deleted: 0,
  ...figures,
});

const INVENTED = fs.readFileSync('test/fixtures/invented-wire-follow-up.facts.yaml', 'utf8');
const CORRECTED = fs.readFileSync('test/fixtures/invented-wire-follow-up-corrected.facts.yaml', 'utf8');
const INVENTED_ID = 'source:invented-2025-05-18-wire-follow-up';
const SEED_ID = 'source:2025-05-17-china-daily-istanbul-talks';

const snapshot = () => graphSnapshot(executor);

/** The JSON export around the actors the invented document touches, as a client downloads it. */
async function exported(): Promise<unknown> {
  const response = await gql(
    server,
    '{ exportSubgraph(seedIds: ["country:UKR", "country:TUR", "person:hakan-fidan"], depth: 3, format: JSON) { content } }',
  );
  expect(response.errors).toBeUndefined();
  const content = JSON.parse(response.data.exportSubgraph.content);
  // The time of the download is the only thing allowed to differ.
  delete content.meta.generatedAt;
  return content;
}

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
  const dry = await gql(server, IMPORT, { d: documentFor(), dryRun: true });
  expect(dry.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
});

it('loads a second source onto the first, and sending it again changes nothing', async () => {
  const before = await countAll(executor);
  const first = await gql(server, IMPORT, { d: documentFor() }, KEY);
  expect(first.errors).toBeUndefined();
  // One new meeting and two new PARTICIPATED_IN; the countries are only referred to.
  expect(first.data.importFacts).toMatchObject({
    sourceId: 'source:test-wire-2025-06-03',
    dryRun: false,
    replaced: false,
    sourceExisted: false,
    conflicts: [],
  });
  expect(moved(first.data.importFacts.nodes)).toEqual([row('Meeting', { created: 1 })]);
  expect(moved(first.data.importFacts.relationships)).toEqual([row('PARTICIPATED_IN', { created: 2 })]);
  const after = await countAll(executor);
  // The meeting and the source node.
  expect(after).toEqual({ nodes: before.nodes + 2, relationships: before.relationships + 2 });

  const again = await gql(server, IMPORT, { d: documentFor() }, KEY);
  expect(again.data.importFacts).toMatchObject({ sourceExisted: true, replaced: false, conflicts: [] });
  expect(moved(again.data.importFacts.nodes)).toEqual([row('Meeting', { unchanged: 1 })]);
  expect(moved(again.data.importFacts.relationships)).toEqual([row('PARTICIPATED_IN', { unchanged: 2 })]);
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
  const bad = await gql(server, IMPORT, { d: documentFor({ quote: 'met in Vienna' }) }, KEY);
  expect(bad.errors?.[0]?.extensions.code).toBe('INVALID_DOCUMENT');
  expect(bad.errors?.[0]?.extensions.problems).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ code: 'QUOTE_NOT_FOUND', path: 'entities[0].evidence[0].quote' }),
    ]),
  );
  expect(await countAll(executor)).toEqual(before);
});

it('dry run writes nothing and reports what the real import then does, conflicts included', async () => {
  const before = { counts: await countAll(executor), snapshot: await snapshot(), exported: await exported() };
  const dry = await gql(server, IMPORT, { d: INVENTED, dryRun: true }, KEY);
  expect(dry.errors).toBeUndefined();
  expect({ counts: await countAll(executor), snapshot: await snapshot(), exported: await exported() }).toEqual(before);

  const report = dry.data.importFacts;
  expect(report).toMatchObject({ sourceId: INVENTED_ID, dryRun: true, replaced: false, sourceExisted: false });
  // The Istanbul talks and Fidan are in the graph; the call is new. Fidan's office is in the graph
  // (another title); the call's two participants are new.
  expect(moved(report.nodes)).toEqual([row('Meeting', { created: 1, claimed: 1 }), row('Person', { claimed: 1 })]);
  expect(moved(report.relationships)).toEqual([
    row('HOLDS_OFFICE', { claimed: 1 }),
    row('PARTICIPATED_IN', { created: 2 }),
  ]);
  // The seed: "the talks lasted about two hours", "Turkish Foreign Minister Hakan Fidan".
  expect(report.conflicts).toEqual(
    expect.arrayContaining([
      {
        id: 'meeting:2025-05-16-istanbul-talks',
        property: 'durationMinutes',
        graphValue: 120,
        documentValue: 100,
        graphSourceId: SEED_ID,
      },
      {
        id: 'person:hakan-fidan-HOLDS_OFFICE->org:turkish-foreign-ministry',
        property: 'title',
        graphValue: 'Foreign Minister',
        documentValue: 'Minister of Foreign Affairs',
        graphSourceId: SEED_ID,
      },
    ]),
  );
  expect(report.conflicts).toHaveLength(2);

  const real = await gql(server, IMPORT, { d: INVENTED }, KEY);
  expect(real.errors).toBeUndefined();
  expect({ ...real.data.importFacts, dryRun: true }).toEqual(report);
  expect(await countAll(executor)).toEqual({
    nodes: before.counts.nodes + 2,
    relationships: before.counts.relationships + 2,
  });
});

it('removeSource reports what went and gives back the graph without the source', async () => {
  const withIt = await countAll(executor);
  const removed = await gql(server, REMOVE, { id: INVENTED_ID }, KEY);
  expect(removed.errors).toBeUndefined();
  expect(removed.data.removeSource.sourceId).toBe(INVENTED_ID);
  // Both meetings lose a claim; the call, which only the invented source states, goes with its
  // two participants; the talks, Fidan and his office stay (the seed states them).
  expect(moved(removed.data.removeSource.nodes)).toEqual([
    row('Meeting', { retracted: 2, deleted: 1 }),
    row('Person', { retracted: 1 }),
  ]);
  expect(moved(removed.data.removeSource.relationships)).toEqual([
    row('HOLDS_OFFICE', { retracted: 1 }),
    row('PARTICIPATED_IN', { retracted: 2, deleted: 2 }),
  ]);
  expect(await countAll(executor)).toEqual({ nodes: withIt.nodes - 2, relationships: withIt.relationships - 2 });
  const talks = await gql(server, '{ meeting(id: "meeting:2025-05-16-istanbul-talks") { durationMinutes } }');
  expect(talks.data.meeting.durationMinutes).toBe(120);

  const again = await gql(server, REMOVE, { id: INVENTED_ID }, KEY);
  expect(again.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  const unauthorized = await gql(server, REMOVE, { id: SEED_ID });
  expect(unauthorized.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
});

it('refuses another text for a source id (CONFLICT) unless replace, which swaps it in one go', async () => {
  await gql(server, IMPORT, { d: INVENTED }, KEY);
  const before = await snapshot();
  const refused = await gql(server, IMPORT, { d: CORRECTED }, KEY);
  expect(refused.errors?.[0]?.extensions.code).toBe('CONFLICT');
  expect(refused.errors?.[0]?.message).toContain(INVENTED_ID);
  expect(await snapshot()).toBe(before);

  const replaced = await gql(server, IMPORT, { d: CORRECTED, replace: true }, KEY);
  expect(replaced.errors).toBeUndefined();
  expect(replaced.data.importFacts).toMatchObject({ sourceId: INVENTED_ID, replaced: true, sourceExisted: true });
  // The corrected text states only the talks (110 minutes); the call and its participants go.
  expect(moved(replaced.data.importFacts.nodes)).toEqual(
    expect.arrayContaining([expect.objectContaining({ name: 'Meeting', deleted: 1 })]),
  );
  expect(moved(replaced.data.importFacts.relationships)).toEqual(
    expect.arrayContaining([expect.objectContaining({ name: 'PARTICIPATED_IN', deleted: 2 })]),
  );
  const read = await gql(
    server,
    `{ talks: meeting(id: "meeting:2025-05-16-istanbul-talks") { durationMinutes }
       call: meeting(id: "meeting:2025-05-18-invented-ukraine-turkiye-call") { id } }`,
  );
  expect(read.data).toEqual({ talks: { durationMinutes: 110 }, call: null });
  const [source] = await executor.read<{ text: string }>(
    cypher('test-mutation-source-text', 'MATCH (s:Source {id: $id}) RETURN s.text AS text'),
    { id: INVENTED_ID },
  );
  expect(source!.text).toContain('(Invented Wire, corrected)');
});

it('says writes are off on a server without an API key', async () => {
  const readOnly = await startTestServer();
  try {
    const response = await gql(readOnly, IMPORT, { d: documentFor() }, KEY);
    expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const removal = await gql(readOnly, REMOVE, { id: SEED_ID }, KEY);
    expect(removal.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
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
