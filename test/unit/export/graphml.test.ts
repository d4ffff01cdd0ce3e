import { ExportFormat, exportSubgraph } from '../../../src/export/index';
import type { GraphNode } from '../../../src/model/elements';
import { ROLE_CODES } from '../../../src/model/vocabulary';
import {
  CONTROL_NOTE,
  EXPORT_META,
  exportFixture,
  HOSTILE,
  NAMES,
  readWithNetworkx,
  SOURCE_ID,
  TALKS_2025,
} from '../../support/export-fixture';

describe('GraphML export, read by networkx', () => {
  const subgraph = exportFixture();
  const graphml = exportSubgraph(subgraph, ExportFormat.GRAPHML, EXPORT_META);
  const g = readWithNetworkx('graphml', graphml);
  const edgeBetween = (from: string, to: string) => g.edges.find(([u, v]) => u === from && v === to)?.[2];

  it('is a directed graph with every node and edge', () => {
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(subgraph.nodes.map((n) => n.id).sort());
    expect(g.edges).toHaveLength(subgraph.edges.length);
    expect(g.edges.map(([u, v]) => `${u}>${v}`).sort()).toEqual(subgraph.edges.map((e) => `${e.from}>${e.to}`).sort());
  });

  it('carries the meta as graph data', () => {
    expect(g.graph).toMatchObject({ depth: 2, generatedAt: EXPORT_META.generatedAt, nodeCount: 14, edgeCount: 18 });
    expect(JSON.parse(g.graph.seedIds as string)).toEqual(EXPORT_META.seedIds);
    expect(JSON.parse(g.graph.sources as string)).toEqual(EXPORT_META.sources);
    expect(g.graph.truncated).toBe(false);
  });

  it('keeps hostile and non-Latin text exact in labels, properties and evidence', () => {
    expect(g.nodes['org:turkish-foreign-ministry']).toMatchObject({
      kind: 'Organization',
      label: NAMES.ministry,
      description: 'First line\nsecond "line" <with> & tags',
    });
    expect(g.nodes['country:TUR']!.label).toBe(NAMES.turkey);
    expect(g.nodes['place:dolmabahce-palace']!.label).toBe(NAMES.venue);
    expect(JSON.parse(g.nodes['country:UKR']!.aliases as string)).toEqual([NAMES.ukraine, 'Ukraina']);
    expect(JSON.parse(g.nodes['country:CHN']!.aliases as string)).toEqual([NAMES.china, 'PRC']);
    const statement = g.nodes['statement:ukraine-conditions']!;
    expect(statement).toMatchObject({ label: NAMES.formula, text: HOSTILE, evidence_quote: HOSTILE });
    expect(JSON.parse(statement.evidence as string)).toEqual([{ sourceId: SOURCE_ID, quote: HOSTILE, offset: 1500 }]);
    expect(g.nodes[SOURCE_ID]!.text).toBe(subgraph.nodes[0]!.properties.text);
  });

  it('types attributes: numbers, booleans and strings come back as such', () => {
    expect(g.nodes['place:dolmabahce-palace']).toMatchObject({ latitude: 41.0391, longitude: 29.0003 });
    expect(g.nodes[TALKS_2025]).toMatchObject({ durationMinutes: 100, durationApproximate: true, time: '12:30' });
    expect(g.nodes['person:unnamed-head-of-ukrainian-delegation']!.unnamed).toBe(true);
  });

  it('labels edges with type and role and carries CAMEO and PLOVER codes and evidence', () => {
    expect(edgeBetween('person:hakan-fidan', TALKS_2025)).toMatchObject({
      type: 'PARTICIPATED_IN',
      label: 'PARTICIPATED_IN (CHAIR)',
      role: 'CHAIR',
      note: HOSTILE,
      evidence_quote: 'chaired by Hakan Fidan',
      evidence_source: SOURCE_ID,
      ...ROLE_CODES.CHAIR,
    });
    expect(edgeBetween('country:TUR', TALKS_2025)).toMatchObject(ROLE_CODES.HOST);
    expect(edgeBetween('person:hakan-fidan', 'org:turkish-foreign-ministry')).toMatchObject({
      type: 'HOLDS_OFFICE',
      title: 'Foreign Minister',
      since: '2023-06',
    });
  });

  it('replaces characters XML cannot carry (only there), and keeps them in the evidence JSON', () => {
    const presence = edgeBetween('country:CHN', 'place:istanbul')!;
    expect(presence.note).toBe('bell\uFFFD rang');
    const withControl: GraphNode = {
      ...subgraph.nodes[1]!,
      evidence: [{ sourceId: SOURCE_ID, quote: CONTROL_NOTE, offset: 3 }],
    };
    const out = readWithNetworkx(
      'graphml',
      exportSubgraph({ nodes: [withControl], edges: [], truncated: false }, ExportFormat.GRAPHML, EXPORT_META),
    );
    expect(JSON.parse(out.nodes['country:TUR']!.evidence as string)[0].quote).toBe(CONTROL_NOTE);
  });

  it('writes each node and edge on a line of its own', () => {
    const starts = (tag: string) => graphml.split('\n').filter((line) => line.trimStart().startsWith(`<${tag} `));
    expect(starts('node')).toHaveLength(subgraph.nodes.length);
    expect(starts('edge')).toHaveLength(subgraph.edges.length);
  });

  it('puts properties outside the declared list into other_properties', () => {
    const node: GraphNode = {
      ...subgraph.nodes[1]!,
      properties: { iso3: 'TUR', population: 85_000_000, latitude: 'north' },
    };
    const out = readWithNetworkx(
      'graphml',
      exportSubgraph({ nodes: [node], edges: [], truncated: false }, ExportFormat.GRAPHML, EXPORT_META),
    );
    expect(out.nodes['country:TUR']!.iso3).toBe('TUR');
    expect(JSON.parse(out.nodes['country:TUR']!.other_properties as string)).toEqual({
      latitude: 'north',
      population: 85_000_000,
    });
  });

  it('is readable when empty', () => {
    const out = readWithNetworkx(
      'graphml',
      exportSubgraph({ nodes: [], edges: [], truncated: false }, ExportFormat.GRAPHML, EXPORT_META),
    );
    expect(out.nodes).toEqual({});
  });
});
