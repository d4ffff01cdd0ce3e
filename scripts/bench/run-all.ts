/**
 * `npm run bench`: every benchmark the issues set goals for, one after another, each as a child
 * process of its own (`node dist/scripts/bench/<name>.js …`, each starting its own Neo4j unless
 * NEO4J_URI is set), and their figures gathered into scripts/bench/RESULTS.md: when, on what
 * machine (cores, memory, load average at start and end), which versions, then one table per
 * benchmark against its goal. Each benchmark prints what people read and ends with one JSON line
 * (result.ts), which is what is read here; a benchmark that fails is reported with its exit code
 * and its last lines, and the others still run.
 *
 *   npm run bench                      full scale (takes about an hour and a half on 2 cores)
 *   npm run bench -- --quick           small scale and few rounds: a smoke run, minutes
 *   npm run bench -- --only throughput,export-http   some of them (names as in the table below)
 *   npm run bench -- --out FILE        write elsewhere than scripts/bench/RESULTS.md
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULT_PREFIX } from './result';

interface Step {
  name: string;
  script: string;
  full: number[];
  quick: number[];
  nodeArgs?: string[];
  /** What the arguments are, for the report. */
  args: string;
}

const STEPS: Step[] = [
  {
    name: 'throughput',
    script: 'throughput.js',
    full: [3000, 10, 3, 10],
    quick: [3000, 3, 1, 10],
    args: 'meetings seconds rounds connections',
  },
  {
    name: 'who-met-whom-3k',
    script: 'who-met-whom.js',
    full: [3000, 300],
    quick: [3000, 40],
    args: 'meetings iterations',
  },
  {
    name: 'who-met-whom-30k',
    script: 'who-met-whom.js',
    full: [30000, 100],
    quick: [30000, 20],
    args: 'meetings iterations',
  },
  {
    name: 'export-http',
    script: 'export-http.js',
    // 12,500 generated meetings are about 100k elements.
    full: [12500, 3, 2],
    quick: [1250, 1, 0],
    nodeArgs: ['--expose-gc'],
    args: 'meetings runs warmup',
  },
  {
    name: 'bulk-import',
    script: 'bulk-import.js',
    full: [100000, 1000000],
    quick: [2000, 20000],
    args: 'actors meetings',
  },
];

interface Outcome {
  step: Step;
  command: string;
  seconds: number;
  code: number | null;
  result?: Json;
  tail: string[];
}
type Json = any;

const ROOT = path.resolve(__dirname, '../../..');

