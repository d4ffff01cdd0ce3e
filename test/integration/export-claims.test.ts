/**
 * Exports carry the claims, in the real Neo4j: the seed and the three invented example sources
 * (test/fixtures/sources, not news) disagree on the 16 May talks' duration — the wire says "an
 * hour and a half", the seed, the radio and the weekly about two hours — and every format shows
 * the current value and each source's own. The Cypher script rebuilds the Claim records too, so
 * a graph loaded from it keeps its provenance: removing a source there works as it does here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { ExportFormat, type ExportOptions } from '../../src/export';
import { cypher } from '../../src/graph/executor';
import { applyMigrations } from '../../src/graph/migrations';
import { importFactsFile, removeSource, SEED_FILE } from '../../src/ingest/import';
import { stableJson } from '../../src/model/claims';
import { runExport } from '../../src/modules/subgraph/subgraph.export';
import { createRepositories } from '../../src/repositories';
import { readWithNetworkx } from '../support/export-fixture';
import { graphSnapshot, resetGraph, testConfig, testExecutor } from '../support/graph';

const config = testConfig();
const executor = testExecutor(config);
const repositories = createRepositories(executor, config);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'sources');
const FILES = [
  SEED_FILE,
  path.join(FIXTURES, 'example-wire.facts.yaml'),
  path.join(FIXTURES, 'example-radio.facts.yaml'),
  path.join(FIXTURES, 'example-weekly.facts.yaml'),
];
const TALKS = 'meeting:2025-05-16-istanbul-talks';
const WIRE = 'source:2025-05-18-example-wire-istanbul';

interface Document {
  source: { id: string; text?: string; textFile?: string };
  entities: { id: string; durationMinutes?: number; evidence: { quote: string }[] }[];
}

/** Each document's source id, its text, and what it says of the talks. */
const DOCUMENTS = FILES.map((file) => {
  const doc = parseYaml(fs.readFileSync(file, 'utf8')) as Document;
  const text = doc.source.text ?? fs.readFileSync(path.resolve(path.dirname(file), doc.source.textFile!), 'utf8');
  return { sourceId: doc.source.id, text, talks: doc.entities.find((e) => e.id === TALKS)! };
});

/**
 * The durations read off the texts: the wire's "lasted an hour and a half" is 90 minutes; the
 * seed ("lasted about two hours"), the radio ("lasted nearly two hours") and the weekly ("lasted
 * about two hours") say 120.
 */
const DURATIONS: Record<string, number> = {
  'source:2025-05-17-china-daily-istanbul-talks': 120,
  [WIRE]: 90,
  'source:2025-06-03-example-radio-kremlin': 120,
  'source:2025-06-05-example-weekly-delegation-head': 120,
};

beforeAll(async () => {
  await applyMigrations(executor);
  await loadAll();
});
afterAll(async () => {
  await resetGraph(executor);
  await executor.close();
});

async function loadAll(): Promise<void> {
  await resetGraph(executor);
  for (const file of FILES) await importFactsFile(executor, file);
}

async function allIds(): Promise<string[]> {
  const rows = await executor.read<{ id: string }>(
    cypher('test-export-claims-ids', 'MATCH (n:Entity) RETURN n.id AS id ORDER BY id'),
  );
  return rows.map((r) => r.id);
}

/** The whole graph in `format`, as users download it. */
async function exportAll(format: ExportFormat, options?: ExportOptions): Promise<string> {
  let text = '';
  await runExport(
    repositories.subgraph,
    { seedIds: await allIds(), depth: 1, format, options, relationshipTypes: [], from: null, to: null },
    {
      write(chunk) {
        text += chunk;
      },
    },
    10_000,
  );
  return text;
}

const snapshot = () => graphSnapshot(executor);

const talksDisputes = (disputed: unknown) => expect(disputed).toEqual(expect.arrayContaining(['durationMinutes']));

