/**
 * Claims in every export format, on the fixture with an invented second source that disagrees
 * on the 2025 talks' duration (100 against 90 minutes) and on Fidan's title (test/support/
 * export-fixture.ts, disputedFixture): JSON and Cytoscape.js carry every claim, the tables the
 * current value plus the disputed properties and their values per source, the Cypher script
 * the Claim records.
 */
import { parse } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import { CLAIM_ATTRIBUTES, EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from '../../../src/export/common';
import { ExportFormat, exportSubgraph } from '../../../src/export/index';
import {
  disputedFixture,
  EXPORT_META,
  FIDAN_OFFICE,
  OTHER_SOURCE_ID,
  readWithNetworkx,
  SOURCE_ID,
  TALKS_2025,
} from '../../support/export-fixture';

const subgraph = disputedFixture();
const DURATIONS = { [SOURCE_ID]: 100, [OTHER_SOURCE_ID]: 90 };
const TITLES = { [SOURCE_ID]: 'Foreign Minister', [OTHER_SOURCE_ID]: 'Foreign Ministry chief' };

const csvRows = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true });

describe('claims in exports', () => {
  it('JSON: every element has disputed and all its claims, by source id, with values and quotes', () => {
    const doc = JSON.parse(exportSubgraph(subgraph, ExportFormat.JSON, EXPORT_META));
    const talks = doc.nodes.find((n: { id: string }) => n.id === TALKS_2025);
    expect(talks.disputed).toEqual(['durationMinutes']);
    expect(talks.properties.durationMinutes).toBe(100);
    expect(talks.claims.map((c: { sourceId: string }) => c.sourceId)).toEqual([SOURCE_ID, OTHER_SOURCE_ID]);
    expect(
      Object.fromEntries(
        talks.claims.map((c: { sourceId: string; values: Record<string, unknown> }) => [
          c.sourceId,
          c.values.durationMinutes,
        ]),
      ),
    ).toEqual(DURATIONS);
    expect(talks.claims[1].evidence).toEqual([
      { sourceId: OTHER_SOURCE_ID, quote: 'talks that lasted an hour and a half', offset: 140 },
    ]);
    const office = doc.edges.find((e: { id: string }) => e.id === FIDAN_OFFICE);
    expect(office.disputed).toEqual(['title']);
    expect(office.claims.map((c: { values: { title: string } }) => c.values.title)).toEqual([
      TITLES[SOURCE_ID],
      TITLES[OTHER_SOURCE_ID],
    ]);
    const turkey = doc.nodes.find((n: { id: string }) => n.id === 'country:TUR');
    expect(turkey.disputed).toEqual([]);
    expect(turkey.claims).toHaveLength(1);
  });

  it('Cytoscape.js: data.disputed and data.claims', () => {
    const json = JSON.parse(exportSubgraph(subgraph, ExportFormat.CYTOSCAPE, EXPORT_META));
    const cy = cytoscape({ headless: true, elements: json.elements });
    const talks = cy.getElementById(TALKS_2025);
    expect(talks.data('disputed')).toEqual(['durationMinutes']);
    expect(talks.data('durationMinutes')).toBe(100);
    const claims = talks.data('claims') as { sourceId: string; values: { durationMinutes: number } }[];
    expect(Object.fromEntries(claims.map((c) => [c.sourceId, c.values.durationMinutes]))).toEqual(DURATIONS);
    expect(cy.getElementById(FIDAN_OFFICE).data('disputed')).toEqual(['title']);
  });

  it('CSV: disputed and the per-source values of the disputed properties, empty elsewhere', () => {
    const nodes = csvRows(exportSubgraph(subgraph, ExportFormat.CSV, EXPORT_META, { table: 'nodes' }));
    const talks = nodes.find((r) => r.id === TALKS_2025)!;
    expect(JSON.parse(talks.properties!).durationMinutes).toBe(100);
    expect(JSON.parse(talks.disputed!)).toEqual(['durationMinutes']);
    expect(JSON.parse(talks.claims!)).toEqual({ durationMinutes: DURATIONS });
    const turkey = nodes.find((r) => r.id === 'country:TUR')!;
    expect([turkey.disputed, turkey.claims]).toEqual(['', '']);
    const edges = csvRows(exportSubgraph(subgraph, ExportFormat.CSV, EXPORT_META, { table: 'edges' }));
    const office = edges.find((r) => r.id === FIDAN_OFFICE)!;
    expect(JSON.parse(office.disputed!)).toEqual(['title']);
    expect(JSON.parse(office.claims!)).toEqual({ title: TITLES });
  });

  it('GraphML, read by networkx: the current value, disputed and the per-source values', () => {
    const g = readWithNetworkx('graphml', exportSubgraph(subgraph, ExportFormat.GRAPHML, EXPORT_META));
    const talks = g.nodes[TALKS_2025]!;
    expect(talks.durationMinutes).toBe(100);
    expect(JSON.parse(talks.disputed as string)).toEqual(['durationMinutes']);
    expect(JSON.parse(talks.claims as string)).toEqual({ durationMinutes: DURATIONS });
    expect(g.nodes['country:TUR']!.disputed).toBeUndefined();
    const office = g.edges.find(
      ([u, v, d]) => u === 'person:hakan-fidan' && v === 'org:turkish-foreign-ministry' && d.type === 'HOLDS_OFFICE',
    )![2];
    expect(office.title).toBe(TITLES[SOURCE_ID]);
    expect(JSON.parse(office.claims as string)).toEqual({ title: TITLES });
  });

  it('GEXF, read by networkx: the same attributes', () => {
    const g = readWithNetworkx('gexf', exportSubgraph(subgraph, ExportFormat.GEXF, EXPORT_META));
    const talks = g.nodes[TALKS_2025]!;
    expect(talks.durationMinutes).toBe(100);
    expect(JSON.parse(talks.disputed as string)).toEqual(['durationMinutes']);
    expect(JSON.parse(talks.claims as string)).toEqual({ durationMinutes: DURATIONS });
  });

  it('declares disputed and claims as string attributes of nodes and edges', () => {
    for (const specs of [NODE_ATTRIBUTES, EDGE_ATTRIBUTES]) {
      expect(specs.filter((s) => CLAIM_ATTRIBUTES.includes(s)).map((s) => [s.name, s.type])).toEqual([
        ['disputed', 'string'],
        ['claims', 'string'],
      ]);
    }
  });

  it('Cypher: the disputed list on the element and a Claim record per source, as the loader keys them', () => {
    const script = exportSubgraph(subgraph, ExportFormat.CYPHER, EXPORT_META);
    const lines = script.split('\n');
    const talksLine = lines.findIndex((l) => l.startsWith(`MERGE (n:Entity {id: '${TALKS_2025}'})`));
    expect(lines[talksLine]).toContain("disputed: ['durationMinutes']");
    const claims = lines.filter((l) => l.startsWith(`MERGE (c:Claim {key: '${TALKS_2025}|`));
    expect(claims).toHaveLength(2);
    const wire = claims.find((l) => l.includes(`|${OTHER_SOURCE_ID}'`))!;
    expect(wire).toContain(`subjectId: '${TALKS_2025}', subject: 'NODE', kind: 'Meeting'`);
    expect(wire).toContain("sourceDate: '2025-05-18'");
    expect(wire).toContain('"durationMinutes":90');
    const office = lines.filter((l) => l.startsWith(`MERGE (c:Claim {key: '${FIDAN_OFFICE}|`));
    expect(office[0]).toContain("subject: 'EDGE', type: 'HOLDS_OFFICE', from: 'person:hakan-fidan'");
  });
});
