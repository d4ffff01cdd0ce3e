/**
 * Run files and the CLI's choice of Neo4j, with plain TCP listeners standing in for Neo4j (the
 * choice looks only at the records, the processes and the ports; test/e2e/cli-target.test.ts does
 * it with a real Neo4j).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { errorCode } from '../../../src/errors';
import { freePort } from '../../../src/graph/local-neo4j';
import { recordedLocalNeo4js, registerLocalNeo4j } from '../../../src/graph/local-neo4j-registry';
import { chooseLocalTarget } from '../../../src/graph/local-target';

let runDir: string;
let dataDir: string;
const listeners: net.Server[] = [];

async function listen(): Promise<number> {
  const port = await freePort();
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  listeners.push(server);
  return port;
}

function record(port: number, pid = process.pid, dir = dataDir) {
  return registerLocalNeo4j(
    { pid, port, uri: `bolt://127.0.0.1:${port}`, dataDir: dir, startedAt: '2025-05-18T10:00:00.000Z' },
    runDir,
  );
}

beforeEach(() => {
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-run-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-data-'));
});
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('records a running Neo4j, forgets it on unregister, and drops the record of a dead process', () => {
  const unregister = record(7001);
  expect(recordedLocalNeo4js(runDir).map((n) => n.port)).toEqual([7001]);
  unregister();
  expect(fs.readdirSync(runDir)).toEqual([]);

  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  record(7002, dead);
  expect(recordedLocalNeo4js(runDir)).toEqual([]);
  expect(fs.readdirSync(runDir)).toEqual([]);
});

it('keeps the configured port when nothing of the project runs elsewhere', async () => {
  expect(await chooseLocalTarget({ port: await freePort(), dataDir }, runDir)).toEqual({ kind: 'configured' });
});

it('keeps the configured port when something listens there, whatever runs elsewhere', async () => {
  record(await listen(), process.pid, '/somewhere/else');
  expect(await chooseLocalTarget({ port: await listen(), dataDir }, runDir)).toEqual({ kind: 'configured' });
});

it('uses the one running on another port over the configured data folder, however the folder is spelt', async () => {
  const port = await listen();
  record(port);
  const spelt = path.join(dataDir, '..', path.basename(dataDir));
  const choice = await chooseLocalTarget({ port: await freePort(), dataDir: spelt }, runDir);
  expect(choice).toEqual({
    kind: 'running',
    neo4j: expect.objectContaining({ port, uri: `bolt://127.0.0.1:${port}` }),
  });
});

it('refuses, saying how to point at it, when the one running elsewhere holds another data folder', async () => {
  const port = await listen();
  record(port, process.pid, '/srv/diplograph-other');
  const configured = await freePort();
  const error = await chooseLocalTarget({ port: configured, dataDir }, runDir).catch((e: unknown) => e);
  expect(errorCode(error)).toBe('CONFLICT');
  const message = (error as Error).message;
  expect(message).toContain(`LOCAL_NEO4J_PORT=${configured}`);
  expect(message).toContain(`bolt://127.0.0.1:${port} (data in /srv/diplograph-other`);
  expect(message).toContain(`NEO4J_URI=bolt://127.0.0.1:${port} or LOCAL_NEO4J_PORT=${port}`);
});

it('ignores a record whose process lives but whose port is silent (a reused pid)', async () => {
  record(await freePort(), process.pid, '/srv/diplograph-other');
  expect(await chooseLocalTarget({ port: await freePort(), dataDir }, runDir)).toEqual({ kind: 'configured' });
});
