/**
 * CSV for spreadsheets: RFC 4180 (quoted where needed, CRLF rows) by csv-stringify, one table per
 * file — nodes (id, kind, name, aliases, properties, evidence, disputed, claims) or edges (id,
 * type, source, target, role, cameo, plover, properties, evidence, disputed, claims). Lists and
 * the remaining properties are JSON; `disputed` and `claims` are filled only where sources
 * disagree: the disputed properties' names, and each one's value per source. A UTF-8 byte-order
 * mark makes Excel read Türkiye as Türkiye; fields that a spreadsheet would run as a formula
 * (=, +, -, @, tab or CR first, and after any line break inside a field) are prefixed with '
 * (OWASP's CSV injection advice), and every field holding CR, LF, a comma or a quote is quoted,
 * so text from sources can neither add rows nor run code on a reader's machine.
 */
import { stringify } from 'csv-stringify/sync';
import type { GraphEdge, GraphNode, PropertyValue } from '../model/elements';
import { disputedClaims, edgeProperties, evidenceJson, sortedProperties } from './common';
import type { CsvTable, ExportSink, ExportWriter } from './format';

export const CSV_NODE_COLUMNS = [
  'id',
  'kind',
  'name',
  'aliases',
  'properties',
  'evidence',
  'disputed',
  'claims',
] as const;
export const CSV_EDGE_COLUMNS = [
  'id',
  'type',
  'source',
  'target',
  'role',
  'cameo',
  'plover',
  'properties',
  'evidence',
  'disputed',
  'claims',
] as const;

/** What a spreadsheet runs as a formula at the start of a cell (csv-stringify's list). */
const FORMULA_AFTER_BREAK = /([\r\n]+)([=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * The formula guard after every line break inside a field too: a reader that splits lines
 * before it parses quotes (a naive import, grep, a log viewer) must not meet a live formula.
 */
function guardLines(value: string): string {
  if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return value;
  return value.replace(FORMULA_AFTER_BREAK, "$1'$2");
}

const OPTIONS = {
  record_delimiter: '\r\n',
  // With a record delimiter given, csv-stringify quotes a field only when it holds the whole
  // delimiter; a lone CR or LF would start a new row unquoted.
  quote_record_delimiter: true,
  escape_formulas: true,
  cast: { string: guardLines },
} as const;

/**
 * Rows go to csv-stringify this many at a time: its sync API sets up a stringifier on every
 * call (options checked, state made), which cost more than the rows themselves one by one.
 */
export const CSV_ROWS_PER_CALL = 256;

export function csvWriter(sink: ExportSink, table: CsvTable = 'nodes'): ExportWriter {
  let rows: string[][] = [];
  const writeRows = () => {
    if (rows.length === 0) return;
    sink(stringify(rows, OPTIONS));
    rows = [];
  };
  const row = (cells: string[]) => {
    rows.push(cells);
    if (rows.length === CSV_ROWS_PER_CALL) writeRows();
  };
  return {
    begin() {
      const columns = table === 'nodes' ? CSV_NODE_COLUMNS : CSV_EDGE_COLUMNS;
      sink(stringify([[...columns]], { ...OPTIONS, bom: true }));
    },
    node(node) {
      if (table === 'nodes') row(nodeRow(node));
    },
    edge(edge) {
      if (table === 'edges') row(edgeRow(edge));
    },
    end() {
      writeRows();
    },
  };
}

function nodeRow(node: GraphNode): string[] {
  const { aliases, ...rest } = node.properties;
  const properties: Record<string, PropertyValue> = Array.isArray(aliases) || aliases == null ? rest : node.properties;
  return [
    node.id,
    node.kind,
    node.name,
    JSON.stringify(Array.isArray(aliases) ? aliases : []),
    JSON.stringify(sortedProperties(properties)),
    evidenceJson(node.evidence),
    ...claimCells(node),
  ];
}

function edgeRow(edge: GraphEdge): string[] {
  const { role, cameo, plover, ...rest } = edgeProperties(edge);
  const columns = { role, cameo, plover };
  const properties: Record<string, PropertyValue> = { ...rest };
  // A column holds text; a value of another type stays in the properties JSON.
  for (const [key, value] of Object.entries(columns)) {
    if (value != null && typeof value !== 'string') properties[key] = value;
  }
  return [
    edge.id,
    edge.type,
    edge.from,
    edge.to,
    typeof role === 'string' ? role : '',
    typeof cameo === 'string' ? cameo : '',
    typeof plover === 'string' ? plover : '',
    JSON.stringify(sortedProperties(properties)),
    evidenceJson(edge.evidence),
    ...claimCells(edge),
  ];
}

/** `disputed` and `claims`: empty unless the element's sources disagree (see common.ts). */
function claimCells(element: GraphNode | GraphEdge): [string, string] {
  if (!element.disputed || element.disputed.length === 0) return ['', ''];
  const claims = disputedClaims(element);
  return [JSON.stringify(element.disputed), claims ? JSON.stringify(claims) : ''];
}
