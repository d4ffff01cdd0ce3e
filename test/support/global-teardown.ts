/** Stops the Neo4j global-setup started and deletes its data folder. */
import fs from 'node:fs';
import type { LocalNeo4j } from '../../src/graph/local-neo4j';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__diplographTestNeo4j as
    | { neo4j: LocalNeo4j; dataDir: string }
    | undefined;
  if (!started) return;
  await started.neo4j.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true, maxRetries: 5 });
}
