/**
 * Shared set-up of the benchmarks: a Neo4j of their own (the project's local one on a free port
 * with a throw-away folder, or NEO4J_URI), loaded with a generated graph, and a running server.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createDriver } from '../../src/graph/driver';
import { Executor } from '../../src/graph/executor';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../../src/graph/local-neo4j';
import { applyMigrations } from '../../src/graph/migrations';
import { loadPlansInBatches } from '../../src/ingest/bulk';
import type { LoadPlan } from '../../src/ingest/load';
import { createLogger } from '../../src/logger';
import { type RunningServer, startServer } from '../../src/server';
import { type Fixture, generateFixture } from '../../test/support/fixture';

const BATCH_ROWS = 5_000;

export interface BenchEnv {
  uri: string;
  executor: Executor;
  server: RunningServer;
  fixture: Fixture;
  /** The process id of the Neo4j the benchmark started (none when NEO4J_URI is set). */
  neo4jPid?: number;
  close(): Promise<void>;
}

/**
 * `extra`: plans of further sources loaded after the fixture (each may claim more about the
 * fixture's elements). Everything loads in batches of `BATCH_ROWS` rows, a transaction each, so
 * the fixture's size is not bounded by Neo4j's transaction memory (the bench's heap is 1 GB).
 */
export async function benchEnv(
  meetings: number,
  extra: (fixture: Fixture) => LoadPlan[] = () => [],
): Promise<BenchEnv> {
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-bench-'));
    local = await startLocalNeo4j({
      dataDir,
      port: await freePort(),
      heapMb: 1024,
      pagecacheMb: 512,
      log: () => undefined,
    });
    uri = local.uri;
  }
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, PORT: '0', LOG_LEVEL: 'silent', SEED_ON_START: 'false' });
  const executor = new Executor(
    createDriver({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, connectTimeoutMs: 60_000 }),
    { database: config.NEO4J_DATABASE, timeoutMs: 600_000 },
  );
  await applyMigrations(executor);
  const fixture = generateFixture(meetings);
  const loaded = await loadPlansInBatches(executor, [fixture.plan, ...extra(fixture)], {
    batchRows: BATCH_ROWS,
    timeoutMs: 600_000,
  });
  process.stderr.write(
    `loaded ${loaded.nodes} nodes and ${loaded.relationships} relationships in ${loaded.batches} transactions, ${loaded.milliseconds} ms\n`,
  );
  const server = await startServer(config, createLogger('silent'));
  return {
    uri,
    executor,
    server,
    fixture,
    neo4jPid: local?.pid,
    async close() {
      await server.stop();
      await executor.close();
      await local?.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

export interface Summary {
  median: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Median (p50), 95th and 99th percentiles (nearest rank) and mean of a list of milliseconds. */
export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/** CPU seconds a process has used so far (user + system), from /proc; undefined when unknown. */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100;
