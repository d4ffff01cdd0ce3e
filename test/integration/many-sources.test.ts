/**
 * Many sources, one graph, in the real Neo4j: the seed article and three invented example sources
 * (test/fixtures/sources, clearly not news) that share its actors and disagree with it and with
 * each other. The three laws — any order gives the same graph, twice equals once, removing a
 * source gives the graph without it — and the values the rule must show, read off the texts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode, errorCode } from '../../src/errors';
import { ExportFormat } from '../../src/export';
import { cypher } from '../../src/graph/executor';
import { applyMigrations } from '../../src/graph/migrations';
import { graphCounts, importFacts, importFactsFile, removeSource, SEED_FILE } from '../../src/ingest/import';
import { type ImportReport, totals } from '../../src/ingest/report';
import { stableJson } from '../../src/model/claims';
import { runExport } from '../../src/modules/subgraph/subgraph.export';
import { createRepositories } from '../../src/repositories';
import { graphSnapshot, resetGraph, testConfig, testExecutor } from '../support/graph';

const config = testConfig();
const executor = testExecutor(config);
const repositories = createRepositories(executor, config);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'sources');
const WIRE = path.join(FIXTURES, 'example-wire.facts.yaml');
const RADIO = path.join(FIXTURES, 'example-radio.facts.yaml');
const WEEKLY = path.join(FIXTURES, 'example-weekly.facts.yaml');
const DOCS = { seed: SEED_FILE, wire: WIRE, radio: RADIO, weekly: WEEKLY } as const;
type Doc = keyof typeof DOCS;
const SOURCE_IDS: Record<Doc, string> = {
  seed: 'source:2025-05-17-china-daily-istanbul-talks',
  wire: 'source:2025-05-18-example-wire-istanbul',
  radio: 'source:2025-06-03-example-radio-kremlin',
  weekly: 'source:2025-06-05-example-weekly-delegation-head',
};

beforeAll(() => applyMigrations(executor));
afterAll(() => executor.close());

async function load(...docs: Doc[]): Promise<void> {
  await resetGraph(executor);
  for (const doc of docs) await importFactsFile(executor, DOCS[doc]);
}

const snapshot = () => graphSnapshot(executor);

/** The JSON export of the whole graph (every node a seed), as users download it. */
async function fullExport(): Promise<unknown> {
  const ids = await executor.read<{ id: string }>(
    cypher('test-all-ids', 'MATCH (n:Entity) RETURN n.id AS id ORDER BY id'),
  );
  let text = '';
  await runExport(
    repositories.subgraph,
    { seedIds: ids.map((r) => r.id), depth: 1, format: ExportFormat.JSON, relationshipTypes: [], from: null, to: null },
    {
      write(chunk) {
        text += chunk;
      },
    },
    10_000,
  );
  const parsed = JSON.parse(text) as Record<string, unknown>;
  // When it was made may differ, and the order of elements follows Neo4j's storage: the same
  // graph is the same elements with the same values.
  delete (parsed.meta as Record<string, unknown> | undefined)?.generatedAt;
  for (const list of ['nodes', 'edges']) {
    const elements = parsed[list] as { id: string }[] | undefined;
    elements?.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return JSON.parse(stableJson(parsed));
}

async function node(id: string): Promise<Record<string, unknown>> {
  const [row] = await executor.read<{ p: Record<string, unknown> }>(
    cypher('test-node-props', 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS p'),
    { id },
  );
  return row?.p ?? {};
}

async function edge(id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await executor.read<{ p: Record<string, unknown> }>(
    cypher('test-edge-props', 'MATCH ()-[r {id: $id}]->() RETURN properties(r) AS p'),
    { id },
  );
  return row?.p;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const ALL: Doc[] = ['seed', 'wire', 'radio', 'weekly'];
const TALKS = 'meeting:2025-05-16-istanbul-talks';

describe('the rule for current values, on the four sources', () => {
  beforeAll(() => load(...ALL));

  it('shows the latest source’s duration and keeps every source’s value as a claim', async () => {
    const talks = await node(TALKS);
    // Radio (2025-06-03) and Weekly (2025-06-05) say about two hours; Weekly is the latest.
    expect(talks.durationMinutes).toBe(120);
    expect(talks.durationApproximate).toBe(true);
    // The wire said an hour and a half: a disagreement, shown, not lost.
    expect(talks.disputed).toEqual(expect.arrayContaining(['durationMinutes', 'name']));
    const claims = await executor.read<{ sourceId: string; values: string }>(
      cypher(
        'test-claims-of',
        'MATCH (c:Claim {subjectId: $id}) RETURN c.sourceId AS sourceId, c.values AS values ORDER BY sourceId',
      ),
      { id: TALKS },
    );
    const durations = Object.fromEntries(claims.map((c) => [c.sourceId, JSON.parse(c.values).durationMinutes]));
    expect(durations).toEqual({
      [SOURCE_IDS.seed]: 120,
      [SOURCE_IDS.wire]: 90,
      [SOURCE_IDS.radio]: 120,
      [SOURCE_IDS.weekly]: 120,
    });
  });

  it('keeps every spelling of a name searchable: Türkiye, Turkiye and Turkey', async () => {
    const turkey = await node('country:TUR');
    // Radio (the latest source naming it) says Türkiye; the wire says Turkey.
    expect(turkey.name).toBe('Türkiye');
    expect(turkey.aliases).toEqual(expect.arrayContaining(['Turkiye', 'Turkey']));
    expect(turkey.disputed).toEqual(['name']);
    const found = await repositories.actor.search({ search: 'turkiye', first: 5 });
    expect(JSON.stringify(found)).toContain('country:TUR');
  });

  it('shows both titles of an office as claims, the latest as the value', async () => {
    const peskov = await edge('person:dmitry-peskov-HOLDS_OFFICE->org:kremlin');
    expect(peskov?.title).toBe('spokesperson');
    expect(peskov?.disputed).toEqual(['title']);
    const fidan = await edge('person:hakan-fidan-HOLDS_OFFICE->org:turkish-foreign-ministry');
    // The wire (2025-05-18) is later than the article (2025-05-17).
    expect(fidan?.title).toBe('Foreign Ministry chief');
    expect(fidan?.evidenceQuotes).toEqual([
      'Turkish Foreign Minister Hakan Fidan',
      'Foreign Ministry chief Hakan Fidan',
    ]);
  });

  it('adds a new spelling without losing the old ones, and no stand-in name becomes an alias', async () => {
    const zelensky = await node('person:volodymyr-zelensky');
    expect(zelensky.name).toBe('Volodymyr Zelenskyy');
    expect(zelensky.aliases).toEqual(
      expect.arrayContaining(['Zelenskyi', 'Volodymyr Zelensky', 'Zelensky', 'Zelenskyy']),
    );
    const head = await node('person:head-of-ukraine-delegation-2025-05-16-istanbul-talks');
    expect(head.unnamed).toBe(true);
    expect(head.aliases).toEqual([]);
  });
});

describe('the three laws', () => {
  it('gives the same graph whatever the order of imports (all 24 orders)', async () => {
    await load(...ALL);
    const expected = await snapshot();
    const expectedExport = (await fullExport()) as { nodes: unknown[]; edges: unknown[] };
    // Every node of the four sources: 49 of the article, the call, Umerov, and three more sources.
    expect(expectedExport.nodes).toHaveLength(54);
    for (const order of permutations(ALL).slice(1)) {
      await load(...order);
      expect({ order, graph: await snapshot() }).toEqual({ order, graph: expected });
    }
    expect(await fullExport()).toEqual(expectedExport);
  }, 240_000);

  it('imports a document twice as once, and says the second time changed nothing', async () => {
    await load('seed', 'wire', 'radio');
    const once = await snapshot();
    const again = await importFactsFile(executor, WIRE);
    expect(await snapshot()).toBe(once);
    expect(totals(again.nodes)).toMatchObject({ created: 0, claimed: 0, retracted: 0, deleted: 0 });
    expect(totals(again.relationships)).toMatchObject({ created: 0, claimed: 0, retracted: 0, deleted: 0 });
    expect(totals(again.nodes).unchanged).toBe(7);
    expect(totals(again.relationships).unchanged).toBe(5);
  });

  it.each(ALL)(
    'removing %s gives exactly the graph of the other three',
    async (doc) => {
      const others = ALL.filter((d) => d !== doc);
      await load(...others);
      const without = await snapshot();
      const withoutExport = await fullExport();
      await load(...ALL);
      const report = await removeSource(executor, SOURCE_IDS[doc]);
      expect(report.sourceId).toBe(SOURCE_IDS[doc]);
      expect(await snapshot()).toBe(without);
      expect(await fullExport()).toEqual(withoutExport);
    },
    60_000,
  );

  it('removing every source leaves an empty graph', async () => {
    await load(...ALL);
    for (const doc of ALL) await removeSource(executor, SOURCE_IDS[doc]);
    expect(await graphCounts(executor)).toEqual({ nodes: 0, relationships: 0, claims: 0, sources: 0 });
  });
});

describe('removing a source', () => {
  it('reports what went: the phone call and its two participations are only the radio’s', async () => {
    await load(...ALL);
    const report = await removeSource(executor, SOURCE_IDS.radio);
    const meetings = report.nodes.find((r) => r.name === 'Meeting');
    // Two meetings had radio claims; the call goes, the talks stay (three other sources).
    expect(meetings).toMatchObject({ retracted: 2, deleted: 1 });
    const participations = report.relationships.find((r) => r.name === 'PARTICIPATED_IN');
    expect(participations).toMatchObject({ retracted: 2, deleted: 2 });
    expect(await node('meeting:2025-05-19-putin-trump-phone-call')).toEqual({});
    // The title is the article's again.
    expect((await edge('person:dmitry-peskov-HOLDS_OFFICE->org:kremlin'))?.title).toBe('spokesman');
  });

  it('answers NOT_FOUND for a source that is not in the graph', async () => {
    const error = await removeSource(executor, 'source:no-such-source').catch((e: unknown) => e);
    expect(errorCode(error)).toBe(ErrorCode.NOT_FOUND);
  });

  it('refuses, with CONFLICT and nothing changed, while another source needs its nodes', async () => {
    await resetGraph(executor);
    await importFactsFile(executor, SEED_FILE);
    // An invented document that only points at the article's nodes (it declares none of them).
    const dependent = dependentDocument();
    await importFacts(executor, dependent, 'dependent.yaml');
    const before = await snapshot();
    const error = await removeSource(executor, SOURCE_IDS.seed).catch((e: unknown) => e);
    expect(errorCode(error)).toBe(ErrorCode.CONFLICT);
    expect(String((error as Error).message)).toContain('source:2025-06-01-example-dependent');
    expect(await snapshot()).toBe(before);
  });
});

describe('dry runs', () => {
  it('write nothing, and report exactly what the import then does', async () => {
    await load('seed', 'wire');
    const before = await snapshot();
    const dry = await importFactsFile(executor, RADIO, { dryRun: true });
    expect(await snapshot()).toBe(before);
    const real = await importFactsFile(executor, RADIO);
    expect(strip(dry)).toEqual(strip(real));
    expect(dry.dryRun).toBe(true);
    expect(real.dryRun).toBe(false);
  });

  it('report creations, new claims on existing entities and every conflict with the graph', async () => {
    await load('seed');
    const report = await importFactsFile(executor, WIRE, { dryRun: true });
    // The wire's seven entities are all in the article's graph already.
    expect(totals(report.nodes)).toMatchObject({ created: 0, claimed: 7, unchanged: 0 });
    // Of its five relationships only PART_OF, HOLDS_OFFICE, PARTICIPATED_IN, HELD_AT and
    // LOCATED_IN; the article states all five too.
    expect(totals(report.relationships)).toMatchObject({ created: 0, claimed: 5 });
    const conflict = (id: string, property: string) =>
      report.conflicts.find((c) => c.id === id && c.property === property);
    expect(conflict(TALKS, 'durationMinutes')).toMatchObject({
      graphValue: 120,
      documentValue: 90,
      graphSourceId: SOURCE_IDS.seed,
    });
    expect(conflict('country:TUR', 'name')).toMatchObject({ graphValue: 'Türkiye', documentValue: 'Turkey' });
    expect(conflict('person:hakan-fidan-HOLDS_OFFICE->org:turkish-foreign-ministry', 'title')).toMatchObject({
      graphValue: 'Foreign Minister',
      documentValue: 'Foreign Ministry chief',
    });
    // Agreement is not a conflict: both say Fidan chaired.
    expect(report.conflicts.find((c) => c.property === 'role')).toBeUndefined();
  });

  it('count what a first document creates on an empty graph', async () => {
    await resetGraph(executor);
    const report = await importFactsFile(executor, RADIO, { dryRun: true });
    expect(totals(report.nodes)).toMatchObject({ created: 7, claimed: 0, unchanged: 0 });
    expect(totals(report.relationships)).toMatchObject({ created: 3 });
    expect(report.conflicts).toEqual([]);
    expect(await graphCounts(executor)).toEqual({ nodes: 0, relationships: 0, claims: 0, sources: 0 });
  });
});

describe("a source's stored text", () => {
  const changed = () =>
    fs.readFileSync(WIRE, 'utf8').replace('(INVENTED EXAMPLE, NOT NEWS).', '(INVENTED EXAMPLE, NOT NEWS; CORRECTED).');

  it('never changes silently: another text under the same id is refused with CONFLICT', async () => {
    await load('seed', 'wire');
    const before = await snapshot();
    const error = await importFacts(executor, changed(), WIRE).catch((e: unknown) => e);
    expect(errorCode(error)).toBe(ErrorCode.CONFLICT);
    expect(String((error as Error).message)).toContain(SOURCE_IDS.wire);
    expect(await snapshot()).toBe(before);
  });

  it('is replaced with replace, in one transaction: the same graph as importing the new text fresh', async () => {
    await load('seed', 'wire');
    const report = await importFacts(executor, changed(), WIRE, undefined, { replace: true });
    expect(report.replaced).toBe(true);
    const replaced = await snapshot();
    await resetGraph(executor);
    await importFactsFile(executor, SEED_FILE);
    await importFacts(executor, changed(), WIRE);
    expect(await snapshot()).toBe(replaced);
    const [row] = await executor.read<{ text: string }>(
      cypher('test-source-text', 'MATCH (s:Source {id: $id}) RETURN s.text AS text'),
      { id: SOURCE_IDS.wire },
    );
    expect(row?.text).toContain('CORRECTED');
  });
});

describe('a document that stops stating something', () => {
  it('retracts its source’s claims, and what no source supports goes', async () => {
    await load('seed', 'radio');
    const text = fs.readFileSync(RADIO, 'utf8');
    // The same source without the phone call (its entity and two participations).
    const shorter = text
      .replace(/ {2}- id: meeting:2025-05-19-putin-trump-phone-call[\s\S]*?(?= {2}- id: meeting:2025-05-16)/, '')
      .replace(/ {2}- type: PARTICIPATED_IN[\s\S]*$/, '');
    const report = await importFacts(executor, shorter, RADIO);
    expect(report.nodes.find((r) => r.name === 'Meeting')).toMatchObject({ retracted: 1, deleted: 1, unchanged: 1 });
    expect(report.relationships.find((r) => r.name === 'PARTICIPATED_IN')).toMatchObject({ retracted: 2, deleted: 2 });
    expect(await node('meeting:2025-05-19-putin-trump-phone-call')).toEqual({});
    // Putin is still there: the article states him too.
    expect((await node('person:vladimir-putin')).name).toBe('Vladimir Putin');
  });
});

function strip(report: ImportReport) {
  const { dryRun: _dry, milliseconds: _ms, ...rest } = report;
  return rest;
}

/** An invented document (not news) that refers to the article's nodes without declaring them. */
function dependentDocument(): string {
  return JSON.stringify({
    version: 1,
    source: {
      id: 'source:2025-06-01-example-dependent',
      publisher: 'Example Gazette (invented)',
      title: 'Invented example',
      date: '2025-06-01',
      text: 'INVENTED EXAMPLE, NOT NEWS. Hakan Fidan met Marco Rubio in Ankara.',
    },
    entities: [
      {
        id: 'meeting:2025-06-01-example-fidan-rubio',
        kind: 'Meeting',
        name: 'Fidan–Rubio meeting (invented example)',
        status: 'HELD',
        evidence: [{ quote: 'Hakan Fidan met Marco Rubio' }],
      },
    ],
    relationships: [
      {
        type: 'PARTICIPATED_IN',
        from: 'person:hakan-fidan',
        to: 'meeting:2025-06-01-example-fidan-rubio',
        props: { role: 'PARTY' },
        evidence: [{ quote: 'Hakan Fidan met' }],
      },
    ],
  });
}
