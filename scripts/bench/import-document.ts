/**
 * Importing one large facts document into a graph that already holds many meetings: the cost of
 * claims on the write path. Loads a generated base graph (`generateFixture`, in batches), then
 * writes a generated document of ENTITIES entities and RELATIONSHIPS relationships (people holding
 * offices of the base graph's countries, meetings at its venues with four participants each) as a
 * real facts document: parsed and validated like any other, then loaded in one transaction, twice
 * (the second load finds every claim unchanged and writes nothing). A dry run is timed too.
 *
 *   npm run bench:import-document -- [baseMeetings=100000] [entities=10000] [relationships=30000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDriver } from '../../src/graph/driver';
import { cypher, Executor } from '../../src/graph/executor';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../../src/graph/local-neo4j';
import { applyMigrations } from '../../src/graph/migrations';
import { loadPlansInBatches } from '../../src/ingest/bulk';
import { graphCounts, importFacts } from '../../src/ingest/import';
import { totals } from '../../src/ingest/report';
import { parseFactsDocument } from '../../src/ingest/validate';
import { generateFixture } from '../../test/support/fixture';

const SOURCE_ID = 'source:2025-07-01-generated-bench-document';

export function generatedDocument(
  venues: string[],
  countries: string[],
  entities: number,
  relationships: number,
): string {
  const people = Math.floor(entities / 2);
  const meetings = entities - people;
  const lines: string[] = [];
  const ents: unknown[] = [];
  const rels: unknown[] = [];
  const person = (i: number) => `person:bench-person-${i}`;
  for (let i = 0; i < people; i++) {
    const country = countries[i % countries.length]!;
    const line = `Bench person ${i} is a minister of ${country}.`;
    lines.push(line);
    ents.push({ id: person(i), kind: 'Person', name: `Bench person ${i}`, evidence: [{ quote: line }] });
    if (rels.length < relationships) {
      rels.push({
        type: 'HOLDS_OFFICE',
        from: person(i),
        to: country,
        props: { title: 'Minister' },
        evidence: [{ quote: line }],
      });
    }
  }
  for (let i = 0; i < meetings; i++) {
    const id = `meeting:bench-meeting-${i}`;
    const venue = venues[i % venues.length]!;
    const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const who = [0, 1, 2, 3].map((k) => (i * 4 + k) % people);
    const line = `On ${day} bench people ${who.join(', ')} met at ${venue} (bench meeting ${i}).`;
    lines.push(line);
    ents.push({
      id,
      kind: 'Meeting',
      name: `Bench meeting ${i}`,
      date: day,
      status: 'HELD',
      evidence: [{ quote: line }],
    });
    if (rels.length < relationships) rels.push({ type: 'HELD_AT', from: id, to: venue, evidence: [{ quote: line }] });
    for (const p of who) {
      if (rels.length >= relationships) break;
      rels.push({
        type: 'PARTICIPATED_IN',
        from: person(p),
        to: id,
        props: { role: 'PARTY' },
        evidence: [{ quote: line }],
      });
    }
  }
  return JSON.stringify({
    version: 1,
    source: {
      id: SOURCE_ID,
      publisher: 'Generated',
      title: 'Generated bench document',
      date: '2025-07-01',
      text: lines.join('\n'),
    },
    entities: ents,
    relationships: rels,
  });
}

async function main() {
  const [baseMeetings = 100_000, entities = 10_000, relationships = 30_000] = process.argv.slice(2).map(Number);
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-import-bench-'));
    local = await startLocalNeo4j({
      dataDir,
      port: await freePort(),
      heapMb: 2048,
      pagecacheMb: 1024,
      log: () => undefined,
    });
    uri = local.uri;
  }
  const executor = new Executor(createDriver({ uri, user: 'neo4j', password: '', connectTimeoutMs: 60_000 }), {
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
    timeoutMs: 1_200_000,
  });
  const seconds = (from: number) => (Date.now() - from) / 1000;
  try {
    await applyMigrations(executor);
    let began = Date.now();
    const fixture = generateFixture(baseMeetings);
    const base = await loadPlansInBatches(executor, [fixture.plan], { batchRows: 10_000, timeoutMs: 1_200_000 });
    const baseCounts = await graphCounts(executor);
    process.stdout.write(
      `base graph: ${baseMeetings} meetings; ${base.nodes} nodes and ${base.relationships} relationships in ${seconds(began).toFixed(1)} s (${Math.round(base.relationships / seconds(began))} relationships/s); counts ${JSON.stringify(baseCounts)}\n`,
    );

    const ids = (q: string) =>
      executor.read<{ id: string }>(cypher('bench-ids', q)).then((rows) => rows.map((r) => r.id));
    const venues = await ids("MATCH (p:Place {placeKind: 'VENUE'}) RETURN p.id AS id ORDER BY id LIMIT 500");
    const countries = await ids('MATCH (c:Country) RETURN c.id AS id ORDER BY id LIMIT 100');
    const text = generatedDocument(venues, countries, entities, relationships);

    began = Date.now();
    const known = new Set([...venues, ...countries]);
    const parsed = parseFactsDocument(text, 'bench.json', { knownIds: known });
    if (!parsed.ok) throw new Error(`generated document invalid: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    const validateSeconds = seconds(began);

    const run = async (label: string, dryRun = false) => {
      const t = Date.now();
      const report = await importFacts(executor, text, 'bench.json', undefined, { dryRun });
      const s = seconds(t);
      const n = totals(report.nodes);
      const r = totals(report.relationships);
      process.stdout.write(
        `${label}: ${s.toFixed(1)} s, ${Math.round(relationships / s)} relationships/s, ${Math.round((entities + relationships) / s)} elements/s; ` +
          `nodes created ${n.created} unchanged ${n.unchanged} claimed ${n.claimed}; relationships created ${r.created} unchanged ${r.unchanged}\n`,
      );
    };
    process.stdout.write(
      `document: ${entities} entities, ${relationships} relationships, ${(text.length / 1e6).toFixed(1)} MB of JSON; parse and validate alone ${validateSeconds.toFixed(1)} s\n`,
    );
    await run('dry run   ', true);
    await run('first load');
    await run('reload    ');
    process.stdout.write(`counts after: ${JSON.stringify(await graphCounts(executor))}\n`);
  } finally {
    await executor.close();
    await local?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`\n${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  });
}
