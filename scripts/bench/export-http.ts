/**
 * Exports over HTTP at size: a generated graph is loaded, then GET /export streams the whole of
 * it (seeds: every country, depth 4) in each format to curl, a separate process that writes it
 * to /dev/null, so the server's process does only the server's work. Each format is downloaded
 * `runs` times; the first download of a format includes Cypher planning, so the report gives
 * the first and the median of the rest. CSV is two downloads (the nodes table and the edges
 * table), timed together. Memory: the server process's RSS, sampled every 20 ms, peak minus
 * the level before the format's first download (after a forced garbage collection).
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
  const runs = Math.max(2, Number(process.argv[3] ?? 3));
  process.env.MAX_EXPORT_NODES = '1000000';
  const env = await benchEnv(meetings);
  try {
    const elements = env.fixture.plan.nodes.length + env.fixture.plan.edges.length;
    process.stdout.write(
      `${env.fixture.plan.nodes.length} nodes + ${env.fixture.plan.edges.length} edges = ${elements} elements; ${runs} downloads per format\n`,
    );
    const seeds = env.fixture.countries.map((c) => `seed=${encodeURIComponent(c)}`).join('&');
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
        let total = 0;
        bytes = 0;
        for (const query of format.queries) {
          const result = await download(`${env.server.url}/export?${seeds}&depth=4&${query}`);
          total += result.seconds;
          bytes += result.bytes;
        }
        seconds.push(total);
      }
      clearInterval(sampler);
      const warm = summarize(seconds.slice(1)).median;
      process.stdout.write(
        `${format.label.padEnd(10)} ${(bytes / 1e6).toFixed(1).padStart(6)} MB  first ${seconds[0]!.toFixed(2)} s ` +
          `(${Math.round(elements / seconds[0]!)} el/s)  then ${warm.toFixed(2)} s (${Math.round(elements / warm)} el/s)  ` +
          `RSS +${((peak - base) / 1e6).toFixed(0)} MB (peak ${(peak / 1e6).toFixed(0)} MB)\n`,
      );
    }
  } finally {
    await env.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
