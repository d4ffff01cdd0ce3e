/**
 * Every facts document in the repository (the seed's and the test fixtures', all written for
 * format version 1) loads into the real Neo4j beside the article, and loading it again changes
 * nothing: the format's first version keeps working as the storage changes underneath it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../../src/graph/migrations';
import { graphCounts, importFactsFile, SEED_FILE } from '../../src/ingest/import';
import { totals } from '../../src/ingest/report';
import { resetGraph, testExecutor } from '../support/graph';

const executor = testExecutor();
const ROOT = path.join(__dirname, '..', '..');

function factsDocuments(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : factsDocuments(full);
    return entry.name.endsWith('.facts.yaml') ? [full] : [];
  });
}

const DOCUMENTS = [...factsDocuments(path.join(ROOT, 'seed')), ...factsDocuments(path.join(ROOT, 'test'))];

beforeAll(() => applyMigrations(executor));
afterAll(() => executor.close());

it('finds the documents: the seed and the invented fixtures', () => {
  expect(DOCUMENTS.length).toBeGreaterThanOrEqual(4);
  for (const file of DOCUMENTS) expect(fs.readFileSync(file, 'utf8')).toMatch(/^version: 1$/m);
});

it.each(DOCUMENTS.map((file) => [path.relative(ROOT, file), file]))(
  '%s loads beside the article, and again changes nothing',
  async (_name, file) => {
    await resetGraph(executor);
    await importFactsFile(executor, SEED_FILE);
    const first = await importFactsFile(executor, file);
    const after = await graphCounts(executor);
    expect(after.sources).toBe(first.sourceId === 'source:2025-05-17-china-daily-istanbul-talks' ? 1 : 2);
    const again = await importFactsFile(executor, file);
    expect(await graphCounts(executor)).toEqual(after);
    for (const rows of [again.nodes, again.relationships]) {
      expect(totals(rows)).toMatchObject({ created: 0, claimed: 0, retracted: 0, deleted: 0 });
    }
  },
);
