/**
 * `bulk-load` as a user runs it (a child process): the seed article and an invented follow-up
 * written by Neo4j's importer into a new store folder, then the schema built on it. Its counts
 * must be those of importing the same two documents one after the other into the test Neo4j;
 * a folder that already holds a database, and a NEO4J_URI, are refused before anything is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '../../src/graph/migrations';
import { graphCounts, importFactsFile, SEED_FILE } from '../../src/ingest/import';
import { ensureCliBuilt, runCli } from '../support/cli';
import { resetGraph, testExecutor } from '../support/graph';

jest.setTimeout(240_000);

const executor = testExecutor();
const FIXTURE = 'test/fixtures/invented-wire-follow-up.facts.yaml';
let tmp: string;

beforeAll(() => {
  ensureCliBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-cli-bulk-'));
});
afterAll(async () => {
  await executor.close();
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
});

it('writes the graph that importing the documents one by one writes, and refuses a second load', async () => {
  await resetGraph(executor);
  await applyMigrations(executor);
  await importFactsFile(executor, SEED_FILE);
  await importFactsFile(executor, FIXTURE);
  const c = await graphCounts(executor);
  expect(c.sources).toBe(2);

  const dataDir = path.join(tmp, 'store');
  const run = await runCli(['bulk-load', SEED_FILE, FIXTURE, '--data-dir', dataDir], {});
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`graph: ${dataDir}`);
  expect(run.stdout).toContain(
    `after:  ${c.nodes} nodes, ${c.relationships} relationships, ${c.claims} claims, ${c.sources} sources`,
  );

  const again = await runCli(['bulk-load', SEED_FILE, '--data-dir', dataDir], {});
  expect(again.code).not.toBe(0);
  expect(again.stderr).toContain('already holds a database');
});

it('refuses NEO4J_URI: the bulk path writes a store offline, never a running graph', async () => {
  const dataDir = path.join(tmp, 'never-written');
  const run = await runCli(['bulk-load', SEED_FILE, '--data-dir', dataDir], { NEO4J_URI: process.env.NEO4J_URI! });
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain('unset NEO4J_URI');
  expect(fs.existsSync(dataDir)).toBe(false);
});