function options() {
  const argv = process.argv.slice(2);
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const only = value('--only')?.split(',');
  const unknown = only?.filter((name) => !STEPS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(', ')}: one of ${STEPS.map((s) => s.name)}`);
  return {
    quick: argv.includes('--quick'),
    steps: only ? STEPS.filter((s) => only.includes(s.name)) : STEPS,
    out: path.resolve(value('--out') ?? path.join(ROOT, 'scripts/bench/RESULTS.md')),
  };
}

function runStep(step: Step, quick: boolean): Promise<Outcome> {
  const args = [
    ...(step.nodeArgs ?? []),
    path.join(__dirname, step.script),
    ...(quick ? step.quick : step.full).map(String),
  ];
  const command = `NODE_ENV=production node ${args.map((a) => path.relative(ROOT, a) || a).join(' ')}`;
  process.stderr.write(`\n=== ${step.name}: ${command}\n`);
  const began = Date.now();
  return new Promise((resolve) => {
    // Servers run as deployed (the Dockerfile's NODE_ENV): graphql-js, for one, checks less then.
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    const tail: string[] = [];
    const keep = (text: string) => {
      for (const line of text.split('\n')) if (line.trim()) tail.push(line);
      tail.splice(0, Math.max(0, tail.length - 12));
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk.toString());
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      keep(chunk.toString());
      process.stderr.write(chunk);
    });
    child.on('close', (code) => {
      const lines = out.join('').split('\n');
      const last = lines.filter((l) => l.startsWith(RESULT_PREFIX)).at(-1);
      let result: Json | undefined;
      try {
        result = last ? JSON.parse(last.slice(RESULT_PREFIX.length)) : undefined;
      } catch {
        result = undefined;
      }
      resolve({ step, command, seconds: (Date.now() - began) / 1000, code, result, tail });
    });
  });
}

function machine() {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2));
  return {
    cores: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: os.totalmem() / 2 ** 30,
    freeGb: os.freemem() / 2 ** 30,
    load: load.join(' '),
    os: `${os.type()} ${os.release()}`,
  };
}

function versions(): [string, string][] {
  const pkg = (name: string) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'))
        .version as string;
    } catch {
      return 'not installed';
    }
  };
  let neo4j = 'unknown';
  try {
    const jar = fs.readdirSync(path.join(ROOT, 'scripts/neo4j/lib')).find((f) => /^neo4j-kernel-\d/.test(f));
    if (jar) neo4j = `${jar.replace(/^neo4j-kernel-|\.jar$/g, '')} (the project's local Neo4j, one per benchmark)`;
  } catch {
    // not resolved yet
  }
  if (process.env.NEO4J_URI) neo4j = `the server at NEO4J_URI=${process.env.NEO4J_URI}`;
  const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
  return [
    ['diplograph', own],
    ['node', process.version],
    ['Neo4j', neo4j],
    ...['neo4j-driver', '@neo4j/graphql', '@apollo/server', 'graphql', 'type-graphql', 'express', 'autocannon'].map(
      (name) => [name, pkg(name)] as [string, string],
    ),
  ];
}

// ---------------------------------------------------------------- the report

const f = (n: number | undefined, digits = 1) =>
  n === undefined || Number.isNaN(n)
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : f(bytes / 1000, 1));
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : '–');
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const header = (cells: string[]) => [row(cells), row(cells.map(() => '---'))];

function throughputTable(r: Json): string[] {
  const lines = [
    `Over ${f(r.meetings, 0)} generated meetings; ${r.connections} connections, ${r.seconds} s per query per server, ` +
      `${r.rounds} round(s), the order of the two servers swapped each round; medians over rounds. CPU is per request, ` +
      "of each GraphQL server's process and of Neo4j's; Bolt kB is what each server read from Neo4j per request. " +
      'Goals: ratio ≥ 1.2, Bolt bytes within 1.5x.',
    '',
    ...header([
      'query',
      'ours req/s',
      '@neo4j/graphql req/s',
      'ratio',
      'ours p50 / p99 ms',
      'theirs p50 / p99 ms',
      'server CPU ms o / t',
      'Neo4j CPU ms o / t',
      'round trips o / t',
      'Bolt kB o / t',
      'bytes ratio',
    ]),
  ];
  for (const q of r.queries as Json[]) {
    const [o, t] = [q.ours, q.theirs];
    lines.push(
      row([
        q.name,
        f(o.rps),
        f(t.rps),
        ratio(o.rps, t.rps),
        `${f(o.p50Ms, 0)} / ${f(o.p99Ms, 0)}`,
        `${f(t.p50Ms, 0)} / ${f(t.p99Ms, 0)}`,
        `${f(o.serverCpuMsPerRequest)} / ${f(t.serverCpuMsPerRequest)}`,
        `${f(o.neo4jCpuMsPerRequest)} / ${f(t.neo4jCpuMsPerRequest)}`,
        `${o.roundTrips} / ${t.roundTrips}`,
        `${kb(o.boltBytesPerRequest)} / ${kb(t.boltBytesPerRequest)}`,
        ratio(o.boltBytesPerRequest, t.boltBytesPerRequest),
      ]),
    );
  }
  lines.push('', ...(r.queries as Json[]).map((q) => `- ${q.name}: ${q.description}`));
  return lines;
}

