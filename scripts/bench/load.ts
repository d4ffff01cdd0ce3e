/**
 * Load with a mix of the playground's example queries, and the same load through a Neo4j crash.
 * `npm start`'s own process (dist/src/main.js, a child of this one, so its RSS is its own) runs
 * over its own supervised Neo4j (NEO4J_URI unset; a throw-away folder and a free port), seeded
 * with the article. autocannon (loopback only) sends the examples round-robin on `connections`
 * connections for `seconds` seconds:
 *   1. steady: requests/s, p50/p99 latency, failed requests (goal 0), the server's RSS at the
 *      start, peak and end (goal flat), CPU seconds of the server and of Neo4j;
 *   2. crash: the same, with that Neo4j killed (SIGKILL) a third of the way in: failed
 *      requests, seconds from the kill until queries answer again (the server restarts Neo4j
 *      by itself), and whether the node and relationship counts are those from before.
 * A response is failed when its status is not 2xx, it carries GraphQL errors, or it never came.
 * Before the first run, `warmup` untimed seconds of the same load: a fresh Neo4j plans every
 * statement once and its JVM compiles the hot paths, which would otherwise fill the first run's p99.
 *
 *   npm run bench:load -- [seconds=60] [connections=50] [warmup=10]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../../src/config';
import { EXAMPLE_OPERATIONS } from '../../src/examples/examples';
import { freePort } from '../../src/graph/local-neo4j';
import { processCpuSeconds } from './bench-env';

const COUNTS = JSON.stringify({ query: '{ about { nodeCount relationshipCount } }' });

interface Server {
  url: string;
  process: ChildProcess;
  /** The server's log lines (pino JSON), as they come. */
  log: { time: number; level: number; msg: string; err?: { message?: string } }[];
}

/** Starts `node dist/src/main.js` over its own Neo4j and resolves once it says it is ready. */
async function startServer(dataDir: string): Promise<Server> {
  const env = {
    ...process.env,
    NEO4J_URI: '',
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOCAL_NEO4J_PORT: String(await freePort()),
    LOCAL_NEO4J_DATA_DIR: dataDir,
    LOCAL_NEO4J_HEAP_MB: '768',
    LOCAL_NEO4J_PAGECACHE_MB: '128',
    SEED_ON_START: 'true',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
  };
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log: Server['log'] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 240 s')), 240_000);
    child.once('exit', (code) => reject(new Error(`the server exited during start (code ${code})`)));
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as Server['log'][number];
      log.push(entry);
      const ready = /diplograph ready: GraphQL at (\S+)\/graphql/.exec(entry.msg);
      if (ready) {
        clearTimeout(timer);
        resolve({ url: ready[1]!, process: child, log });
      }
    });
  });
}

/** The resident set of a process, in MB, from /proc. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** The Neo4j (java) child of the server now: a restart gives a new one. */
function neo4jPid(serverPid: number): number | undefined {
  const children = fs.readFileSync(`/proc/${serverPid}/task/${serverPid}/children`, 'utf8').trim().split(/\s+/);
  return children.map(Number).find((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'java';
    } catch {
      return false;
    }
  });
}

async function counts(url: string): Promise<{ nodeCount: number; relationshipCount: number }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: COUNTS,
  });
  const body = (await res.json()) as { data?: { about: { nodeCount: number; relationshipCount: number } } };
  if (!body.data) throw new Error(`counts failed: ${JSON.stringify(body)}`);
  return body.data.about;
}

interface RunResult {
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  failed: number;
  timeouts: number;
  rssMb: { start: number; peak: number; end: number };
  serverCpuSeconds: number;
  neo4jCpuSeconds: number;
  /** Neo4j's CPU seconds when the run began (its process's total so far). */
  neo4jCpuAtStart: number;
  /** The first success or failure after a moment (ms since the run began). */
  firstSuccessAfterMs: (ms: number) => number | undefined;
  firstFailureAfterMs: (ms: number) => number | undefined;
  /** The failed requests by error code. */
  failedBy: string;
  /** When the run began (epoch ms). */
  began: number;
}

