/**
 * The server supervises its own Neo4j (NEO4J_URI unset): when that Neo4j is killed, the death is
 * logged as a warning with its signal, requests answer UNAVAILABLE at once and /healthz a 503 at
 * once, and the server brings Neo4j back by itself (logging the outage's length), after which
 * queries answer again over the same data. Uses a Neo4j of its own (own folder and port), so the
 * shared test Neo4j keeps running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { freePort } from '../../src/graph/local-neo4j';
import { type RunningServer, startServer } from '../../src/server';
import { gql } from '../support/server';

jest.setTimeout(300_000);

let dataDir: string;
let server: RunningServer;
const logLines: { level: number; msg: string }[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-supervision-'));
  const config = loadConfig({
    PORT: '0',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    SEED_ON_START: 'true',
    LOCAL_NEO4J_PORT: String(await freePort()),
    LOCAL_NEO4J_DATA_DIR: dataDir,
    LOCAL_NEO4J_HEAP_MB: '384',
    LOCAL_NEO4J_PAGECACHE_MB: '32',
    QUERY_TIMEOUT_MS: '5000',
  });
  expect(config.NEO4J_URI).toBeUndefined();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  server = await startServer(config, pino({ level: 'info' }, sink));
});

afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
});

const COUNTS = '{ about { nodeCount relationshipCount } }';
const WARN = 40;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const began = Date.now();
  const value = await work();
  return { ms: Date.now() - began, value };
}

async function health(): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: await res.json() };
}

it('restarts its own Neo4j after a kill -9, failing fast meanwhile, with the data unchanged', async () => {
  const local = server.graph.local;
  expect(local?.ownedByUs).toBe(true);
  const before = await gql(server, COUNTS);
  expect(before.errors).toBeUndefined();
  // The article's graph is far from empty; its exact counts are whatever they were before the kill.
  expect(before.data.about.nodeCount).toBeGreaterThan(20);
  const firstPid = local!.pid!;

  process.kill(firstPid, 'SIGKILL');
  // The supervisor hears of the exit within moments.
  for (let i = 0; i < 50 && local!.state === 'up'; i++) await new Promise((r) => setTimeout(r, 20));
  expect(local!.state).not.toBe('up');

  const refused = await timed(() => gql(server, COUNTS));
  expect(refused.ms).toBeLessThan(2000);
  expect(refused.value.errors?.[0]?.extensions.code).toBe('UNAVAILABLE');
  const degraded = await timed(health);
  expect(degraded.ms).toBeLessThan(1000);
  expect(degraded.value.status).toBe(503);
  expect(degraded.value.body.status).toBe('degraded');
  expect(['down', 'starting']).toContain(degraded.value.body.neo4j.state);

  const death = logLines.find((l) => l.level === WARN && l.msg.includes(`pid ${firstPid}`));
  expect(death?.msg).toMatch(/died \(signal SIGKILL\)/);

  // While it restarts, every request keeps failing fast.
  const slowest = { ms: 0 };
  let recovered = false;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const attempt = await timed(() => gql(server, COUNTS));
    if (!attempt.value.errors) {
      recovered = true;
      break;
    }
    expect(attempt.value.errors[0]?.extensions.code).toBe('UNAVAILABLE');
    slowest.ms = Math.max(slowest.ms, attempt.ms);
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(recovered).toBe(true);
  expect(slowest.ms).toBeLessThan(2000);
  expect(local!.state).toBe('up');
  expect(local!.pid).not.toBe(firstPid);

  const back = logLines.find((l) => /the local Neo4j is back .* after an outage of \d+\.\d s/.test(l.msg));
  expect(back).toBeDefined();
  const after = await gql(server, COUNTS);
  expect(after.data.about).toEqual(before.data.about);
  expect((await health()).status).toBe(200);
});
