import { ExportFormat, exportSubgraph } from '../../../src/export/index';
import { ROLE_CODES } from '../../../src/model/vocabulary';
import {
  EXPORT_META,
  exportFixture,
  HOSTILE,
  NAMES,
  readWithNetworkx,
  SOURCE_ID,
  TALKS_2022,
  TALKS_2025,
} from '../../support/export-fixture';

describe('GEXF export, read by networkx', () => {
  const subgraph = exportFixture();
  const gexf = exportSubgraph(subgraph, ExportFormat.GEXF, EXPORT_META);
  const g = readWithNetworkx('gexf', gexf);
  const edgeBetween = (from: string, to: string) => g.edges.find(([u, v]) => u === from && v === to)?.[2];

  it('is GEXF 1.2 in the namespace networkx reads, directed and dynamic with day dates', () => {
    expect(gexf).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
    expect(gexf).toContain('version="1.2"');
    expect(gexf).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date">');
    expect(g.directed).toBe(true);
    expect(g.graph.mode).toBe('dynamic');
    expect(Object.keys(g.nodes).sort()).toEqual(subgraph.nodes.map((n) => n.id).sort());
    expect(g.edges).toHaveLength(subgraph.edges.length);
  });

  it('puts meetings on the timeline: a day is that day, a month its first to last day, precision kept', () => {
    expect(g.nodes[TALKS_2025]).toMatchObject({ start: '2025-05-16', end: '2025-05-16', datePrecision: 'DAY' });
    expect(g.nodes[TALKS_2022]).toMatchObject({ start: '2022-03-01', end: '2022-03-31', datePrecision: 'MONTH' });
    expect(g.nodes['statement:ukraine-conditions']).toMatchObject({ start: '2025-05-16', end: '2025-05-16' });
    expect(g.nodes['country:TUR']).not.toHaveProperty('start');
    expect(g.nodes['country:TUR']).not.toHaveProperty('end');
  });

  it("dates participation edges with their meeting's span, and other dated edges with their own", () => {
    expect(edgeBetween('country:TUR', TALKS_2025)).toMatchObject({ start: '2025-05-16', end: '2025-05-16' });
    expect(edgeBetween('country:TUR', TALKS_2022)).toMatchObject({ start: '2022-03-01', end: '2022-03-31' });
    expect(edgeBetween(TALKS_2025, 'place:dolmabahce-palace')).toMatchObject({ start: '2025-05-16' });
    expect(edgeBetween('country:CHN', 'place:istanbul')).toMatchObject({ start: '2025-05-01', end: '2025-05-31' });
    const office = edgeBetween('person:hakan-fidan', 'org:turkish-foreign-ministry')!;
    expect(office.start).toBe('2023-06-01');
    expect(office).not.toHaveProperty('end');
    expect(edgeBetween('place:istanbul', 'country:TUR')).not.toHaveProperty('start');
  });

  it('keeps hostile text exact in labels and attribute values (newlines, tabs and CR included)', () => {
    expect(g.nodes['org:turkish-foreign-ministry']).toMatchObject({
      label: NAMES.ministry,
      description: 'First line\nsecond "line" <with> & tags',
    });
    expect(g.nodes['country:TUR']!.label).toBe(NAMES.turkey);
    expect(JSON.parse(g.nodes['country:CHN']!.aliases as string)).toEqual([NAMES.china, 'PRC']);
    const statement = g.nodes['statement:ukraine-conditions']!;
    expect(statement).toMatchObject({ label: NAMES.formula, text: HOSTILE, evidence_quote: HOSTILE });
    expect(JSON.parse(statement.evidence as string)).toEqual([{ sourceId: SOURCE_ID, quote: HOSTILE, offset: 1500 }]);
  });

  it('types attributes and labels edges with type, role and codes', () => {
    expect(g.nodes['place:dolmabahce-palace']).toMatchObject({ latitude: 41.0391, longitude: 29.0003 });
    expect(g.nodes[TALKS_2025]).toMatchObject({ durationMinutes: 100, durationApproximate: true });
    expect(edgeBetween('person:hakan-fidan', TALKS_2025)).toMatchObject({
      id: `person:hakan-fidan-PARTICIPATED_IN->${TALKS_2025}`,
      label: 'PARTICIPATED_IN (CHAIR)',
      type: 'PARTICIPATED_IN',
      role: 'CHAIR',
      note: HOSTILE,
      ...ROLE_CODES.CHAIR,
    });
  });

  it('writes each node and edge on a line of its own', () => {
    const starts = (tag: string) => gexf.split('\n').filter((line) => line.trimStart().startsWith(`<${tag} `));
    expect(starts('node')).toHaveLength(subgraph.nodes.length);
    expect(starts('edge')).toHaveLength(subgraph.edges.length);
  });

  it('is readable with no edges and with nothing at all', () => {
    const onlyNodes = readWithNetworkx(
      'gexf',
      exportSubgraph({ nodes: subgraph.nodes, edges: [], truncated: false }, ExportFormat.GEXF, EXPORT_META),
    );
    expect(Object.keys(onlyNodes.nodes)).toHaveLength(subgraph.nodes.length);
    const empty = readWithNetworkx(
      'gexf',
      exportSubgraph({ nodes: [], edges: [], truncated: false }, ExportFormat.GEXF, EXPORT_META),
    );
    expect(empty.nodes).toEqual({});
  });
});