function whoMetWhomTable(results: Json[]): string[] {
  const lines = [
    'whoMetWhom (first 100 counterparts) through HTTP + GraphQL against the same answer by hand-written Cypher on the ' +
      'raw driver, alternating, one request at a time. CPU per request is of the bench process (client and server ' +
      'for the API; the driver for Cypher) and of Neo4j. Goals: p50 ratio ≤ 1.3, p99 ratio ≤ 1.5.',
    '',
    ...header([
      'meetings',
      'iterations',
      'API p50 / p99 ms',
      'Cypher p50 / p99 ms',
      'p50 ratio',
      'p99 ratio',
      'CPU ms API / Cypher',
      'Neo4j CPU ms API / Cypher',
      'Bolt kB API / Cypher',
    ]),
  ];
  for (const r of results) {
    lines.push(
      row([
        f(r.meetings, 0),
        r.iterations,
        `${f(r.api.median)} / ${f(r.api.p99)}`,
        `${f(r.raw.median)} / ${f(r.raw.p99)}`,
        ratio(r.api.median, r.raw.median),
        ratio(r.api.p99, r.raw.p99),
        `${f(r.api.cpuMsPerRequest)} / ${f(r.raw.cpuMsPerRequest)}`,
        `${f(r.api.neo4jCpuMsPerRequest)} / ${f(r.raw.neo4jCpuMsPerRequest)}`,
        `${kb(r.api.boltBytesPerRequest)} / ${kb(r.raw.boltBytesPerRequest)}`,
      ]),
    );
  }
  return lines;
}

function exportTable(r: Json): string[] {
  const lines = [
    `GET /export of the whole generated graph (${f(r.elements, 0)} elements: ${f(r.meetings, 0)} meetings) to curl, ` +
      `${r.warmup} untimed round(s), then ${r.runs} timed download(s) per format (medians). Goal: 100k elements/s ` +
      'with flat memory.',
    '',
    ...header(['format', 'MB', 'median s', 'elements/s', 'first byte s', 'CPU s server / Neo4j', 'RSS growth MB']),
  ];
  for (const x of r.formats as Json[]) {
    lines.push(
      row([
        x.format,
        f(x.bytes / 1e6),
        f(x.medianSeconds, 2),
        f(x.elementsPerSecond, 0),
        f(x.firstByteSeconds, 2),
        `${f(x.serverCpuSeconds, 2)} / ${f(x.neo4jCpuSeconds, 2)}`,
        f(x.rssGrowthMb, 0),
      ]),
    );
  }
  return lines;
}

function bulkTable(r: Json): string[] {
  if (r.path === 'importer') {
    return [
      `${f(r.actors, 0)} actors and ${f(r.meetings, 0)} meetings (${f(r.written.nodes, 0)} nodes, ` +
        `${f(r.written.relationships, 0)} relationships, ${f(r.written.claims, 0)} claims) into an empty store through ` +
        "Neo4j's importer (src/ingest/bulk-store.ts). Goal: 50k relationships/s.",
      '',
      ...header([
        'CSV s',
        'importer s',
        'start s',
        'lists and indexes s',
        'total s',
        'relationships/s',
        'importer alone rels/s',
      ]),
      row([
        f(r.seconds.csv),
        f(r.seconds.importer),
        f(r.seconds.start),
        f(r.seconds.finish),
        f(r.seconds.total),
        f(r.relationshipsPerSecond, 0),
        f(r.importerRelationshipsPerSecond, 0),
      ]),
      '',
      ...(r.queries as string[]).map((line) => `- ${line.trim()}`),
    ];
  }
  const lines = [
    `${f(r.actors, 0)} actors and ${f(r.meetings, 0)} meetings (${f(r.expected.nodes, 0)} nodes, ` +
      `${f(r.expected.relationships, 0)} relationships) into an empty graph, then the same again (must change nothing: ` +
      `${r.identicalAfterReload ? 'it did not' : 'IT DID'}). Goal: 50k relationships/s.`,
    '',
    ...header(['load', 's', 'nodes/s', 'relationships/s', 'transactions', 'Neo4j CPU s', 'bench CPU s', 'peak RSS MB']),
  ];
  for (const [name, x] of [
    ['empty graph', r.first],
    ['same data again', r.second],
  ] as const) {
    lines.push(
      row([
        name,
        f(x.seconds),
        f(x.nodesPerSecond, 0),
        f(x.relationshipsPerSecond, 0),
        x.batches,
        f(x.neo4jCpuSeconds, 0),
        f(x.nodeCpuSeconds, 0),
        f(x.peakRssMb, 0),
      ]),
    );
  }
  return lines;
}

