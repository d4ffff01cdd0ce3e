/**
 * The bulk path (Neo4j's importer into a new store) against the normal loader, on the same
 * plans: the seed article, the three invented example sources that disagree with it
 * (test/fixtures/sources), and an invented plan of awkward values (quotes holding commas,
 * semicolons, double quotes and line breaks, a carriage return first; empty lists; repeated
 * aliases; whole and fractional numbers; a claim without evidence), loaded by
 * loadPlansInBatches in tiny batches. Every node, relationship and Claim node, with each
 * property's value and Neo4j type, must be the same on both sides.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode, errorCode } from '../../src/errors';
import { createDriver } from '../../src/graph/driver';
import { cypher, Executor } from '../../src/graph/executor';
import { freePort, startLocalNeo4j } from '../../src/graph/local-neo4j';
import { applyMigrations } from '../../src/graph/migrations';
import { loadPlansInBatches } from '../../src/ingest/bulk';
import { finishBulkImport, importPlansIntoNewStore, plansFromFiles } from '../../src/ingest/bulk-store';
import { graphContext } from '../../src/ingest/graph-context';
import { importFactsFile, SEED_FILE } from '../../src/ingest/import';
import type { LoadPlan } from '../../src/ingest/load';
import { planFromFacts } from '../../src/ingest/plan';
import { parseFactsDocument } from '../../src/ingest/validate';
import { edgeId } from '../../src/model/elements';
import { MeetingStatus, NodeKind, ParticipantRole, PlaceKind, RelType } from '../../src/model/vocabulary';
import { resetGraph, testExecutor } from '../support/graph';

const executor = testExecutor();
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'sources');
const DOCUMENTS = [
  SEED_FILE,
  path.join(FIXTURES, 'example-wire.facts.yaml'),
  path.join(FIXTURES, 'example-radio.facts.yaml'),
  path.join(FIXTURES, 'example-weekly.facts.yaml'),
];

const NODES = cypher(
  'test-snapshot-nodes',
  'MATCH (n) RETURN labels(n) AS labels, [k IN keys(n) | [k, valueType(n[k]), n[k]]] AS props',
);
const RELATIONSHIPS = cypher(
  'test-snapshot-relationships',
  'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, [k IN keys(r) | [k, valueType(r[k]), r[k]]] AS props',
);

/** Every node and relationship with its properties, their values and types, in a fixed order. */
async function snapshot(on: Executor) {
  const props = (list: unknown[][]) => [...list].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const nodes = (await on.read<{ labels: string[]; props: unknown[][] }>(NODES))
    .map((n) => JSON.stringify([[...n.labels].sort(), props(n.props)]))
    .sort();
  const relationships = (await on.read<{ from: string; type: string; to: string; props: unknown[][] }>(RELATIONSHIPS))
    .map((r) => JSON.stringify([r.from, r.type, r.to, props(r.props)]))
    .sort();
  return { nodes, relationships };
}

const INVENTED = 'source:invented-bulk-edge-cases';
const INVENTED_LATER = 'source:invented-bulk-edge-cases-later';

/** Invented examples, not news: two sources that share a person, a meeting and a participation. */
function inventedPlans(): LoadPlan[] {
  const text = 'Awkward, "quoted"; text\nwith a line break.\r\nAnd a Windows one.';
  const evidence = (sourceId: string) => [{ sourceId, quote: 'Awkward, "quoted"; text\nwith', offset: 0 }];
  const person = 'person:invented-ada-example';
  const meeting = 'meeting:invented-2024-01-02-example';
  const place = 'place:invented-example-hall';
  const participation = edgeId(person, RelType.PARTICIPATED_IN, meeting);
  return [
    {
      sourceId: INVENTED,
      nodes: [
        {
          id: INVENTED,
          kind: NodeKind.Source,
          props: { title: 'Invented, "one"', text, dateStart: '2024-01-03' },
          evidence: [],
        },
        {
          id: person,
          kind: NodeKind.Person,
          props: { name: 'Ada Example', aliases: [] },
          evidence: evidence(INVENTED),
        },
        {
          // One source only, so written as it streams: its claim's aliases are stored each once
          // and without its name, as the loader stores them; its description starts with a
          // carriage return.
          id: 'person:invented-bea-example',
          kind: NodeKind.Person,
          props: {
            name: 'Bea Example',
            aliases: ['Bea Example', 'B. Example', 'B. Example', 'Bea\nExample'],
            description: '\rFirst line\r\nsecond line',
          },
          evidence: evidence(INVENTED),
        },
        {
          id: place,
          kind: NodeKind.Place,
          props: { name: 'Example Hall', placeKind: PlaceKind.VENUE, latitude: 41, longitude: 28.98 },
          evidence: [],
        },
        {
          id: meeting,
          kind: NodeKind.Meeting,
          props: {
            name: 'Example talks; first',
            date: '2024-01-02',
            datePrecision: 'DAY',
            dateStart: '2024-01-02',
            dateEnd: '2024-01-02',
            status: MeetingStatus.HELD,
            durationMinutes: 90,
          },
          evidence: evidence(INVENTED),
        },
      ],
      edges: [
        {
          id: participation,
          type: RelType.PARTICIPATED_IN,
          from: person,
          to: meeting,
          props: { role: ParticipantRole.PARTY },
          evidence: evidence(INVENTED),
        },
        {
          id: edgeId(meeting, RelType.HELD_AT, place),
          type: RelType.HELD_AT,
          from: meeting,
          to: place,
          props: {},
          evidence: evidence(INVENTED),
        },
      ],
    },
    {
      sourceId: INVENTED_LATER,
      nodes: [
        {
          id: INVENTED_LATER,
          kind: NodeKind.Source,
          props: { title: 'Invented two', text, dateStart: '2024-02-01' },
          evidence: [],
        },
        {
          id: person,
          kind: NodeKind.Person,
          props: { name: 'Ada Exampleová', aliases: ['A.\r\nExample'] },
          evidence: evidence(INVENTED_LATER),
        },
        { id: meeting, kind: NodeKind.Meeting, props: { durationMinutes: 120.5 }, evidence: evidence(INVENTED_LATER) },
      ],
      edges: [
        {
          id: participation,
          type: RelType.PARTICIPATED_IN,
          from: person,
          to: meeting,
          props: { role: ParticipantRole.MEDIATOR },
          evidence: evidence(INVENTED_LATER),
        },
      ],
    },
  ];
}

