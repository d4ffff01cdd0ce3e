/**
 * Export throughput and memory, without Neo4j or HTTP: a synthetic subgraph of N elements (a
 * quarter nodes, the rest edges, with evidence and non-Latin text) is generated on the fly and
 * streamed through each format's writer into a sink that only counts bytes. Each format and size
 * runs in its own child process, so peak RSS is that run's alone; the heap is sampled as it goes.
 * Flat memory shows as heap growth that does not grow with N.
 *
 *   npx tsc -p tsconfig.scripts.json --outDir /tmp/bench-build
 *   node /tmp/bench-build/scripts/bench-export.js [N …]        (default: 10000 100000)
 */
import { spawnSync } from 'node:child_process';
import { createExportWriter, ExportFormat, type ExportMeta, type ExportOptions } from '../src/export';
import { edgeId, type GraphEdge, type GraphNode } from '../src/model/elements';
import { NodeKind, ParticipantRole, RelType } from '../src/model/vocabulary';

interface Run {
  label: string;
  format: ExportFormat;
  options?: ExportOptions;
}

const RUNS: Run[] = [
  { label: 'JSON', format: ExportFormat.JSON },
  { label: 'GRAPHML', format: ExportFormat.GRAPHML },
  { label: 'GEXF', format: ExportFormat.GEXF },
  { label: 'CYTOSCAPE', format: ExportFormat.CYTOSCAPE },
  { label: 'CSV nodes', format: ExportFormat.CSV, options: { table: 'nodes' } },
  { label: 'CSV edges', format: ExportFormat.CSV, options: { table: 'edges' } },
  { label: 'CYPHER', format: ExportFormat.CYPHER },
];

interface Result {
  label: string;
  elements: number;
  seconds: number;
  bytes: number;
  baselineRssMb: number;
  peakRssMb: number;
  baselineHeapMb: number;
  peakHeapMb: number;
  retainedHeapMb: number;
}

const SOURCE = 'source:bench';
const ROLES = Object.values(ParticipantRole);
const NAMES = ['Türkiye', 'Україна', '中国', 'Dolmabahçe', 'Rubio', 'Fidan', 'Umerov', 'Medinsky'];

/** Node i of a synthetic graph: countries, people, delegations, venues and meetings (dated to the day or month). */
function syntheticNode(i: number): GraphNode {
  const kinds = [NodeKind.Country, NodeKind.Person, NodeKind.Delegation, NodeKind.Place, NodeKind.Meeting];
  const kind = kinds[i % kinds.length]!;
  const name = `${NAMES[i % NAMES.length]} ${i}`;
  const properties: GraphNode['properties'] = { aliases: [`alias ${i}`, `“${name}”`] };
  if (kind === NodeKind.Meeting) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const byDay = i % 2 === 0;
    Object.assign(properties, {
      date: byDay ? `2024-${month}-15` : `2024-${month}`,
      datePrecision: byDay ? 'DAY' : 'MONTH',
      dateStart: byDay ? `2024-${month}-15` : `2024-${month}-01`,
      dateEnd: byDay ? `2024-${month}-15` : `2024-${month}-28`,
      status: 'HELD',
      durationMinutes: 90,
    });
  }
  if (kind === NodeKind.Place) Object.assign(properties, { placeKind: 'VENUE', latitude: 41.0391, longitude: 29.0003 });
  return {
    id: `${kind.toLowerCase()}:n${i}`,
    kind,
    name,
    properties,
    evidence: [{ sourceId: SOURCE, quote: `${name} met "delegates" & <others> at the talks`, offset: i * 17 }],
  };
}

