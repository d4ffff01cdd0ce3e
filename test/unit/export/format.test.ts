import { z } from 'zod';
import {
  EDGE_ATTRIBUTES,
  EDGE_PROPERTY_ATTRIBUTES,
  evidenceJson,
  evidenceList,
  NODE_ATTRIBUTES,
  NODE_PROPERTY_ATTRIBUTES,
  roleCodes,
  timeSpan,
} from '../../../src/export/common';
import { CSV_ROWS_PER_CALL } from '../../../src/export/csv';
import {
  createExportWriter,
  ExportFormat,
  exportFilename,
  exportSubgraph,
  FORMAT_INFO,
} from '../../../src/export/index';
import { EntityFactSchema, RelationshipFactSchema, SourceFactSchema } from '../../../src/ingest/facts.schema';
import type { GraphEdge, GraphNode } from '../../../src/model/elements';
import { NodeKind, ParticipantRole, RelType, ROLE_CODES } from '../../../src/model/vocabulary';
import { EXPORT_META, exportFixture, TALKS_2022, TALKS_2025 } from '../../support/export-fixture';

const FORMATS = Object.values(ExportFormat);

describe('formats', () => {
  it('has a media type and extension for every format', () => {
    expect(FORMAT_INFO).toEqual({
      JSON: { mediaType: 'application/json', extension: 'json' },
      GRAPHML: { mediaType: 'application/graphml+xml', extension: 'graphml' },
      GEXF: { mediaType: 'application/gexf+xml', extension: 'gexf' },
      CYTOSCAPE: { mediaType: 'application/json', extension: 'cyjs' },
      CSV: { mediaType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
      CYPHER: { mediaType: 'text/plain; charset=utf-8', extension: 'cypher' },
    });
  });

  it('names files after the seeds and depth, with only safe characters', () => {
    expect(exportFilename(['country:UKR'], 2, ExportFormat.GRAPHML)).toBe('diplograph-country-UKR-depth-2.graphml');
    expect(exportFilename(['country:UKR', 'country:RUS', 'x'], 1, ExportFormat.GEXF)).toBe(
      'diplograph-country-UKR-and-2-more-depth-1.gexf',
    );
    expect(exportFilename(['country:UKR'], 0, ExportFormat.CSV)).toBe('diplograph-country-UKR-depth-0-nodes.csv');
    expect(exportFilename(['country:UKR'], 0, ExportFormat.CSV, { table: 'edges' })).toBe(
      'diplograph-country-UKR-depth-0-edges.csv',
    );
    expect(exportFilename([], 1, ExportFormat.JSON)).toBe('diplograph-subgraph-depth-1.json');
    const hostile = exportFilename(['../../etc/passwd"\r\nX-Evil: 1; Україна'], 1, ExportFormat.CYPHER);
    expect(hostile).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(hostile).toBe('diplograph-etc-passwd-X-Evil-1-depth-1.cypher');
  });
});

describe('writer contract', () => {
  const { nodes, edges } = exportFixture();

  it.each(FORMATS)('%s: refuses calls out of order', (format) => {
    const writer = createExportWriter(format, () => {});
    expect(() => writer.node(nodes[0]!)).toThrow('Export failed: node() called before begin()');
    writer.begin(EXPORT_META);
    expect(() => writer.begin(EXPORT_META)).toThrow('begin() called while writing nodes');
    writer.node(nodes[0]!);
    writer.edge(edges[0]!);
    expect(() => writer.node(nodes[1]!)).toThrow('node() called while writing edges (nodes come first)');
    writer.end();
    expect(() => writer.edge(edges[1]!)).toThrow('edge() called after end()');
  });

  it.each(FORMATS)(
    '%s: refuses a node kind or relationship type the model does not have, writing nothing of it',
    (format) => {
      const chunks: string[] = [];
      const writer = createExportWriter(format, (c) => chunks.push(c), { table: 'edges' });
      writer.begin(EXPORT_META);
      const evilKind = 'Person}) DETACH DELETE n //';
      const badNode = { ...nodes[1]!, kind: evilKind as NodeKind };
      expect(() => writer.node(badNode)).toThrow(`Export failed: node "country:TUR" has unknown kind "${evilKind}"`);
      const evilType = 'KNOWS]->(b) DETACH DELETE a //';
      const badEdge = { ...edges[0]!, type: evilType as RelType };
      expect(() => writer.edge(badEdge)).toThrow(/has unknown type "KNOWS\]->\(b\) DETACH DELETE a \/\/"/);
      expect(chunks.join('')).not.toContain('DETACH DELETE');
    },
  );

  it('refuses an edge to a node that is not in the subgraph', () => {
    const subgraph = exportFixture();
    subgraph.nodes = subgraph.nodes.filter((n) => n.id !== TALKS_2022);
    expect(() => exportSubgraph(subgraph, ExportFormat.JSON, EXPORT_META)).toThrow(/joins a node that is not in/);
  });

  it('refuses an unknown format or CSV table', () => {
    expect(() => createExportWriter('XLSX' as ExportFormat, () => {})).toThrow(/unknown format "XLSX"/);
    expect(() => createExportWriter(ExportFormat.CSV, () => {}, { table: 'both' as 'nodes' })).toThrow(
      /unknown CSV table "both"/,
    );
  });

  /** Writes `subgraph` with a streaming writer: the chunks handed over before `end()`, and all of them. */
  const streamed = (format: ExportFormat, subgraph: ReturnType<typeof exportFixture>) => {
    const chunks: string[] = [];
    const writer = createExportWriter(format, (c) => chunks.push(c));
    writer.begin({
      ...EXPORT_META,
      nodeCount: subgraph.nodes.length,
      edgeCount: subgraph.edges.length,
      truncated: false,
    });
    for (const node of subgraph.nodes) writer.node(node);
    for (const edge of subgraph.edges) writer.edge(edge);
    const beforeEnd = chunks.length;
    writer.end();
    return { beforeEnd, text: chunks.join('') };
  };

  it.each(FORMATS.filter((f) => f !== ExportFormat.CSV))(
    '%s: streams a chunk per element that add up to exportSubgraph',
    (format) => {
      const subgraph = exportFixture();
      const { beforeEnd, text } = streamed(format, subgraph);
      expect(beforeEnd).toBeGreaterThan(subgraph.nodes.length);
      expect(text).toBe(exportSubgraph(subgraph, format, EXPORT_META));
    },
  );

  it('CSV: streams rows a batch at a time, adding up to exportSubgraph', () => {
    const template = exportFixture();
    // Enough rows for three batches of CSV_ROWS_PER_CALL and a part batch.
    const nodes = Array.from({ length: 3 * CSV_ROWS_PER_CALL + 10 }, (_, i) => ({
      ...template.nodes[i % template.nodes.length]!,
      id: `person:n${i}`,
    }));
    const subgraph = { ...template, nodes, edges: [] };
    const { beforeEnd, text } = streamed(ExportFormat.CSV, subgraph);
    expect(beforeEnd).toBe(1 + 3); // the header, then three full batches; the rest at end()
    expect(text).toBe(exportSubgraph(subgraph, ExportFormat.CSV, EXPORT_META));
    expect(text.split('\r\n').length - 2).toBe(nodes.length); // rows, after the header, before the last CRLF
  });
});

describe('shared rules', () => {
  const edge = (role: string, type = RelType.PARTICIPATED_IN): GraphEdge => ({
    id: 'e',
    type,
    from: 'country:TUR',
    to: TALKS_2025,
    properties: { role },
    evidence: [],
  });

  it('writes evidence as JSON text equal to the evidence list stringified, hostile quotes included', () => {
    const lists = [
      [],
      [{ sourceId: 'source:a', quote: 'He said "no" & <left>\n\t\u0000 \uD800 🇺🇦 Türkiye', offset: 0 }],
      [
        { sourceId: 'source:a', quote: 'first', offset: 12 },
        { sourceId: 'source:"b"', quote: '', offset: 3456789 },
      ],
    ];
    for (const evidence of lists) {
      expect(evidenceJson(evidence)).toBe(JSON.stringify(evidenceList(evidence)));
      expect(JSON.parse(evidenceJson(evidence))).toEqual(evidence);
    }
  });

  it('gives every participant role its CAMEO and PLOVER codes, and no codes to other edges', () => {
    for (const role of Object.values(ParticipantRole)) expect(roleCodes(edge(role))).toEqual(ROLE_CODES[role]);
    expect(roleCodes(edge('HEAD', RelType.MEMBER_OF))).toBeUndefined();
    expect(roleCodes(edge('NOT_A_ROLE'))).toBeUndefined();
  });

  it('turns dates into day spans: a day, a month, a year, an office term open at one end', () => {
    expect(timeSpan({ date: '2025-05-16' })).toEqual({ start: '2025-05-16', end: '2025-05-16' });
    expect(timeSpan({ date: '2022-03' })).toEqual({ start: '2022-03-01', end: '2022-03-31' });
    expect(timeSpan({ date: '2024-02' })).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(timeSpan({ date: '2022' })).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(timeSpan({ dateStart: '2022-03-01', dateEnd: '2022-03-31', date: '2022-03' })).toEqual({
      start: '2022-03-01',
      end: '2022-03-31',
    });
    expect(timeSpan({ since: '2023-06' })).toEqual({ start: '2023-06-01', end: undefined });
    expect(timeSpan({ until: '2024' })).toEqual({ start: undefined, end: '2024-12-31' });
    expect(timeSpan({ date: 'last spring' })).toBeUndefined();
    expect(timeSpan({})).toBeUndefined();
  });

  it('declares an attribute for every property the facts format can store (drift test)', () => {
    // plan.ts stores a `date` as four properties; the rest keep their names.
    const stored = (key: string) => (key === 'date' ? ['date', 'datePrecision', 'dateStart', 'dateEnd'] : [key]);
    const keysOf = (schema: z.ZodType): string[] => {
      const unwrapped = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
      return unwrapped instanceof z.ZodObject ? Object.keys(unwrapped.shape) : [];
    };
    const nodeKeys = new Set<string>();
    for (const option of EntityFactSchema.options) {
      for (const key of Object.keys(option.shape)) {
        if (!['id', 'kind', 'name', 'evidence'].includes(key)) for (const k of stored(key)) nodeKeys.add(k);
      }
    }
    for (const key of Object.keys(SourceFactSchema.shape)) {
      if (!['id', 'textFile'].includes(key)) for (const k of stored(key)) nodeKeys.add(k);
    }
    const edgeKeys = new Set<string>();
    for (const option of RelationshipFactSchema.options) {
      for (const key of keysOf(option.shape.props as z.ZodType)) for (const k of stored(key)) edgeKeys.add(k);
    }
    const declared = (specs: readonly { name: string }[]) => new Set(specs.map((s) => s.name));
    expect([...nodeKeys].filter((k) => !declared(NODE_PROPERTY_ATTRIBUTES).has(k))).toEqual([]);
    expect([...edgeKeys].filter((k) => !declared(EDGE_PROPERTY_ATTRIBUTES).has(k))).toEqual([]);
    expect(edgeKeys.has('role')).toBe(true);
  });

  it('declares each attribute once per element type', () => {
    for (const specs of [NODE_ATTRIBUTES, EDGE_ATTRIBUTES]) {
      const names = specs.map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('checks every node of the fixture has a kind the model knows (the fixture covers them all)', () => {
    const { nodes, edges } = exportFixture();
    expect(new Set(nodes.map((n: GraphNode) => n.kind))).toEqual(new Set(Object.values(NodeKind)));
    expect(edges.filter((e) => e.type === RelType.PARTICIPATED_IN).length).toBeGreaterThanOrEqual(5);
  });
});
