/**
 * The server survives its database going away: /healthz turns 503 while Neo4j is down, queries
 * fail with UNAVAILABLE (not a crash, not a hang), and both recover when Neo4j is back, without
 * restarting the server. Uses a second Neo4j of its own so the shared one keeps running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../../src/graph/local-neo4j';
import type { RunningServer } from '../../src/server';
import { gql, startTestServer } from '../support/server';

jest.setTimeout(240_000);

let dataDir: string;
let port: number;
let neo4j: LocalNeo4j;
let server: RunningServer;

const start = () => startLocalNeo4j({ dataDir, port, heapMb: 384, pagecacheMb: 32, log: () => undefined });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-restart-'));
  port = await freePort();
  neo4j = await start();
  server = await startTestServer({ NEO4J_URI: neo4j.uri, QUERY_TIMEOUT_MS: '5000' });
});

afterAll(async () => {
  await server?.stop();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
});

async function health(): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: await res.json() };
}

it('reports 503 and UNAVAILABLE while Neo4j is down, and recovers by itself', async () => {
  expect((await health()).status).toBe(200);

  await neo4j.stop();
  const down = await health();
  expect(down.status).toBe(503);
  expect(down.body.neo4j.status).toBe('unavailable');
  const failed = await gql(server, '{ about { nodeCount } }');
  expect(failed.errors?.[0]?.extensions.code).toBe('UNAVAILABLE');

  neo4j = await start();
  let recovered = await health();
  for (let i = 0; i < 30 && recovered.status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 500));
    recovered = await health();
  }
  expect(recovered.status).toBe(200);
  const answered = await gql(server, '{ about { neo4jVersion } }');
  expect(answered.errors).toBeUndefined();
  expect(answered.data.about.neo4jVersion).toMatch(/^5\.26\./);
});
