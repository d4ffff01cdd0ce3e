/**
 * Exports over HTTP at size: a generated graph is loaded, then GET /export streams the whole of
 * it (seeds: every country, depth 4) in each format to curl, a separate process that writes it
 * to /dev/null, so the server's process does only the server's work. First each format is
 * downloaded once, in turn: "first" includes Cypher planning and, for the formats that come
 * first, the warming up of a freshly started Neo4j's JVM (its CPU per export fell from 11 s to
 * 1.7 s over the first four exports). Then each format is downloaded `runs` times: the median
 * and the fastest. CSV is two downloads (the nodes table and the edges table), timed together.
 * Memory: the server process's RSS, sampled every 20 ms during a format's timed downloads, peak
 * minus the level before them (after a forced garbage collection).
 *
 *   npm run bench:export-http -- [meetings=12500] [runs=3]
 *   (about 8 elements per generated meeting: 1250 → ~10k elements, 12500 → ~100k)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { benchEnv, summarize } from './bench-env';

const run = promisify(execFile);

const FORMATS: { label: string; queries: string[] }[] = [
  { label: 'JSON', queries: ['format=JSON'] },
  { label: 'GRAPHML', queries: ['format=GRAPHML'] },
  { label: 'GEXF', queries: ['format=GEXF'] },
  { label: 'CYTOSCAPE', queries: ['format=CYTOSCAPE'] },
  { label: 'CSV', queries: ['format=CSV&table=nodes', 'format=CSV&table=edges'] },
  { label: 'CYPHER', queries: ['format=CYPHER'] },
];

/** Downloads one URL with curl; its byte count and seconds. */
async function download(url: string): Promise<{ bytes: number; seconds: number }> {
  const began = process.hrtime.bigint();
  const { stdout } = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code} %{size_download}', url]);
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const [status, bytes] = stdout.trim().split(' ');
  if (status !== '200') throw new Error(`${url}: HTTP ${status}`);
  return { bytes: Number(bytes), seconds };
}

async function main() {
  const meetings = Number(process.argv[2] ?? 12500);
  const runs = Math.max(1, Number(process.argv[3] ?? 3));
  process.env.MAX_EXPORT_NODES = '1000000';
  const env = await benchEnv(meetings);
  try {
    const elements = env.fixture.plan.nodes.length + env.fixture.plan.edges.length;
    process.stdout.write(
      `${env.fixture.plan.nodes.length} nodes + ${env.fixture.plan.edges.length} edges = ${elements} elements; one download per format, then ${runs} more each\n`,
    );
    const seeds = env.fixture.countries.map((c) => `seed=${encodeURIComponent(c)}`).join('&');
    const downloadAll = async (format: (typeof FORMATS)[number]) => {
      let seconds = 0;
      let bytes = 0;
      for (const query of format.queries) {
        const result = await download(`${env.server.url}/export?${seeds}&depth=4&${query}`);
        seconds += result.seconds;
        bytes += result.bytes;
      }
      return { seconds, bytes };
    };
    global.gc?.();
    const before = process.memoryUsage().rss;
    let overallPeak = before;
    const overall = setInterval(() => {
      overallPeak = Math.max(overallPeak, process.memoryUsage().rss);
    }, 20);
    const first = new Map<string, number>();
    for (const format of FORMATS) first.set(format.label, (await downloadAll(format)).seconds);
    for (const format of FORMATS) {
      global.gc?.();
      const base = process.memoryUsage().rss;
      let peak = base;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      const seconds: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const result = await downloadAll(format);
        seconds.push(result.seconds);
        bytes = result.bytes;
      }
      clearInterval(sampler);
      const { median } = summarize(seconds);
      const fastest = Math.min(...seconds);
      const cold = first.get(format.label)!;
      const rate = (s: number) => `${Math.round(elements / s)} el/s`;
      process.stdout.write(
        `${format.label.padEnd(10)} ${(bytes / 1e6).toFixed(1).padStart(6)} MB  first ${cold.toFixed(2)} s (${rate(cold)})  ` +
          `median ${median.toFixed(2)} s (${rate(median)})  fastest ${fastest.toFixed(2)} s (${rate(fastest)})  ` +
          `RSS +${((peak - base) / 1e6).toFixed(0)} MB (peak ${(peak / 1e6).toFixed(0)} MB)\n`,
      );
    }
    clearInterval(overall);
    process.stdout.write(
      `whole run: RSS ${(before / 1e6).toFixed(0)} MB before the first export, peak ${(overallPeak / 1e6).toFixed(0)} MB ` +
        `(+${((overallPeak - before) / 1e6).toFixed(0)} MB)\n`,
    );
  } finally {
    await env.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