async function drive(
  server: Server,
  seconds: number,
  connections: number,
  during?: (began: number) => void,
): Promise<RunResult> {
  const pid = server.process.pid!;
  const bodies = EXAMPLE_OPERATIONS.map((op) =>
    JSON.stringify({ query: op.query, variables: op.variables, operationName: op.name }),
  );
  // When each response came, in ms since the run began, by outcome.
  const successes: number[] = [];
  const failures: number[] = [];
  const failedBy = new Map<string, number>();
  let began = 0;
  const rss = { start: rssMb(pid), peak: 0, end: 0 };
  const sampler = setInterval(() => {
    rss.peak = Math.max(rss.peak, rssMb(pid));
  }, 200);
  const cpu0 = { server: processCpuSeconds(pid) ?? 0, neo4j: processCpuSeconds(neo4jPid(pid)) ?? 0 };
  let next = 0;
  const instance = autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          request.body = bodies[next++ % bodies.length]!;
          return request;
        },
        onResponse: (status, body) => {
          const at = Date.now() - began;
          const ok = status >= 200 && status < 300 && !body.includes('"errors"');
          (ok ? successes : failures).push(at);
          if (!ok) {
            const code = /"code":"(\w+)"/.exec(body)?.[1] ?? `HTTP ${status}`;
            failedBy.set(code, (failedBy.get(code) ?? 0) + 1);
          }
        },
      },
    ],
  });
  began = Date.now();
  during?.(began);
  const result = await instance;
  clearInterval(sampler);
  rss.end = rssMb(pid);
  rss.peak = Math.max(rss.peak, rss.end);
  const neo4jNow = processCpuSeconds(neo4jPid(pid)) ?? 0;
  const failed = failures.length + result.errors;
  if (result.timeouts) failedBy.set('no answer within 10 s', result.timeouts);
  if (result.errors > result.timeouts) failedBy.set('connection errors', result.errors - result.timeouts);
  return {
    seconds: result.duration,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    failed,
    timeouts: result.timeouts,
    rssMb: rss,
    serverCpuSeconds: (processCpuSeconds(pid) ?? 0) - cpu0.server,
    neo4jCpuSeconds: neo4jNow - cpu0.neo4j,
    neo4jCpuAtStart: cpu0.neo4j,
    firstSuccessAfterMs: (ms) => successes.find((at) => at > ms),
    firstFailureAfterMs: (ms) => failures.find((at) => at > ms),
    began,
    failedBy: [...failedBy].map(([code, n]) => `${code} ${n}`).join(', '),
  };
}

function report(label: string, r: RunResult): void {
  const mb = (n: number) => n.toFixed(0);
  process.stdout.write(
    `${label}: ${r.requests} requests in ${r.seconds.toFixed(0)} s = ${r.rps.toFixed(0)} req/s, ` +
      `p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms; failed ${r.failed}${r.failed ? ` (${r.failedBy})` : ''}; ` +
      `server RSS ${mb(r.rssMb.start)} → ${mb(r.rssMb.end)} MB (peak ${mb(r.rssMb.peak)}); ` +
      `CPU s: server ${r.serverCpuSeconds.toFixed(1)}, Neo4j ${r.neo4jCpuSeconds.toFixed(1)}\n`,
  );
}

