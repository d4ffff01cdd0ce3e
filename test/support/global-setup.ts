/**
 * Starts the project's own Neo4j once for the whole test run, on a free port with a throw-away
 * data folder, unless NEO4J_URI names a server to use instead. Workers inherit NEO4J_URI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startLocalNeo4j } from '../../src/graph/local-neo4j';

export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-test-neo4j-'));
  const started = Date.now();
  const neo4j = await startLocalNeo4j({
    dataDir,
    port: await freePort(),
    heapMb: 768,
    pagecacheMb: 128,
    log: (line) => process.stderr.write(`\n[test setup] ${line}`),
  });
  process.stderr.write(`\n[test setup] Neo4j ${neo4j.version} up in ${Date.now() - started} ms\n`);
  process.env.NEO4J_URI = neo4j.uri;
  process.env.DIPLOGRAPH_TEST_NEO4J_VERSION = neo4j.version;
  (globalThis as Record<string, unknown>).__diplographTestNeo4j = { neo4j, dataDir };
}