describe('exports of the four-source graph carry the claims', () => {
  it('the fixtures say what DURATIONS says, in quotes found in their texts', () => {
    for (const doc of DOCUMENTS) {
      expect(doc.talks.durationMinutes).toBe(DURATIONS[doc.sourceId]);
      const quotes = doc.talks.evidence.map((e) => e.quote).join(' ');
      expect(quotes).toMatch(DURATIONS[doc.sourceId] === 90 ? /an hour and a half/ : /two hours/);
      for (const e of doc.talks.evidence) expect(doc.text).toContain(e.quote);
    }
  });

  it('JSON: the talks show 120 minutes, are disputed, and every source’s claim is there with its quotes', async () => {
    const doc = JSON.parse(await exportAll(ExportFormat.JSON));
    const talks = doc.nodes.find((n: { id: string }) => n.id === TALKS);
    expect(talks.properties.durationMinutes).toBe(120);
    talksDisputes(talks.disputed);
    const claims = talks.claims as {
      sourceId: string;
      values: { durationMinutes: number };
      evidence: { quote: string }[];
    }[];
    expect(Object.fromEntries(claims.map((c) => [c.sourceId, c.values.durationMinutes]))).toEqual(DURATIONS);
    expect(claims.map((c) => c.sourceId)).toEqual(Object.keys(DURATIONS).sort());
    for (const claim of claims) {
      const text = DOCUMENTS.find((d) => d.sourceId === claim.sourceId)!.text;
      for (const e of claim.evidence) expect(text).toContain(e.quote);
    }
    // Every element has its claims; an element no source disputes has an empty list.
    for (const element of [...doc.nodes, ...doc.edges]) {
      expect(Array.isArray(element.disputed)).toBe(true);
      if (element.kind !== 'Source') expect(element.claims.length).toBeGreaterThan(0);
    }
  });

  it('JSON: every element’s claims are exactly its Claim records, read or (one source) made from it', async () => {
    const rows = await executor.read<{ subjectId: string; sourceId: string; values: string; quotes: string[] }>(
      cypher(
        'test-export-claims-records',
        'MATCH (c:Claim) RETURN c.subjectId AS subjectId, c.sourceId AS sourceId, c.values AS values, c.evidenceQuotes AS quotes ORDER BY subjectId, sourceId',
      ),
    );
    const stored = new Map<string, unknown[]>();
    for (const row of rows) {
      const list = stored.get(row.subjectId) ?? [];
      list.push({ sourceId: row.sourceId, values: JSON.parse(row.values), quotes: row.quotes });
      stored.set(row.subjectId, list);
    }
    const json = JSON.parse(await exportAll(ExportFormat.JSON)) as {
      nodes: {
        id: string;
        kind: string;
        claims: { sourceId: string; values: unknown; evidence: { quote: string }[] }[];
      }[];
      edges: { id: string; claims: { sourceId: string; values: unknown; evidence: { quote: string }[] }[] }[];
    };
    const elements = [...json.nodes.filter((n) => n.kind !== 'Source'), ...json.edges];
    // Every element of the graph but the four sources has claims; most have one source.
    expect(elements).toHaveLength(rows.length > 0 ? stored.size : -1);
    const single = elements.filter((e) => e.claims.length === 1).length;
    expect(single).toBeGreaterThan(elements.length / 2);
    for (const element of elements) {
      const exported = element.claims.map((c) => ({
        sourceId: c.sourceId,
        values: c.values,
        quotes: c.evidence.map((e) => e.quote),
      }));
      expect({ id: element.id, claims: JSON.parse(stableJson(exported)) }).toEqual({
        id: element.id,
        claims: JSON.parse(stableJson(stored.get(element.id))),
      });
    }
  });

  it('Cytoscape.js: data.disputed and data.claims', async () => {
    const doc = JSON.parse(await exportAll(ExportFormat.CYTOSCAPE));
    const talks = doc.elements.nodes.find((n: { data: { id: string } }) => n.data.id === TALKS).data;
    expect(talks.durationMinutes).toBe(120);
    talksDisputes(talks.disputed);
    const claims = talks.claims as { sourceId: string; values: { durationMinutes: number } }[];
    expect(Object.fromEntries(claims.map((c) => [c.sourceId, c.values.durationMinutes]))).toEqual(DURATIONS);
  });

  it('CSV: the current value, the disputed properties and the per-source values', async () => {
    const rows = parseCsv(await exportAll(ExportFormat.CSV, { table: 'nodes' }), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    const talks = rows.find((r) => r.id === TALKS)!;
    expect(JSON.parse(talks.properties!).durationMinutes).toBe(120);
    talksDisputes(JSON.parse(talks.disputed!));
    expect(JSON.parse(talks.claims!).durationMinutes).toEqual(DURATIONS);
    const edges = parseCsv(await exportAll(ExportFormat.CSV, { table: 'edges' }), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    // The wire calls Fidan "Foreign Ministry chief" (test/fixtures/sources/example-wire.facts.yaml).
    const disputedEdges = edges.filter((r) => r.disputed !== '');
    expect(disputedEdges.length).toBeGreaterThan(0);
    for (const row of disputedEdges) {
      for (const property of JSON.parse(row.disputed!) as string[]) {
        expect(Object.keys(JSON.parse(row.claims!)[property]).length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('GraphML, read by networkx: 120 minutes shown, 120 and 90 by source', async () => {
    const g = readWithNetworkx('graphml', await exportAll(ExportFormat.GRAPHML));
    const talks = g.nodes[TALKS]!;
    expect(talks.durationMinutes).toBe(120);
    talksDisputes(JSON.parse(talks.disputed as string));
    expect(JSON.parse(talks.claims as string).durationMinutes).toEqual(DURATIONS);
  });

  it('GEXF, read by networkx: the same', async () => {
    const g = readWithNetworkx('gexf', await exportAll(ExportFormat.GEXF));
    const talks = g.nodes[TALKS]!;
    expect(talks.durationMinutes).toBe(120);
    expect(JSON.parse(talks.claims as string).durationMinutes).toEqual(DURATIONS);
  });

  it('Cypher: an empty Neo4j that runs the script holds the same graph and claims, and can lose a source', async () => {
    await loadAll();
    const before = await snapshot();
    const script = await exportAll(ExportFormat.CYPHER);
    await resetGraph(executor);
    const statements = script.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('//'));
    for (const [i, text] of statements.entries()) {
      await executor.autoCommit(cypher(`export-claims-script-${i + 1}`, text.replace(/;$/, '')));
    }
    const after = await snapshot();
    // The script stores participation edges' CAMEO and PLOVER codes beside the role (as every
    // export writes them); everything else, and every claim, is as it was.
    const withoutCodes = (text: string) => {
      const graph = JSON.parse(text) as { nodes: unknown; rels: [string, Record<string, unknown>][]; claims: unknown };
      for (const [, props] of graph.rels) {
        delete props.cameo;
        delete props.plover;
      }
      return graph;
    };
    expect(withoutCodes(after).claims).toEqual(withoutCodes(before).claims);
    expect(withoutCodes(after).nodes).toEqual(withoutCodes(before).nodes);
    expect(withoutCodes(after).rels).toEqual(withoutCodes(before).rels);

    // Provenance survives the trip: taking the wire out leaves only the two-hour claims.
    await removeSource(executor, WIRE);
    const [row] = await executor.read<{ disputed: string[] | null; claims: string[] }>(
      cypher(
        'test-export-claims-after-removal',
        `MATCH (n:Entity {id: $id})
         RETURN n.disputed AS disputed, COLLECT { MATCH (c:Claim {subjectId: $id}) RETURN c.sourceId } AS claims`,
      ),
      { id: TALKS },
    );
    expect(row!.claims).not.toContain(WIRE);
    expect(row!.disputed ?? []).not.toContain('durationMinutes');
  });
});