let dataDir: string;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-bulk-store-'));
});
afterAll(async () => {
  await executor.close();
  fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
});

test('the importer path writes exactly the graph the loader writes for the same plans', async () => {
  await resetGraph(executor);
  await applyMigrations(executor);
  const plans: LoadPlan[] = [];
  for (const file of DOCUMENTS) {
    await importFactsFile(executor, file);
    const text = fs.readFileSync(file, 'utf8');
    const parsed = parseFactsDocument(text, file, {
      readTextFile: (relative) => fs.readFileSync(path.resolve(path.dirname(file), relative), 'utf8'),
      ...(await graphContext(executor, text)),
    });
    if (!parsed.ok) throw new Error(`${file} does not parse: ${JSON.stringify(parsed.problems)}`);
    plans.push(planFromFacts(parsed.document));
  }
  // The CLI's bulk-load reads the documents with plansFromFiles, which has no graph to ask:
  // it must plan them as importing them one after another did.
  expect(plansFromFiles(DOCUMENTS)).toEqual(plans);
  await loadPlansInBatches(executor, inventedPlans(), { batchRows: 2 });
  plans.push(...inventedPlans());
  const expected = await snapshot(executor);
  expect(expected.nodes.some((n) => n.includes('"Claim"'))).toBe(true);
  expect(expected.nodes.some((n) => n.includes('"disputed"'))).toBe(true);

  const result = await importPlansIntoNewStore(() => plans, { dataDir, importHeapMb: 256, importOffHeapMb: 256 });
  expect(result.sources).toBe(DOCUMENTS.length + 2);
  const neo4j = await startLocalNeo4j({ dataDir, port: await freePort(), heapMb: 256, pagecacheMb: 64, log: () => {} });
  const bulk = new Executor(createDriver({ uri: neo4j.uri, user: 'neo4j', password: '', connectTimeoutMs: 60_000 }), {
    database: 'neo4j',
    timeoutMs: 60_000,
  });
  try {
    await finishBulkImport(bulk, result);
    const actual = await snapshot(bulk);
    expect(actual.nodes.length).toBe(expected.nodes.length);
    expect(actual.relationships).toEqual(expected.relationships);
    expect(actual.nodes).toEqual(expected.nodes);
    // Checked against the invented plan itself, not only against the loader.
    const [bea] = await bulk.read<{ description: string; aliases: string[]; values: string }>(
      cypher(
        'test-bulk-bea',
        `MATCH (p:Person {id: 'person:invented-bea-example'}), (c:Claim {subjectId: p.id})
         RETURN p.description AS description, p.aliases AS aliases, c.values AS values`,
      ),
    );
    expect(bea?.description).toBe('\rFirst line\r\nsecond line');
    expect(bea?.aliases).toEqual(['B. Example', 'Bea\nExample']);
    expect(JSON.parse(bea!.values).aliases).toEqual(['B. Example', 'Bea\nExample']);
    // The schema is the one the server applies: constraints and the search index work.
    const [found] = await bulk.read<{ id: string }>(
      cypher(
        'test-search',
        "CALL db.index.fulltext.queryNodes('entity_search', 'exampleova') YIELD node RETURN node.id AS id",
      ),
    );
    expect(found?.id).toBe('person:invented-ada-example');
  } finally {
    await bulk.close();
    await neo4j.stop();
  }

  // A folder that holds a database is refused before anything is written.
  const refused = await importPlansIntoNewStore(() => plans, { dataDir }).catch((e: unknown) => e);
  expect(errorCode(refused)).toBe(ErrorCode.CONFLICT);
}, 240_000);
