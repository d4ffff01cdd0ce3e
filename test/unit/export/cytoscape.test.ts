import cytoscape from 'cytoscape';
import { ExportFormat, exportSubgraph } from '../../../src/export/index';
import { ROLE_CODES } from '../../../src/model/vocabulary';
import { EXPORT_META, exportFixture, HOSTILE, NAMES, TALKS_2025 } from '../../support/export-fixture';

describe('Cytoscape.js export', () => {
  const subgraph = exportFixture();
  const json = JSON.parse(exportSubgraph(subgraph, ExportFormat.CYTOSCAPE, EXPORT_META));

  it('loads in headless cytoscape with every node and edge', () => {
    const cy = cytoscape({ headless: true, ...json });
    expect(cy.nodes()).toHaveLength(subgraph.nodes.length);
    expect(cy.edges()).toHaveLength(subgraph.edges.length);
    expect(cy.data()).toMatchObject({ seedIds: EXPORT_META.seedIds, depth: 2, nodeCount: 14, edgeCount: 18 });
    // Edges are directed from → to, so graph algorithms see the model's direction.
    expect(
      cy
        .getElementById(TALKS_2025)
        .incomers('edge')
        .map((e) => e.data('source'))
        .sort(),
    ).toEqual(
      subgraph.edges
        .filter((e) => e.to === TALKS_2025)
        .map((e) => e.from)
        .sort(),
    );
  });

  it('puts id, label, kind, the properties and the evidence in node data, hostile text exact', () => {
    const cy = cytoscape({ headless: true, elements: json.elements });
    const ministry = cy.getElementById('org:turkish-foreign-ministry');
    expect(ministry.data()).toEqual({
      id: 'org:turkish-foreign-ministry',
      label: NAMES.ministry,
      kind: 'Organization',
      orgKind: 'MINISTRY',
      description: 'First line\nsecond "line" <with> & tags',
      evidence: [{ sourceId: subgraph.nodes[0]!.id, quote: NAMES.ministry, offset: 300 }],
      disputed: [],
      // One source states it: its one claim is what the element shows.
      claims: [
        {
          sourceId: subgraph.nodes[0]!.id,
          values: { description: 'First line\nsecond "line" <with> & tags', name: NAMES.ministry, orgKind: 'MINISTRY' },
          evidence: [{ sourceId: subgraph.nodes[0]!.id, quote: NAMES.ministry, offset: 300 }],
        },
      ],
    });
    expect(cy.getElementById('country:CHN').data('aliases')).toEqual([NAMES.china, 'PRC']);
    expect(cy.getElementById('statement:ukraine-conditions').data('text')).toBe(HOSTILE);
  });

  it('labels edges with type and role and carries the role codes', () => {
    const cy = cytoscape({ headless: true, elements: json.elements });
    const chair = cy.getElementById(`person:hakan-fidan-PARTICIPATED_IN->${TALKS_2025}`);
    expect(chair.data()).toMatchObject({
      source: 'person:hakan-fidan',
      target: TALKS_2025,
      type: 'PARTICIPATED_IN',
      label: 'PARTICIPATED_IN (CHAIR)',
      role: 'CHAIR',
      note: HOSTILE,
      ...ROLE_CODES.CHAIR,
    });
    expect(cy.getElementById(`${TALKS_2025}-HELD_AT->place:dolmabahce-palace`).data('label')).toBe('HELD_AT');
  });

  it('is loadable with no elements', () => {
    const empty = JSON.parse(
      exportSubgraph({ nodes: [], edges: [], truncated: false }, ExportFormat.CYTOSCAPE, EXPORT_META),
    );
    expect(cytoscape({ headless: true, ...empty }).elements()).toHaveLength(0);
  });
});
