/**
 * Bulk import of a synthetic graph into a Neo4j of its own, by one of two paths:
 *
 *  - `transactions`: the project's loader (`loadPlansInBatches`: the statements of a facts
 *    document, batches of `batchRows` rows, one transaction each), loaded twice: the second
 *    load of the same stream must change no count;
 *  - `importer` (default): the bulk path for an empty graph (`importPlansIntoNewStore`: the same
 *    claims and derived values, written by Neo4j's own importer into a new store), then the
 *    Neo4j started on it, the schema built (`finishBulkImport`), and the latency of whoMetWhom
 *    for the busiest actor, a page of meetings and a search, over GraphQL.
 *
 * The graph is generated as a stream of sources, each holding `chunk` entities and the text their
 * quotes are taken from, so memory stays flat however large the graph. It is skewed: a tenth of
 * the meetings have one of 100 "hub" people as a party, and one in a hundred has person 0.
 *
 *   npm run bench:bulk-import -- [actors=10000] [meetings=100000] [batchRows=10000] [heapMb=2048] [pagecacheMb=2048] [path=importer]
 *
 * The full brief's size is `100000 1000000`.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../../src/config';
import { createDriver } from '../../src/graph/driver';
import { Executor } from '../../src/graph/executor';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../../src/graph/local-neo4j';
import { applyMigrations } from '../../src/graph/migrations';
import { type BulkBatch, loadPlansInBatches } from '../../src/ingest/bulk';
import { finishBulkImport, importPlansIntoNewStore } from '../../src/ingest/bulk-store';
import type { LoadEdge, LoadNode, LoadPlan } from '../../src/ingest/load';
import { createLogger } from '../../src/logger';
import { type Evidence, edgeId } from '../../src/model/elements';
import { MeetingStatus, NodeKind, ParticipantRole, PlaceKind, RelType } from '../../src/model/vocabulary';
import { startServer } from '../../src/server';
import { reportResult } from './result';

const CHUNK = 10_000;

interface Scale {
  actors: number;
  meetings: number;
}

/** How many of each the synthetic graph has; exact, so the loaded graph can be checked against it. */
function shape({ actors, meetings }: Scale) {
  const countries = Math.max(10, Math.round(actors * 0.002));
  const people = actors - countries;
  const cities = Math.max(20, Math.round(actors / 100));
  const venues = cities * 4;
  const count = (n: number, every: number, below: number) => Math.floor(n / every) * below + Math.min(below, n % every);
  const mediated = count(meetings, 4, 1); // meetings i with i % 4 === 0 have a mediator
  const hosted = count(meetings, 10, 3); // meetings i with i % 10 < 3 have a host country
  const sources = 1 + Math.ceil(people / CHUNK) + Math.ceil(meetings / CHUNK);
  const nodes = countries + people + cities + venues + meetings + sources;
  const relationships = cities + venues + people + meetings + 2 * meetings + mediated + hosted;
  return { countries, people, cities, venues, meetings, sources, nodes, relationships };
}

/** The same linear congruential sequence as the test fixture: every run generates the same graph. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** One source document being written: its text grows by a sentence per quote. */
class SourceBuilder {
  readonly nodes: LoadNode[] = [];
  readonly edges: LoadEdge[] = [];
  private readonly sentences: string[] = [];
  private length = 0;

  constructor(readonly id: string) {}

  quote(text: string): Evidence[] {
    const offset = this.length;
    this.sentences.push(text);
    this.length += text.length + 1;
    return [{ sourceId: this.id, quote: text, offset }];
  }

  node(id: string, kind: NodeKind, props: LoadNode['props'], evidence: Evidence[]): void {
    this.nodes.push({ id, kind, props, evidence });
  }

  edge(type: RelType, from: string, to: string, props: LoadEdge['props'], evidence: Evidence[]): void {
    this.edges.push({ id: edgeId(from, type, to), type, from, to, props, evidence });
  }