async function main() {
  const seconds = Math.max(3, Number(process.argv[2] ?? 60));
  const connections = Math.min(500, Math.max(1, Number(process.argv[3] ?? 50)));
  const warmup = Math.min(120, Math.max(0, Number(process.argv[4] ?? 10)));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-bench-load-'));
  const server = await startServer(dataDir);
  const pid = server.process.pid!;
  try {
    const before = await counts(server.url);
    process.stdout.write(
      `server pid ${pid} at ${server.url}, Neo4j pid ${neo4jPid(pid)}; ${EXAMPLE_OPERATIONS.length} example ` +
        `operations round-robin, ${connections} connections, ${seconds} s per run; graph: ` +
        `${before.nodeCount} nodes, ${before.relationshipCount} relationships\n`,
    );

    if (warmup > 0) report('warm-up', await drive(server, warmup, connections));
    const steady = await drive(server, seconds, connections);
    report('steady', steady);

    const killAtMs = Math.round((seconds * 1000) / 3);
    let killedAtMs = 0;
    let killedPid: number | undefined;
    let neo4jCpuBeforeKill = 0;
    const crash = await drive(server, seconds, connections, (began) => {
      setTimeout(() => {
        killedPid = neo4jPid(pid);
        if (killedPid === undefined) return;
        neo4jCpuBeforeKill = processCpuSeconds(killedPid) ?? 0;
        process.kill(killedPid, 'SIGKILL');
        killedAtMs = Date.now() - began;
      }, killAtMs);
    });
    // Across a crash Neo4j is two processes: the killed one's share, read just before the kill,
    // and all of its successor's.
    crash.neo4jCpuSeconds = neo4jCpuBeforeKill - crash.neo4jCpuAtStart + (processCpuSeconds(neo4jPid(pid)) ?? 0);
    report('crash', crash);
    // Responses already under way when Neo4j died may still succeed: recovery is the first
    // success after the first failure that follows the kill.
    const outageBegan = crash.firstFailureAfterMs(killedAtMs);
    const recoveredInRun = outageBegan === undefined ? undefined : crash.firstSuccessAfterMs(outageBegan);
    // The run may end before Neo4j is back: wait for it (bounded), then compare the counts.
    let after: Awaited<ReturnType<typeof counts>> | undefined;
    const deadline = Date.now() + 180_000;
    while (!after && Date.now() < deadline) {
      after = await counts(server.url).catch(() => undefined);
      if (!after) await new Promise((r) => setTimeout(r, 200));
    }
    const recoveredMs =
      recoveredInRun !== undefined
        ? recoveredInRun - killedAtMs
        : after
          ? Date.now() - crash.began - killedAtMs
          : undefined;
    process.stdout.write(
      `crash: Neo4j pid ${killedPid} killed at ${(killedAtMs / 1000).toFixed(1)} s; ` +
        (recoveredMs === undefined
          ? 'queries did not answer again'
          : `queries answer again ${(recoveredMs / 1000).toFixed(1)} s after the kill` +
            (recoveredInRun === undefined ? ' (after the run ended)' : '')) +
        `; Neo4j now pid ${neo4jPid(pid)}\n`,
    );
    const same = after?.nodeCount === before.nodeCount && after?.relationshipCount === before.relationshipCount;
    process.stdout.write(
      `counts after: ${after ? `${after.nodeCount} nodes, ${after.relationshipCount} relationships` : 'none'} ` +
        `(${same ? 'unchanged' : 'CHANGED'})\n`,
    );
    // The server's lines about the graph, each distinct one once with how often it came.
    const lines = new Map<string, number>();
    for (const entry of server.log.filter((e) => /neo4j: the local|graph: /.test(e.msg))) {
      const cause = entry.err?.message ? ` (${entry.err.message.slice(0, 60)})` : '';
      const key = `${entry.level >= 40 ? 'warn' : 'info'}: ${entry.msg}${cause}`;
      lines.set(key, (lines.get(key) ?? 0) + 1);
    }
    for (const [line, times] of lines) process.stdout.write(`server log ${line}${times > 1 ? ` (×${times})` : ''}\n`);
    if (steady.failed > 0 || !same) process.exitCode = 1;
  } finally {
    await new Promise<void>((resolve) => {
      if (server.process.exitCode !== null) return resolve();
      server.process.once('exit', () => resolve());
      server.process.kill('SIGTERM');
    });
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
