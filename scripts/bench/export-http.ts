/**
 * Exports over HTTP at size: a generated graph is loaded, then GET /export streams the whole of
 * it (seeds: every country, depth 4) in each format while the response body is read and thrown
 * away. Prints elements (nodes + edges) per second and the server process's memory growth
 * (RSS sampled every 20 ms, peak minus the level before the request).
 *
 *   npm run bench:export-http -- [meetings=12000]
 */
import { benchEnv } from './bench-env';

const FORMATS = ['JSON', 'GRAPHML', 'GEXF', 'CYTOSCAPE', 'CSV', 'CYPHER'];

async function main() {
  const meetings = Number(process.argv[2] ?? 12000);
  process.env.MAX_EXPORT_NODES = '1000000';
  const env = await benchEnv(meetings);
  try {
    const seeds = env.fixture.countries.map((c) => `seed=${encodeURIComponent(c)}`).join('&');
    for (const format of FORMATS) {
      global.gc?.();
      const base = process.memoryUsage().rss;
      let peak = base;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      const began = process.hrtime.bigint();
      const res = await fetch(`${env.server.url}/export?${seeds}&depth=4&format=${format}`);
      if (res.status !== 200) throw new Error(`${format}: ${res.status} ${await res.text()}`);
      let bytes = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      const seconds = Number(process.hrtime.bigint() - began) / 1e9;
      clearInterval(sampler);
      const elements = env.fixture.plan.nodes.length + env.fixture.plan.edges.length;
      process.stdout.write(
        `${format.padEnd(10)} ${elements} elements  ${(bytes / 1e6).toFixed(1)} MB  ${seconds.toFixed(2)} s  ` +
          `${Math.round(elements / seconds)} elements/s  RSS +${((peak - base) / 1e6).toFixed(0)} MB (peak ${(peak / 1e6).toFixed(0)} MB)\n`,
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