/** Edge j: mostly participation in a meeting with a role, some venue and membership edges. */
function syntheticEdge(j: number, nodeCount: number): GraphEdge {
  const meetings = Math.max(1, Math.floor(nodeCount / 5));
  const meeting = syntheticNode(((j * 7) % meetings) * 5 + 4);
  const actor = syntheticNode(((j * 13) % Math.floor(nodeCount / 5)) * 5 + (j % 3));
  if (j % 10 === 9) {
    const venue = syntheticNode(((j * 3) % Math.floor(nodeCount / 5)) * 5 + 3);
    return edge(meeting.id, RelType.HELD_AT, venue.id, {}, j);
  }
  return edge(actor.id, RelType.PARTICIPATED_IN, meeting.id, { role: ROLES[j % ROLES.length]! }, j);
}

function edge(from: string, type: RelType, to: string, properties: GraphEdge['properties'], j: number): GraphEdge {
  return {
    id: edgeId(from, type, to, `e${j}`),
    type,
    from,
    to,
    properties,
    evidence: [{ sourceId: SOURCE, quote: `quote ${j}: “they met”, said the ministry`, offset: j * 11 }],
  };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One run, in this process: stream N elements of one format to a counting sink. */
function measure(run: Run, elements: number): Result {
  const nodeCount = Math.floor(elements / 4);
  const edgeCount = elements - nodeCount;
  const meta: ExportMeta = {
    seedIds: ['country:n0'],
    depth: 2,
    generatedAt: new Date().toISOString(),
    sources: [{ id: SOURCE, title: 'Synthetic', publisher: 'bench', date: '2025-01-01' }],
  };
  gc();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let bytes = 0;
  const writer = createExportWriter(
    run.format,
    (chunk) => {
      bytes += Buffer.byteLength(chunk);
    },
    run.options,
  );
  const sample = (i: number) => {
    if (i % 500 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const began = process.hrtime.bigint();
  writer.begin(meta);
  for (let i = 0; i < nodeCount; i++) {
    writer.node(syntheticNode(i));
    sample(i);
  }
  for (let j = 0; j < edgeCount; j++) {
    writer.edge(syntheticEdge(j, nodeCount));
    sample(j);
  }
  writer.end();
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  gc();
  return {
    label: run.label,
    elements,
    seconds,
    bytes,
    baselineRssMb: mb(baseline.rss),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
    baselineHeapMb: mb(baseline.heapUsed),
    peakHeapMb: mb(peakHeap),
    retainedHeapMb: mb(process.memoryUsage().heapUsed - baseline.heapUsed),
  };
}

function main(): void {
  const [mode, label, n] = process.argv.slice(2);
  if (mode === '--child') {
    const run = RUNS.find((r) => r.label === label)!;
    process.stdout.write(JSON.stringify(measure(run, Number(n))));
    return;
  }
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  const results: Result[] = [];
  for (const elements of sizes.length ? sizes : [10_000, 100_000]) {
    for (const run of RUNS) {
      const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', run.label, String(elements)], {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
      });
      if (child.status !== 0) throw new Error(`${run.label} × ${elements} failed: ${child.stderr}`);
      results.push(JSON.parse(child.stdout) as Result);
    }
  }
  console.log(`node ${process.version}, ${process.arch}; one child process per row; heap sampled every 500 elements\n`);
  console.log(
    [
      'format'.padEnd(10),
      'elements'.padStart(8),
      'seconds'.padStart(8),
      'elements/s'.padStart(11),
      'output MB'.padStart(10),
      'RSS base→peak MB'.padStart(17),
      'heap growth MB'.padStart(15),
      'retained MB'.padStart(12),
    ].join(' '),
  );
  for (const r of results) {
    console.log(
      [
        r.label.padEnd(10),
        String(r.elements).padStart(8),
        r.seconds.toFixed(2).padStart(8),
        String(Math.round(r.elements / r.seconds)).padStart(11),
        String(mb(r.bytes)).padStart(10),
        `${r.baselineRssMb}→${r.peakRssMb}`.padStart(17),
        String(Math.round((r.peakHeapMb - r.baselineHeapMb) * 10) / 10).padStart(15),
        String(r.retainedHeapMb).padStart(12),
      ].join(' '),
    );
  }
}

main();
