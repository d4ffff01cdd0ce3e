import { parse } from 'csv-parse/sync';
import { CSV_EDGE_COLUMNS, CSV_NODE_COLUMNS } from '../../../src/export/csv';
import { ExportFormat, exportSubgraph } from '../../../src/export/index';
import type { Subgraph } from '../../../src/model/elements';
import { NodeKind, RelType, ROLE_CODES } from '../../../src/model/vocabulary';
import { CONTROL_NOTE, EXPORT_META, exportFixture, HOSTILE, NAMES } from '../../support/export-fixture';

type Row = Record<string, string>;

describe('CSV export', () => {
  const subgraph = exportFixture();
  const nodesCsv = exportSubgraph(subgraph, ExportFormat.CSV, EXPORT_META);
  const edgesCsv = exportSubgraph(subgraph, ExportFormat.CSV, EXPORT_META, { table: 'edges' });
  const read = (text: string): Row[] => parse(text, { bom: true, columns: true });

  it('writes RFC 4180 with a BOM, CRLF rows and a header', () => {
    expect(nodesCsv.startsWith('\uFEFFid,kind,name,aliases,properties,evidence,disputed,claims\r\n')).toBe(true);
    expect(edgesCsv.startsWith(`\uFEFF${CSV_EDGE_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(Object.keys(read(nodesCsv)[0]!)).toEqual([...CSV_NODE_COLUMNS]);
  });

  it('has one row per node, round-tripping names, aliases, properties and evidence exactly', () => {
    const rows = read(nodesCsv);
    expect(rows).toHaveLength(subgraph.nodes.length);
    for (const [i, node] of subgraph.nodes.entries()) {
      const row = rows[i]!;
      const { aliases, ...rest } = node.properties;
      expect(row.id).toBe(node.id);
      expect(row.kind).toBe(node.kind);
      if (node.name !== NAMES.formula) expect(row.name).toBe(node.name);
      expect(JSON.parse(row.aliases!)).toEqual(aliases ?? []);
      expect(JSON.parse(row.properties!)).toEqual(rest);
      expect(JSON.parse(row.evidence!)).toEqual(node.evidence);
    }
    const statement = rows.find((r) => r.id === 'statement:ukraine-conditions')!;
    expect(JSON.parse(statement.properties!).text).toBe(HOSTILE);
  });

  it("defuses a value a spreadsheet would run as a formula with a leading '", () => {
    const statement = read(nodesCsv).find((r) => r.id === 'statement:ukraine-conditions')!;
    expect(statement.name).toBe(`'${NAMES.formula}`);
  });

  it('has one row per edge with role and codes in columns and the rest as JSON', () => {
    const rows = read(edgesCsv);
    expect(rows).toHaveLength(subgraph.edges.length);
    for (const [i, edge] of subgraph.edges.entries()) {
      const row = rows[i]!;
      const { role, cameo, plover, ...rest } = edge.properties;
      expect([row.id, row.type, row.source, row.target]).toEqual([edge.id, edge.type, edge.from, edge.to]);
      expect(row.role).toBe(role ?? '');
      if (edge.type === RelType.PARTICIPATED_IN) {
        expect({ cameo: row.cameo, plover: row.plover }).toEqual(ROLE_CODES[role as 'HOST']);
      } else {
        expect([row.cameo, row.plover, cameo, plover]).toEqual(['', '', undefined, undefined]);
      }
      expect(JSON.parse(row.properties!)).toEqual(rest);
      expect(JSON.parse(row.evidence!)).toEqual(edge.evidence);
    }
    const presence = rows.find((r) => r.type === RelType.PRESENT_IN)!;
    expect(JSON.parse(presence.properties!).note).toBe(CONTROL_NOTE);
  });
});

describe('CSV export of names that try to add rows or formulas (invented examples)', () => {
  // Invented hostile names, not from any source: a line break followed by a formula, a CR first,
  // and a name that is nothing but separators.
  const names = [
    "Analyst\n=cmd|' /C calc'!A0",
    '\r=1+1',
    'Envoy\r+SUM(A1:A9)',
    'Aide\r\n@HYPERLINK("http://127.0.0.1")',
    'tab\n\t-2+3',
    ',"\r\n',
  ];
  const subgraph: Subgraph = {
    nodes: names.map((name, i) => ({
      id: `person:invented-${i}`,
      kind: NodeKind.Person,
      name,
      properties: { aliases: [name] },
      evidence: [],
    })),
    edges: [],
    truncated: false,
  };
  const csv = exportSubgraph(subgraph, ExportFormat.CSV, EXPORT_META);
  // As a spreadsheet reads rows: any of CRLF, LF or CR outside quotes ends one.
  // (a row of the wrong length is kept, so that the test below says so).
  const records: string[][] = parse(csv, {
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
  });
  const FORMULA_START = /^[=+\-@\t\r]/;

  it('keeps every name in its own row and cell: one record per node, six fields each', () => {
    expect(records).toHaveLength(1 + names.length);
    for (const record of records) expect(record).toHaveLength(CSV_NODE_COLUMNS.length);
    expect(records.slice(1).map((r) => r[0])).toEqual(names.map((_, i) => `person:invented-${i}`));
  });

  it('starts no cell and no line within a cell with = + - @ tab or CR', () => {
    for (const record of records) {
      for (const field of record) {
        for (const line of field.split(/\r\n|\r|\n/)) expect(line).not.toMatch(FORMULA_START);
        expect(field).not.toMatch(FORMULA_START);
      }
    }
  });

  it('starts no physical line of the file with a formula either', () => {
    for (const line of csv.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) expect(line).not.toMatch(FORMULA_START);
  });

  it('keeps the text otherwise: the guard only adds a quote mark before a formula', () => {
    const read = records.slice(1).map((r) => r[2]!.replace(/(^|[\r\n])'/g, '$1'));
    expect(read).toEqual(names);
    // Aliases are JSON: line breaks are escaped there, so the text round-trips exactly.
    expect(records.slice(1).map((r) => JSON.parse(r[3]!)[0])).toEqual(names);
  });
});
