/**
 * The write commands as a user runs them (child processes over the test Neo4j): `import --dry-run`
 * reports and writes nothing, the real import reports the same, `remove-source` takes it out again,
 * a source id with another text is refused unless `--replace`. Expected figures are read off the
 * invented fixture documents in test/fixtures (see their headers), not off the code's output.
 */
import { cypher } from '../../src/graph/executor';
import { applyMigrations } from '../../src/graph/migrations';
import { graphCounts, importFactsFile, SEED_FILE } from '../../src/ingest/import';
import { ensureCliBuilt, runCli } from '../support/cli';
import { graphSnapshot, resetGraph, testExecutor } from '../support/graph';

jest.setTimeout(120_000);

const executor = testExecutor();
const FIXTURE = 'test/fixtures/invented-wire-follow-up.facts.yaml';
const CORRECTED = 'test/fixtures/invented-wire-follow-up-corrected.facts.yaml';
const INVENTED = 'source:invented-2025-05-18-wire-follow-up';
const SEED = 'source:2025-05-17-china-daily-istanbul-talks';
const env = () => ({ NEO4J_URI: process.env.NEO4J_URI! });
const cli = (...args: string[]) => runCli(args, env());

const snapshot = () => graphSnapshot(executor);

/** A table row of the report: the name, then created, unchanged, claimed, retracted, deleted. */
const tableRow = (name: string, ...figures: number[]) => new RegExp(`^ {4}${name} +${figures.join(' +')}$`, 'm');

beforeAll(async () => {
  ensureCliBuilt();
  await applyMigrations(executor);
});
beforeEach(async () => {
  await resetGraph(executor);
  await importFactsFile(executor, SEED_FILE);
});
afterAll(() => executor.close());

it('dry run: says where, reports what the import would do, every conflict, and writes nothing', async () => {
  const before = await snapshot();
  const counts = await graphCounts(executor);
  const run = await cli('import', FIXTURE, '--dry-run');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const out = run.stdout;
  expect(out).toContain(`graph: ${process.env.NEO4J_URI}, database neo4j (from NEO4J_URI)`);
  expect(out).toContain(`dry run of ${INVENTED}: nothing written`);
  // The document states the Istanbul talks (in the graph) and a call (new); Fidan (in the graph);
  // his office (in the graph, another title) and the call's two participants (new).
  expect(out).toMatch(tableRow('Meeting', 1, 0, 1, 0, 0));
  expect(out).toMatch(tableRow('Person', 0, 0, 1, 0, 0));
  expect(out).toMatch(tableRow('HOLDS_OFFICE', 0, 0, 1, 0, 0));
  expect(out).toMatch(tableRow('PARTICIPATED_IN', 2, 0, 0, 0, 0));
  // The seed: "the talks lasted about two hours"; the invented wire: "about 100 minutes".
  expect(out).toContain(`  meeting:2025-05-16-istanbul-talks durationMinutes: graph 120 (${SEED}) vs document 100`);
  expect(out).toContain(
    `  person:hakan-fidan-HOLDS_OFFICE->org:turkish-foreign-ministry title: graph "Foreign Minister" (${SEED}) vs document "Minister of Foreign Affairs"`,
  );
  expect(out).toContain('conflicts: 2');
  const c = `${counts.nodes} nodes, ${counts.relationships} relationships, ${counts.claims} claims, 1 sources`;
  expect(out).toContain(`before: ${c}`);
  expect(out).toContain(`after:  ${c}`);
  expect(await snapshot()).toBe(before);
});

it('the real import reports what the dry run said; --json carries the same report and the counts', async () => {
  const dry = await cli('import', FIXTURE, '--dry-run', '--json');
  expect(dry.code).toBe(0);
  const planned = JSON.parse(dry.stdout);
  const real = await cli('import', FIXTURE, '--json');
  expect(real.code).toBe(0);
  const done = JSON.parse(real.stdout);
  expect(done.graph).toEqual({ uri: process.env.NEO4J_URI, database: 'neo4j', startedLocalNeo4j: false });
  expect(planned.report.dryRun).toBe(true);
  expect(done.report.dryRun).toBe(false);
  const figures = (r: any) => ({ nodes: r.nodes, relationships: r.relationships, conflicts: r.conflicts });
  expect(figures(done.report)).toEqual(figures(planned.report));
  expect(planned.after).toEqual(planned.before);
  // A call meeting and the source are new nodes; two PARTICIPATED_IN are new relationships; the
  // source claims three nodes and three relationships.
  expect(done.after).toEqual({
    nodes: done.before.nodes + 2,
    relationships: done.before.relationships + 2,
    claims: done.before.claims + 6,
    sources: 2,
  });
});

it('remove-source takes the source out and the counts return to the seed alone', async () => {
  const seeded = await graphCounts(executor);
  await importFactsFile(executor, FIXTURE);
  const run = await cli('remove-source', INVENTED);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`removed ${INVENTED} in one transaction`);
  // Both meetings lose the source's claim; the call, which only it states, goes.
  expect(run.stdout).toMatch(tableRow('Meeting', 0, 0, 0, 2, 1));
  expect(run.stdout).toMatch(tableRow('PARTICIPATED_IN', 0, 0, 0, 2, 2));
  expect(run.stdout).toMatch(tableRow('HOLDS_OFFICE', 0, 0, 0, 1, 0));
  expect(await graphCounts(executor)).toEqual(seeded);
  expect(run.stdout).toContain(
    `after:  ${seeded.nodes} nodes, ${seeded.relationships} relationships, ${seeded.claims} claims, 1 sources`,
  );
});

it('refuses to remove a source that is not there, and another text for a source id unless --replace', async () => {
  const missing = await cli('remove-source', 'source:invented-never-loaded');
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('source:invented-never-loaded');

  await importFactsFile(executor, FIXTURE);
  const before = await snapshot();
  const refused = await cli('import', CORRECTED);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(INVENTED);
  expect(await snapshot()).toBe(before);

  const replaced = await cli('import', CORRECTED, '--replace');
  expect(replaced.stderr).toBe('');
  expect(replaced.code).toBe(0);
  expect(replaced.stdout).toContain(`loaded ${INVENTED} in one transaction (replacing its earlier text`);
  const [row] = await executor.read<{ minutes: number; call: number; text: string }>(
    cypher(
      'test-cli-replaced',
      `MATCH (m:Meeting {id: 'meeting:2025-05-16-istanbul-talks'}), (s:Source {id: $id})
       RETURN m.durationMinutes AS minutes, s.text AS text,
              COUNT { MATCH (c:Meeting {id: 'meeting:2025-05-18-invented-ukraine-turkiye-call'}) } AS call`,
    ),
    { id: INVENTED },
  );
  // The corrected text says 110 minutes and has no call; the invented source is the later one.
  expect(row).toEqual({ minutes: 110, call: 0, text: expect.stringContaining('(Invented Wire, corrected)') });
});
