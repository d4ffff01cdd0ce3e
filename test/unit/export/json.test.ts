import { sortedProperties } from '../../../src/export/common';
import { ExportFormat, exportSubgraph } from '../../../src/export/index';
import { RelType, ROLE_CODES } from '../../../src/model/vocabulary';
import { EXPORT_META, exportFixture, HOSTILE, NAMES } from '../../support/export-fixture';

describe('JSON export', () => {
  const subgraph = exportFixture();
  const doc = JSON.parse(exportSubgraph(subgraph, ExportFormat.JSON, EXPORT_META));

  it('is our versioned format with the meta, its sources and the counts', () => {
    expect(doc.format).toBe('diplograph');
    expect(doc.version).toBe(1);
    expect(doc.meta).toEqual({ ...EXPORT_META, truncated: false, nodeCount: 14, edgeCount: 18 });
    expect(doc.counts).toEqual({ nodes: 14, edges: 18 });
    expect(Object.keys(doc)).toEqual(['format', 'version', 'meta', 'nodes', 'edges', 'counts']);
  });

  it('round-trips every node with kind, name, all properties and all evidence, hostile text exact', () => {
    expect(doc.nodes).toEqual(
      subgraph.nodes.map((n) => ({
        ...n,
        properties: sortedProperties(n.properties),
        evidence: n.evidence,
        // The fixture's elements come from one source each, with no claims read: none disputed,
        // and each has the one claim of its source: its own values and quotes (none for a source).
        disputed: [],
        claims:
          n.evidence.length === 0
            ? []
            : [{ sourceId: n.evidence[0]!.sourceId, values: { ...n.properties, name: n.name }, evidence: n.evidence }],
      })),
    );
    const names = doc.nodes.map((n: { name: string }) => n.name);
    expect(names).toEqual(expect.arrayContaining([NAMES.turkey, NAMES.ministry, NAMES.venue, NAMES.formula]));
    const ukraine = doc.nodes.find((n: { id: string }) => n.id === 'country:UKR');
    expect(ukraine.evidence).toEqual([
      { sourceId: subgraph.nodes[0]!.id, quote: 'Україна', offset: 0 },
      { sourceId: subgraph.nodes[0]!.id, quote: HOSTILE, offset: 1500 },
    ]);
  });

  it('round-trips every edge, participation edges with the CAMEO and PLOVER codes of their role', () => {
    expect(doc.edges.map((e: { id: string }) => e.id)).toEqual(subgraph.edges.map((e) => e.id));
    for (const [i, edge] of subgraph.edges.entries()) {
      const out = doc.edges[i];
      expect(out).toMatchObject({
        id: edge.id,
        type: edge.type,
        from: edge.from,
        to: edge.to,
        evidence: edge.evidence,
      });
      const codes = edge.type === RelType.PARTICIPATED_IN ? ROLE_CODES[edge.properties.role as 'HOST'] : {};
      expect(out.properties).toEqual({ ...edge.properties, ...codes });
    }
  });

  it('is valid JSON with no nodes, or nodes and no edges', () => {
    const empty = JSON.parse(exportSubgraph({ nodes: [], edges: [], truncated: true }, ExportFormat.JSON, EXPORT_META));
    expect(empty).toMatchObject({ nodes: [], edges: [], counts: { nodes: 0, edges: 0 }, meta: { truncated: true } });
    const onlyNodes = JSON.parse(
      exportSubgraph({ nodes: subgraph.nodes, edges: [], truncated: false }, ExportFormat.JSON, EXPORT_META),
    );
    expect(onlyNodes.nodes).toHaveLength(14);
    expect(onlyNodes.edges).toEqual([]);
  });
});