  plan(title: string): LoadPlan {
    const text = this.sentences.join('\n');
    const source: LoadNode = { id: this.id, kind: NodeKind.Source, props: { name: title, title, text }, evidence: [] };
    return { sourceId: this.id, nodes: [source, ...this.nodes], edges: this.edges };
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const countryId = (i: number) =>
  `country:${String.fromCharCode(65 + Math.floor(i / 676))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}${String.fromCharCode(65 + (i % 26))}`;
const personId = (i: number) => `person:synthetic-${pad(i, 6)}`;
const cityId = (i: number) => `place:synthetic-city-${pad(i, 5)}`;
const venueId = (i: number) => `place:synthetic-venue-${pad(i, 5)}`;
const meetingId = (i: number) => `meeting:synthetic-${pad(i, 7)}`;

/**
 * The synthetic graph as a stream of plans, one source each: places and countries; people in
 * chunks (each holding an office of a country); meetings in chunks (each held at a venue, with two
 * parties, sometimes a mediator and a host country). Nothing is kept between chunks.
 */
function* synthetic(scale: Scale, seed = 7): Generator<LoadPlan> {
  const s = shape(scale);
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);

  const world = new SourceBuilder('source:synthetic-world');
  for (let i = 0; i < s.countries; i++) {
    const id = countryId(i);
    const name = `Country ${i}`;
    world.node(id, NodeKind.Country, { name, iso3: id.slice(8), aliases: [] }, world.quote(`${name} is a state.`));
  }
  for (let i = 0; i < s.cities; i++) {
    const country = i % s.countries;
    const evidence = world.quote(`City ${i} is in Country ${country}.`);
    world.node(cityId(i), NodeKind.Place, { name: `City ${i}`, placeKind: PlaceKind.CITY }, evidence);
    world.edge(RelType.LOCATED_IN, cityId(i), countryId(country), {}, evidence);
  }
  for (let i = 0; i < s.venues; i++) {
    const city = i % s.cities;
    const evidence = world.quote(`Venue ${i} is in City ${city}.`);
    world.node(venueId(i), NodeKind.Place, { name: `Venue ${i}`, placeKind: PlaceKind.VENUE }, evidence);
    world.edge(RelType.LOCATED_IN, venueId(i), cityId(city), {}, evidence);
  }
  yield world.plan('Synthetic world: countries and places');

  for (let first = 0; first < s.people; first += CHUNK) {
    const source = new SourceBuilder(`source:synthetic-people-${pad(first / CHUNK, 4)}`);
    for (let i = first; i < Math.min(s.people, first + CHUNK); i++) {
      const country = pick(s.countries);
      const evidence = source.quote(`Person ${i} is a minister of Country ${country}.`);
      source.node(personId(i), NodeKind.Person, { name: `Person ${i}`, aliases: [] }, evidence);
      source.edge(RelType.HOLDS_OFFICE, personId(i), countryId(country), { title: 'Minister' }, evidence);
    }
    yield source.plan(`Synthetic register of people, part ${first / CHUNK}`);
  }

  for (let first = 0; first < s.meetings; first += CHUNK) {
    const source = new SourceBuilder(`source:synthetic-meetings-${pad(first / CHUNK, 4)}`);
    for (let i = first; i < Math.min(s.meetings, first + CHUNK); i++) {
      const date = `${2000 + pick(25)}-${pad(1 + pick(12), 2)}-${pad(1 + pick(28), 2)}`;
      const venue = pick(s.venues);
      // Skewed: person 0 is a party to 1 % of the meetings, the 100 hubs to 9 % more.
      const r = next();
      const a = r < 0.01 ? 0 : r < 0.1 ? pick(Math.min(100, s.people)) : pick(s.people);
      const b = (a + 1 + pick(s.people - 1)) % s.people;
      let mediator: number | null = null;
      if (i % 4 === 0) {
        // A third person, neither party: the k-th of the others.
        mediator = pick(s.people - 2);
        if (mediator >= Math.min(a, b)) mediator += 1;
        if (mediator >= Math.max(a, b)) mediator += 1;
      }
      const host = i % 10 < 3 ? pick(s.countries) : null;
      const text =
        `On ${date} Person ${a} and Person ${b} met at Venue ${venue}` +
        (mediator === null ? '' : `, mediated by Person ${mediator}`) +
        (host === null ? '' : `, hosted by Country ${host}`) +
        ` (meeting ${i}).`;
      const evidence = source.quote(text);
      const id = meetingId(i);
      source.node(
        id,
        NodeKind.Meeting,
        {
          name: `Synthetic meeting ${i}`,
          date,
          datePrecision: 'DAY',
          dateStart: date,
          dateEnd: date,
          status: MeetingStatus.HELD,
        },
        evidence,
      );
      source.edge(RelType.HELD_AT, id, venueId(venue), {}, evidence);
      source.edge(RelType.PARTICIPATED_IN, personId(a), id, { role: ParticipantRole.PARTY }, evidence);
      source.edge(RelType.PARTICIPATED_IN, personId(b), id, { role: ParticipantRole.PARTY }, evidence);
      if (mediator !== null) {
        source.edge(RelType.PARTICIPATED_IN, personId(mediator), id, { role: ParticipantRole.MEDIATOR }, evidence);
      }
      if (host !== null) {
        source.edge(RelType.PARTICIPATED_IN, countryId(host), id, { role: ParticipantRole.HOST }, evidence);
      }
    }
    yield source.plan(`Synthetic dispatches of meetings, part ${first / CHUNK}`);
  }
}

interface Counts {
  /** Graph nodes (Entity), not counting Claim nodes. */
  nodes: number;
  claims: number;
  relationships: number;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
  nodeEvidence: number;
  relationshipEvidence: number;
}

async function counts(executor: Executor): Promise<Counts> {
  const [totals] = await executor.read<{ nodes: number; relationships: number; claims: number }>({
    name: 'bench-counts',
    text: 'CALL () { MATCH (n:Entity) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } CALL () { MATCH (c:Claim) RETURN count(c) AS claims } RETURN nodes, relationships, claims',
  });
  const byLabel: Record<string, number> = {};
  for (const label of Object.values(NodeKind)) {
    const [row] = await executor.read<{ n: number }>({
      name: 'bench-count-label',
      text: `MATCH (n:${label}) RETURN count(n) AS n`,
    });
    if (row!.n > 0) byLabel[label] = row!.n;
  }
  const byType: Record<string, number> = {};
  for (const type of Object.values(RelType)) {
    const [row] = await executor.read<{ n: number }>({
      name: 'bench-count-type',
      text: `MATCH ()-[r:${type}]->() RETURN count(r) AS n`,
    });
    if (row!.n > 0) byType[type] = row!.n;
  }
  // Evidence entries: a second load must replace its quotes, not append them again.
  const [evidence] = await executor.read<{ nodes: number; relationships: number }>({
    name: 'bench-count-evidence',
    text: `CALL () { MATCH (n:Entity) RETURN sum(size(coalesce(n.evidenceQuotes, []))) AS nodes }
           CALL () { MATCH ()-[r]->() RETURN sum(size(coalesce(r.evidenceQuotes, []))) AS relationships }
           RETURN nodes, relationships`,
  });
  return {
    nodes: totals!.nodes,
    claims: totals!.claims,
    relationships: totals!.relationships,
    byLabel,
    byType,
    nodeEvidence: evidence!.nodes,
    relationshipEvidence: evidence!.relationships,
  };
}

interface RunFigures {
  seconds: number;
  nodes: number;
  relationships: number;
  nodeSeconds: number;
  relationshipSeconds: number;
  batches: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** CPU time used meanwhile by Neo4j's process and by this one, in seconds. */
  neo4jCpuSeconds: number;
  nodeCpuSeconds: number;
}

/** CPU time a process has used so far (Linux /proc), in seconds; NaN when it cannot be read. */
function processCpuSeconds(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

/** How busy the machine is: the load average and, where the kernel reports it, CPU pressure. */
function machineLoad(): string {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  let pressure = '';
  try {
    const some = fs.readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0]!;
    pressure = `, CPU pressure ${some.replace('some ', '')}`;
  } catch {
    // not Linux, or no PSI
  }
  return `load average ${load} on ${os.cpus().length} CPUs${pressure}`;
}

async function load(
  executor: Executor,
  scale: Scale,
  batchRows: number,
  label: string,
  neo4jPid: number | undefined,
): Promise<RunFigures> {
  const expected = shape(scale);
  const bar = new SingleBar({
    format: `${label} {bar} {percentage}% | {value}/{total} rows | {nodes} nodes, {rels} rels | {rate} rows/s | rss {rss} MB | eta {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 20,
    // Also when stderr is a file or a pipe: one line every 10 s.
    noTTYOutput: true,
    notTTYSchedule: 10_000,
  });
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 200);
  let rows = 0;
  let nodes = 0;
  let rels = 0;
  let nodeMs = 0;
  let relMs = 0;
  const began = Date.now();
  const cpu0 = { neo4j: processCpuSeconds(neo4jPid), node: process.cpuUsage() };
  bar.start(expected.nodes + expected.relationships, 0, { nodes: 0, rels: 0, rate: 0, rss: 0 });
  try {
    const result = await loadPlansInBatches(executor, synthetic(scale), {
      batchRows,
      timeoutMs: 600_000,
      onBatch: (b: BulkBatch) => {
        sample();
        rows += b.nodes + b.relationships;
        nodes += b.nodes;
        rels += b.relationships;
        if (b.nodes > 0) nodeMs += b.milliseconds;
        else relMs += b.milliseconds;
        bar.update(rows, {
          nodes,
          rels,
          rate: Math.round(rows / ((Date.now() - began) / 1000)),
          rss: Math.round(peakRss / 2 ** 20),
        });
      },
    });
    bar.stop();
    const nodeCpu = process.cpuUsage(cpu0.node);
    return {
      seconds: result.milliseconds / 1000,
      nodes: result.nodes,
      relationships: result.relationships,
      nodeSeconds: nodeMs / 1000,
      relationshipSeconds: relMs / 1000,
      batches: result.batches,
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
      neo4jCpuSeconds: processCpuSeconds(neo4jPid) - cpu0.neo4j,
      nodeCpuSeconds: (nodeCpu.user + nodeCpu.system) / 1e6,
    };
  } finally {
    bar.stop();
    clearInterval(sampler);
  }
}

async function transactionsPath(scale: Scale, batchRows: number, heapMb: number, pagecacheMb: number) {
  const { actors, meetings } = scale;
  const expected = shape(scale);
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-bulk-'));
    local = await startLocalNeo4j({ dataDir, port: await freePort(), heapMb, pagecacheMb, log: () => undefined });
    uri = local.uri;
  }
  const executor = new Executor(
    createDriver({
      uri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      connectTimeoutMs: 60_000,
    }),
    { database: process.env.NEO4J_DATABASE ?? 'neo4j', timeoutMs: 600_000 },
  );
  try {
    await applyMigrations(executor);
    const before = await counts(executor);
    const loadAtStart = machineLoad();
    const first = await load(executor, scale, batchRows, 'load 1', local?.pid);
    const after1 = await counts(executor);
    const second = await load(executor, scale, batchRows, 'load 2', local?.pid);
    const after2 = await counts(executor);

    const added = { nodes: after1.nodes - before.nodes, relationships: after1.relationships - before.relationships };
    const same = JSON.stringify(after1) === JSON.stringify(after2);
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const line = (name: string, r: RunFigures) =>
      `  ${name}: ${r.seconds.toFixed(1)} s, ${r.batches} transactions; ` +
      `${fmt(r.nodes / r.seconds)} nodes/s and ${fmt(r.relationships / r.seconds)} relationships/s overall ` +
      `(node batches ${fmt(r.nodes / r.nodeSeconds)} nodes/s, relationship batches ${fmt(r.relationships / r.relationshipSeconds)} relationships/s); ` +
      `peak RSS ${r.peakRssMb.toFixed(0)} MB, peak heap used ${r.peakHeapMb.toFixed(0)} MB; ` +
      `CPU: Neo4j ${r.neo4jCpuSeconds.toFixed(0)} s (${fmt((r.nodes + r.relationships) / r.neo4jCpuSeconds)} rows per Neo4j CPU-second), ` +
      `this process ${r.nodeCpuSeconds.toFixed(0)} s`;
    const report = [
      `bulk import: ${fmt(actors)} actors (${fmt(expected.people)} people, ${fmt(expected.countries)} countries), ` +
        `${fmt(meetings)} meetings, ${fmt(expected.cities + expected.venues)} places, ${fmt(expected.sources)} sources; ` +
        `batches of ${fmt(batchRows)} rows; Neo4j heap ${heapMb} MB, page cache ${pagecacheMb} MB`,
      `  expected ${fmt(expected.nodes)} nodes, ${fmt(expected.relationships)} relationships; ` +
        `first load added ${fmt(added.nodes)} nodes, ${fmt(added.relationships)} relationships`,
      line('load 1 (empty graph)', first),
      line('load 2 (same data)  ', second),
      `  counts after load 1: ${JSON.stringify(after1)}`,
      `  counts after load 2: ${same ? 'identical' : JSON.stringify(after2)}`,
      `  machine: at start ${loadAtStart}; at end ${machineLoad()}`,
    ];
    process.stdout.write(`${report.join('\n')}\n`);
    const figures = (r: RunFigures) => ({
      ...r,
      nodesPerSecond: r.nodes / r.seconds,
      relationshipsPerSecond: r.relationships / r.seconds,
    });
    reportResult('bulk-import', {
      actors,
      meetings,
      batchRows,
      expected: { nodes: expected.nodes, relationships: expected.relationships },
      added,
      first: figures(first),
      second: figures(second),
      identicalAfterReload: same,
    });
    if (added.nodes !== expected.nodes || added.relationships !== expected.relationships) {
      throw new Error('the first load did not add the expected numbers of nodes and relationships');
    }
    if (!same) throw new Error('the second load changed the graph');
  } finally {
    await executor.close();
    await local?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
}

const QUERIES = {
  whoMetWhomHub: {
    label: 'whoMetWhom, hub person 0 (first 20)',
    query: `{ whoMetWhom(actorId: "${personId(0)}", first: 20) { edges { node { counterpart { id name }
      meetings { meeting { id } date { value } venue { name } city { name } counterpartTookPart { how role } evidence { quote } } } } } }`,
  },
  aPage: {
    label: 'a-page: 50 meetings by date + venue + participants',
    query: `{ meetings(first: 50, orderBy: DATE_ASC) { edges { node {
      id date { value } venue { name } participants { role actor { id } } } } } }`,
  },
  search: {
    label: 'search: actors(search: "Person 4242", first: 10)',
    query: '{ actors(search: "Person 4242", first: 10) { edges { node { id name } } } }',
  },
} as const;

/** p50 and slowest of `rounds` timed runs of each query over GraphQL, after 2 untimed ones. */
async function queryLatencies(uri: string, rounds: number): Promise<string[]> {
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: uri,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_ON_START: 'false',
    QUERY_TIMEOUT_MS: '300000',
  });
  const server = await startServer(config, createLogger('silent'));
  const lines: string[] = [];
  try {
    for (const { label, query } of Object.values(QUERIES)) {
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < rounds + 2; i++) {
        const t = process.hrtime.bigint();
        const res = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const text = await res.text();
        if (i >= 2) ms.push(Number(process.hrtime.bigint() - t) / 1e6);
        bytes = text.length;
        if (text.includes('"errors"')) throw new Error(`${label}: ${text.slice(0, 500)}`);
      }
      ms.sort((a, b) => a - b);
      lines.push(
        `  ${label}: p50 ${ms[Math.ceil(ms.length / 2) - 1]!.toFixed(1)} ms, slowest ${ms[ms.length - 1]!.toFixed(1)} ms (${rounds} runs, ${Math.round(bytes / 1024)} KB)`,
      );
    }
  } finally {
    await server.stop();
  }
  return lines;
}

async function importerPath(scale: Scale, heapMb: number, pagecacheMb: number) {
  const expected = shape(scale);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-bulk-'));
  const loadAtStart = machineLoad();
  const began = Date.now();
  const cpu0 = process.cpuUsage();
  let local: LocalNeo4j | undefined;
  let executor: Executor | undefined;
  try {
    const result = await importPlansIntoNewStore(() => synthetic(scale), {
      dataDir,
      csvDir: process.env.BULK_CSV_DIR,
      keepCsv: Boolean(process.env.BULK_KEEP_CSV),
      importHeapMb: Math.min(heapMb, 2048),
      importOffHeapMb: pagecacheMb,
      log: (line) => {
        if (!line.startsWith('neo4j-import: ') || /IMPORT|Import starting|Imported|Peak|COMPLETED/.test(line)) {
          process.stderr.write(`${line}\n`);
        }
      },
    });
    const nodeCpu = process.cpuUsage(cpu0);
    const startBegan = Date.now();
    local = await startLocalNeo4j({ dataDir, port: await freePort(), heapMb, pagecacheMb, log: () => undefined });
    executor = new Executor(createDriver({ uri: local.uri, user: 'neo4j', password: '', connectTimeoutMs: 60_000 }), {
      database: 'neo4j',
      timeoutMs: 3_600_000,
    });
    const startMs = Date.now() - startBegan;
    const finished = await finishBulkImport(executor, result, { log: (line) => process.stderr.write(`${line}\n`) });
    const totalMs = Date.now() - began;
    const after = await counts(executor);
    const graphMs = result.csvMilliseconds + result.importMilliseconds;
    const report = [
      `bulk import through Neo4j's importer: ${fmt(scale.actors)} actors (${fmt(expected.people)} people, ${fmt(expected.countries)} countries), ` +
        `${fmt(scale.meetings)} meetings, ${fmt(expected.cities + expected.venues)} places, ${fmt(expected.sources)} sources; Neo4j heap ${heapMb} MB, page cache ${pagecacheMb} MB`,
      `  expected ${fmt(expected.nodes)} nodes, ${fmt(expected.relationships)} relationships; ` +
        `written ${fmt(result.nodes)} nodes, ${fmt(result.relationships)} relationships, ${fmt(result.claims)} Claim nodes (${fmt(result.held)} ids held in memory)`,
      `  CSV files (claims and derived values): ${(result.csvMilliseconds / 1000).toFixed(1)} s, this process's CPU ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(0)} s`,
      `  neo4j-admin database import: ${(result.importMilliseconds / 1000).toFixed(1)} s`,
      `  start Neo4j on the store: ${(startMs / 1000).toFixed(1)} s; empty lists, constraints and indexes (online): ${(finished.milliseconds / 1000).toFixed(1)} s`,
      `  total ${(totalMs / 1000).toFixed(1)} s: ${fmt(result.relationships / (totalMs / 1000))} relationships/s end to end; ` +
        `${fmt(result.relationships / (graphMs / 1000))} relationships/s to a written store (CSV + import); ` +
        `${fmt(result.relationships / (result.importMilliseconds / 1000))} relationships/s in the importer alone ` +
        `(${fmt((result.nodes + result.claims + result.relationships) / (result.importMilliseconds / 1000))} records/s)`,
      `  counts: ${JSON.stringify(after)}`,
      `  machine: at start ${loadAtStart}; at end ${machineLoad()}`,
    ];
    process.stdout.write(`${report.join('\n')}\n`);
    if (
      after.nodes !== expected.nodes ||
      after.claims !== result.claims ||
      after.relationships !== expected.relationships
    ) {
      throw new Error('the store does not hold the expected numbers of nodes and relationships');
    }
    const latencies = await queryLatencies(local.uri, 10);
    process.stdout.write(`queries over GraphQL at this size:\n${latencies.join('\n')}\n`);
    reportResult('bulk-import', {
      path: 'importer',
      actors: scale.actors,
      meetings: scale.meetings,
      expected: { nodes: expected.nodes, relationships: expected.relationships },
      written: { nodes: result.nodes, relationships: result.relationships, claims: result.claims },
      seconds: {
        csv: result.csvMilliseconds / 1000,
        importer: result.importMilliseconds / 1000,
        start: startMs / 1000,
        finish: finished.milliseconds / 1000,
        total: totalMs / 1000,
      },
      relationshipsPerSecond: result.relationships / (totalMs / 1000),
      importerRelationshipsPerSecond: result.relationships / (result.importMilliseconds / 1000),
      queries: latencies,
    });
  } finally {
    await executor?.close();
    await local?.stop();
    if (!process.env.BULK_KEEP_STORE) fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const [actors = 10_000, meetings = 100_000, batchRows = 10_000, heapMb = 2048, pagecacheMb = 2048] = args
    .slice(0, 5)
    .map(Number);
  const mode = args[5] ?? 'importer';
  const scale = { actors, meetings };
  if (mode === 'importer') await importerPath(scale, heapMb, pagecacheMb);
  else if (mode === 'transactions') await transactionsPath(scale, batchRows, heapMb, pagecacheMb);
  else throw new Error(`unknown path ${mode}: importer or transactions`);
}

main().catch((error) => {
  process.stderr.write(`\n${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
