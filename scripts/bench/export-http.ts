/**
 * Exports over HTTP at size: a generated graph is loaded, then GET /export streams the whole of
 * it (seeds: every country, depth 4) in each format to curl, a separate process that writes it
 * to /dev/null, so the server's process does only the server's work. First each format is
 * downloaded once, in turn: "first" includes Cypher planning and, for the formats that come
 * first, the warming up of a freshly started Neo4j's JVM (its CPU per export fell from 11 s to
 * 1.7 s over the first four exports). Then `warmup` untimed rounds of every format, as a server
 * that has been up a while has had; then each format is downloaded `runs` times: the median
 * and the fastest, and the median time to the first byte. CSV is two downloads (the nodes table
 * and the edges table), timed together.
 * Memory: the server process's RSS, sampled every 20 ms during a format's timed downloads, peak
 * minus the level before them (after a forced garbage collection).
 * CPU: seconds of CPU per download (median of the timed ones) of the server's process (this
 * one: the bench itself only waits for curl) and of Neo4j's, beside the wall time: on two
 * cores, their sum over the wall time says how far the two overlap.
 *
 *   npm run bench:export-http -- [meetings=12500] [runs=3] [warmup=2]
 *   (about 8 elements per generated meeting: 1250 → ~10k elements, 12500 → ~100k)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { benchEnv, processCpuSeconds, summarize } from './bench-env';
import { reportResult } from './result';

const run = promisify(execFile);

const FORMATS: { label: string; queries: string[] }[] = [
  { label: 'JSON', queries: ['format=JSON'] },
  { label: 'GRAPHML', queries: ['format=GRAPHML'] },
  { label: 'GEXF', queries: ['format=GEXF'] },
  { label: 'CYTOSCAPE', queries: ['format=CYTOSCAPE'] },
  { label: 'CSV', queries: ['format=CSV&table=nodes', 'format=CSV&table=edges'] },
  { label: 'CYPHER', queries: ['format=CYPHER'] },
];

/**
 * Downloads one URL with curl: its byte count, seconds (from starting curl to its exit), and
 * seconds to the first byte as curl counts them (the walk before any element is written).
 */
async function download(url: string): Promise<{ bytes: number; seconds: number; firstByte: number }> {
  const began = process.hrtime.bigint();
  const { stdout } = await run('curl', [
    '-sS',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code} %{size_download} %{time_starttransfer}',
    url,
  ]);
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const [status, bytes, firstByte] = stdout.trim().split(' ');
  if (status !== '200') throw new Error(`${url}: HTTP ${status}`);
  return { bytes: Number(bytes), seconds, firstByte: Number(firstByte) };
}

async function main() {
  const meetings = Number(process.argv[2] ?? 12500);
  const runs = Math.max(1, Number(process.argv[3] ?? 3));
  const warmup = Math.max(0, Number(process.argv[4] ?? 2));
  process.env.MAX_EXPORT_NODES = '1000000';
  const env = await benchEnv(meetings);
  try {
    const elements = env.fixture.plan.nodes.length + env.fixture.plan.edges.length;
    process.stdout.write(
      `${env.fixture.plan.nodes.length} nodes + ${env.fixture.plan.edges.length} edges = ${elements} elements; ` +
        `one download per format, ${warmup} untimed rounds, then ${runs} timed downloads each\n`,
    );
    const seeds = env.fixture.countries.map((c) => `seed=${encodeURIComponent(c)}`).join('&');
    const downloadAll = async (format: (typeof FORMATS)[number]) => {
      let seconds = 0;
      let bytes = 0;
      let firstByte = 0;
      for (const query of format.queries) {
        const result = await download(`${env.server.url}/export?${seeds}&depth=4&${query}`);
        seconds += result.seconds;
        bytes += result.bytes;
        firstByte += result.firstByte;
      }
      return { seconds, bytes, firstByte };
    };
    global.gc?.();
    const before = process.memoryUsage().rss;
    let overallPeak = before;
    const overall = setInterval(() => {
      overallPeak = Math.max(overallPeak, process.memoryUsage().rss);
    }, 20);
    const results: Record<string, unknown>[] = [];
    const first = new Map<string, number>();
    for (const format of FORMATS) first.set(format.label, (await downloadAll(format)).seconds);
    for (let round = 0; round < warmup; round++) for (const format of FORMATS) await downloadAll(format);
    for (const format of FORMATS) {
      global.gc?.();
      const base = process.memoryUsage().rss;
      let peak = base;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      const seconds: number[] = [];
      const firstBytes: number[] = [];
      const serverCpu: number[] = [];
      const neo4jCpu: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const cpuBefore = process.cpuUsage();
        const neo4jBefore = processCpuSeconds(env.neo4jPid) ?? Number.NaN;
        const result = await downloadAll(format);
        const cpu = process.cpuUsage(cpuBefore);
        serverCpu.push((cpu.user + cpu.system) / 1e6);
        neo4jCpu.push((processCpuSeconds(env.neo4jPid) ?? Number.NaN) - neo4jBefore);
        seconds.push(result.seconds);
        firstBytes.push(result.firstByte);
        bytes = result.bytes;
      }
      clearInterval(sampler);
      const { median } = summarize(seconds);
      const fastest = Math.min(...seconds);
      const cold = first.get(format.label)!;
      const rate = (s: number) => `${Math.round(elements / s)} el/s`;
      results.push({
        format: format.label,
        bytes,
        firstSeconds: cold,
        medianSeconds: median,
        fastestSeconds: fastest,
        elementsPerSecond: elements / median,
        firstByteSeconds: summarize(firstBytes).median,
        serverCpuSeconds: summarize(serverCpu).median,
        neo4jCpuSeconds: summarize(neo4jCpu).median,
        rssGrowthMb: (peak - base) / 1e6,
        peakRssMb: peak / 1e6,
      });
      process.stdout.write(
        `${format.label.padEnd(10)} ${(bytes / 1e6).toFixed(1).padStart(6)} MB  first ${cold.toFixed(2)} s (${rate(cold)})  ` +
          `median ${median.toFixed(2)} s (${rate(median)}; first byte ${summarize(firstBytes).median.toFixed(2)} s)  ` +
          `fastest ${fastest.toFixed(2)} s (${rate(fastest)})  ` +
          `CPU server ${summarize(serverCpu).median.toFixed(2)} s, Neo4j ${summarize(neo4jCpu).median.toFixed(2)} s  ` +
          `RSS +${((peak - base) / 1e6).toFixed(0)} MB (peak ${(peak / 1e6).toFixed(0)} MB)\n`,
      );
    }
    clearInterval(overall);
    process.stdout.write(
      `whole run: RSS ${(before / 1e6).toFixed(0)} MB before the first export, peak ${(overallPeak / 1e6).toFixed(0)} MB ` +
        `(+${((overallPeak - before) / 1e6).toFixed(0)} MB)\n`,
    );
    reportResult('export-http', {
      meetings,
      elements,
      runs,
      warmup,
      formats: results,
      rssBeforeMb: before / 1e6,
      peakRssMb: overallPeak / 1e6,
    });
  } finally {
    await env.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
