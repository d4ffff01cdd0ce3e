/**
 * The CLI beside a project Neo4j started on another port (issue 11: `import FILE` silently started
 * a second Neo4j and imported there). A real Neo4j is started through the project's own code path
 * (which writes its run file); the CLI runs as a child process with another LOCAL_NEO4J_PORT and
 * must either use that Neo4j (same data folder) or refuse, and never start a second one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDriver } from '../../src/graph/driver';
import { cypher, Executor } from '../../src/graph/executor';
import { freePort, isListening, type LocalNeo4j, startLocalNeo4j } from '../../src/graph/local-neo4j';
import { RUN_DIR } from '../../src/graph/local-neo4j-registry';
import { ensureCliBuilt, runCli } from '../support/cli';

jest.setTimeout(300_000);

const FIXTURE = 'test/fixtures/invented-wire-follow-up.facts.yaml';
let tmp: string;
let dataDir: string;
let neo4j: LocalNeo4j;
let executor: Executor;

const sources = async () =>
  (
    await executor.read<{ ids: string[] }>(cypher('test-source-ids', 'MATCH (s:Source) RETURN collect(s.id) AS ids'))
  )[0]!.ids;

beforeAll(async () => {
  ensureCliBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-cli-target-'));
  dataDir = path.join(tmp, 'running');
  neo4j = await startLocalNeo4j({
    dataDir,
    port: await freePort(),
    heapMb: 384,
    pagecacheMb: 32,
    log: () => undefined,
  });
  executor = new Executor(createDriver({ uri: neo4j.uri, user: 'neo4j', password: '', connectTimeoutMs: 30_000 }), {
    database: 'neo4j',
    timeoutMs: 30_000,
  });
});

afterAll(async () => {
  await executor?.close();
  await neo4j?.stop();
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
});

it('records the running Neo4j in a run file, by the code path that starts it', () => {
  const port = Number(new URL(neo4j.uri.replace('bolt:', 'http:')).port);
  const record = JSON.parse(fs.readFileSync(path.join(RUN_DIR, `neo4j-${port}.json`), 'utf8'));
  expect(record).toMatchObject({ pid: neo4j.pid, uri: neo4j.uri, port, dataDir: fs.realpathSync(dataDir) });
});

it('refuses to start a second Neo4j over another data folder, and says how to point at the running one', async () => {
  const otherPort = await freePort();
  const otherDir = path.join(tmp, 'never-created');
  const run = await runCli(['import', FIXTURE], {
    LOCAL_NEO4J_PORT: String(otherPort),
    LOCAL_NEO4J_DATA_DIR: otherDir,
  });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`nothing listens on LOCAL_NEO4J_PORT=${otherPort}`);
  expect(run.stderr).toContain(`${neo4j.uri} (data in ${fs.realpathSync(dataDir)}, pid ${neo4j.pid}`);
  expect(run.stderr).toMatch(/NEO4J_URI=bolt:\/\/127\.0\.0\.1:\d+ or LOCAL_NEO4J_PORT=\d+/);
  expect(run.stdout).toBe('');
  expect(await isListening(otherPort)).toBe(false);
  expect(fs.existsSync(otherDir)).toBe(false);
  expect(fs.existsSync(path.join(RUN_DIR, `neo4j-${otherPort}.json`))).toBe(false);
  expect(await sources()).toEqual([]);
});

it('uses the running Neo4j when it holds the configured data folder, and says so', async () => {
  const otherPort = await freePort();
  const run = await runCli(['import', FIXTURE, '--dry-run'], {
    LOCAL_NEO4J_PORT: String(otherPort),
    LOCAL_NEO4J_DATA_DIR: dataDir,
  });
  // This graph has no seed, so the invented document's references to it do not resolve: refused,
  // and the first line says which graph was asked (not only the UNKNOWN_REFERENCE list).
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(
    `graph: ${neo4j.uri}, database neo4j (the project's own Neo4j already running over LOCAL_NEO4J_DATA_DIR`,
  );
  expect(run.stderr).toContain('UNKNOWN_REFERENCE');
  expect(await isListening(otherPort)).toBe(false);

  const seeded = await runCli(['seed'], { LOCAL_NEO4J_PORT: String(otherPort), LOCAL_NEO4J_DATA_DIR: dataDir });
  expect(seeded.stderr).toBe('');
  expect(seeded.code).toBe(0);
  expect(seeded.stdout).toContain(`graph: ${neo4j.uri}, database neo4j`);
  expect(await sources()).toEqual(['source:2025-05-17-china-daily-istanbul-talks']);
  expect(await isListening(otherPort)).toBe(false);
});
