/**
 * Exports of the seeded article as users get them: GET /export downloads with the right headers
 * that real consumers read (networkx for GraphML and GEXF), the GraphQL field for small ones, and
 * clear errors for bad requests.
 */
import { spawnSync } from 'node:child_process';
import { parse as parseCsv } from 'csv-parse/sync';
import type { RunningServer } from '../../src/server';
import { gql, gqlData, startSeededServer } from '../support/server';

const TALKS = 'meeting:2025-05-16-istanbul-talks';
let server: RunningServer;
let expected: { nodes: number; edges: number };

beforeAll(async () => {
  // Room for a depth-1 Cytoscape.js export of the talks with every element's claims, not for RUS at depth 2.
  server = await startSeededServer({ MAX_EXPORT_INLINE_BYTES: '40000' });
  const data = await gqlData(server, `{ subgraph(seedIds: ["${TALKS}"], depth: 1) { nodeCount edgeCount } }`);
  expected = { nodes: data.subgraph.nodeCount, edges: data.subgraph.edgeCount };
});
afterAll(() => server?.stop());

async function download(query: string) {
  const res = await fetch(`${server.url}/export?${query}`);
  return { status: res.status, headers: res.headers, body: await res.text() };
}

function networkx(format: 'graphml' | 'gexf', text: string): { nodes: number; edges: number; venue: string } {
  const script = `
import sys, json, networkx as nx
data = sys.stdin.read()
import io
g = (nx.read_graphml if sys.argv[1] == 'graphml' else nx.read_gexf)(io.BytesIO(data.encode('utf-8')))
venue = g.nodes['place:dolmabahce-palace']
print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'venue': venue.get('label') or venue.get('name')}))`;
  const run = spawnSync('/usr/bin/python3', ['-c', script, format], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('GET /export', () => {
  it('has something to export around the talks', () => {
    expect(expected.nodes).toBeGreaterThan(5);
    expect(expected.edges).toBeGreaterThan(5);
  });

  it.each([
    ['GRAPHML', 'application/graphml+xml', 'graphml'],
    ['GEXF', 'application/gexf+xml', 'gexf'],
  ] as const)('streams %s as a download networkx reads with every node and edge', async (format, type, ext) => {
    const res = await download(`seed=${TALKS}&depth=1&format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="diplograph-meeting-2025-05-16-istanbul-talks-depth-1.${ext}"`,
    );
    const read = networkx(ext, res.body);
    expect(read.nodes).toBe(expected.nodes);
    expect(read.edges).toBe(expected.edges);
    expect(read.venue).toBe('Dolmabahce Palace');
  });

  it('streams our JSON with the evidence of every node and edge', async () => {
    const res = await download(`seed=${TALKS}&depth=1&format=json`);
    const body = JSON.parse(res.body);
    expect(body.nodes).toHaveLength(expected.nodes);
    expect(body.edges).toHaveLength(expected.edges);
    const chair = body.edges.find((e: any) => e.type === 'PARTICIPATED_IN' && e.from === 'person:hakan-fidan');
    expect(chair.evidence[0]).toMatchObject({ sourceId: 'source:2025-05-17-china-daily-istanbul-talks' });
    expect(typeof chair.evidence[0].offset).toBe('number');
  });

  it('streams CSV as two tables, nodes and edges', async () => {
    const nodes: Record<string, string>[] = parseCsv(
      (await download(`seed=${TALKS}&depth=1&format=CSV&table=nodes`)).body,
      { columns: true },
    );
    const edges = parseCsv((await download(`seed=${TALKS}&depth=1&format=CSV&table=edges`)).body, { columns: true });
    expect(nodes).toHaveLength(expected.nodes);
    expect(edges).toHaveLength(expected.edges);
    expect(nodes.find((n) => n.id === 'place:dolmabahce-palace')?.name).toBe('Dolmabahce Palace');
  });

  it.each([
    ['format=XLSX', 400, 'BAD_USER_INPUT'],
    ['depth=9&format=JSON', 400, 'LIMIT_EXCEEDED'],
    ['depth=one&format=JSON', 400, 'BAD_USER_INPUT'],
    ['format=JSON&type=KNOWS', 400, 'BAD_USER_INPUT'],
  ])('refuses %s with %i %s', async (query, status, code) => {
    const res = await download(`seed=${TALKS}&${query}`);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe(code);
  });

  it('refuses an unknown seed with 404 NOT_FOUND naming it', async () => {
    const res = await download('seed=person:nobody&depth=1&format=JSON');
    expect(res.status).toBe(404);
    const error = JSON.parse(res.body).errors[0];
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', ids: ['person:nobody'] });
  });
});

describe('exportSubgraph (GraphQL)', () => {
  it('returns a small export inline with its media type, file name and counts', async () => {
    const data = await gqlData(
      server,
      `{ exportSubgraph(seedIds: ["${TALKS}"], depth: 1, format: CYTOSCAPE) { format mediaType filename nodeCount edgeCount content } }`,
    );
    const result = data.exportSubgraph;
    expect(result).toMatchObject({
      format: 'CYTOSCAPE',
      mediaType: 'application/json',
      nodeCount: expected.nodes,
      edgeCount: expected.edges,
    });
    expect(result.filename).toBe('diplograph-meeting-2025-05-16-istanbul-talks-depth-1.cyjs');
    const elements = JSON.parse(result.content).elements;
    expect(elements.nodes).toHaveLength(expected.nodes);
  });

  it('counts what the file holds: a CSV table holds one kind of element', async () => {
    const query = (table: string) =>
      `{ exportSubgraph(seedIds: ["${TALKS}"], depth: 1, format: CSV, table: ${table}) { nodeCount edgeCount content } }`;
    const nodes = (await gqlData(server, query('NODES'))).exportSubgraph;
    const edges = (await gqlData(server, query('EDGES'))).exportSubgraph;
    expect(nodes).toMatchObject({ nodeCount: expected.nodes, edgeCount: 0 });
    expect(edges).toMatchObject({ nodeCount: 0, edgeCount: expected.edges });
    const nodeRows: { id: string }[] = parseCsv(nodes.content, { columns: true, bom: true });
    const nodeIds = new Set(nodeRows.map((n) => n.id));
    const rows: { source: string; target: string }[] = parseCsv(edges.content, { columns: true, bom: true });
    expect(rows).toHaveLength(expected.edges);
    // Every edge of the edges table joins two nodes of the nodes table.
    expect(rows.filter((e) => !nodeIds.has(e.source) || !nodeIds.has(e.target))).toEqual([]);
  });

  it('points a too-large export to the download', async () => {
    const response = await gql(
      server,
      `{ exportSubgraph(seedIds: ["country:RUS"], depth: 2, format: JSON) { content } }`,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'MAX_EXPORT_INLINE_BYTES',
    });
    expect(response.errors?.[0]?.extensions.downloadPath).toBe('/export?seed=country%3ARUS&depth=2&format=JSON');
  });
});