function report(
  outcomes: Outcome[],
  quick: boolean,
  start: ReturnType<typeof machine>,
  end: ReturnType<typeof machine>,
  began: Date,
) {
  const by = (name: string) => outcomes.find((o) => o.step.name === name);
  const ok = (o: Outcome | undefined) => (o?.code === 0 && o.result ? o.result : undefined);
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` (scripts/bench/run-all.ts); started ${began.toISOString()}, ` +
      `took ${f((Date.now() - began.getTime()) / 60000)} min.`,
    '',
  ];
  if (quick) {
    lines.push(
      '> **A quick run**: small scales and few rounds, on a shared machine that other work kept loaded (see the load ' +
        'average). The figures show the benchmarks run and roughly where we stand; the goals are judged on a full ' +
        'run (`npm run bench`) on a quiet machine.',
      '',
    );
  }
  lines.push(
    '## Machine',
    '',
    `${start.cores} cores (${start.model}), ${f(start.memoryGb)} GB memory (${f(start.freeGb)} GB free at start), ${start.os}.`,
    `Load average (1, 5, 15 min): ${start.load} at start, ${end.load} at end.`,
    '',
    '## Versions',
    '',
    ...header(['', 'version']),
    ...versions().map(([name, version]) => row([name, version])),
    '',
  );
  const throughput = ok(by('throughput'));
  if (throughput) lines.push('## Throughput against @neo4j/graphql', '', ...throughputTable(throughput), '');
  const wmw = [ok(by('who-met-whom-3k')), ok(by('who-met-whom-30k'))].filter(Boolean);
  if (wmw.length > 0) lines.push('## whoMetWhom against hand-written Cypher', '', ...whoMetWhomTable(wmw), '');
  const exported = ok(by('export-http'));
  if (exported) lines.push('## Export over HTTP', '', ...exportTable(exported), '');
  const bulk = ok(by('bulk-import'));
  if (bulk) lines.push('## Bulk load', '', ...bulkTable(bulk), '');
  const failed = outcomes.filter((o) => !ok(o));
  if (failed.length > 0) {
    lines.push('## Did not complete', '');
    for (const o of failed) {
      lines.push(
        `### ${o.step.name}`,
        '',
        `\`${o.command}\` ${o.code === 0 ? 'printed no result line' : `exited with ${o.code}`} after ${f(o.seconds, 0)} s; its last lines:`,
        '',
        '```',
        ...o.tail.map((l) => l.slice(0, 300)),
        '```',
        '',
      );
    }
  }
  lines.push(
    '## Commands',
    '',
    ...header(['benchmark', 'command (arguments: see the script)', 'took']),
    ...outcomes.map((o) => row([o.step.name, `\`${o.command}\` (${o.step.args})`, `${f(o.seconds, 0)} s`])),
    '',
  );
  return lines.join('\n');
}

async function main() {
  const { quick, steps, out } = options();
  const began = new Date();
  const start = machine();
  const outcomes: Outcome[] = [];
  for (const step of steps) outcomes.push(await runStep(step, quick));
  const text = report(outcomes, quick, start, machine(), began);
  fs.writeFileSync(out, text);
  process.stderr.write(`\nwrote ${path.relative(process.cwd(), out)}\n`);
  if (outcomes.some((o) => o.code !== 0)) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
