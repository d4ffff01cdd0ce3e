import {
  CYPHER_CLAIM_SCHEMA,
  CYPHER_CONSTRAINT,
  cypherString,
  edgeStatement,
  nodeStatement,
} from '../../../src/export/cypher';
import { ExportFormat, exportSubgraph } from '../../../src/export/index';
import type { GraphEdge, GraphNode } from '../../../src/model/elements';
import type { NodeKind, RelType } from '../../../src/model/vocabulary';
import { EXPORT_META, exportFixture } from '../../support/export-fixture';

describe('Cypher export', () => {
  const subgraph = exportFixture();
  const script = exportSubgraph(subgraph, ExportFormat.CYPHER, EXPORT_META);
  const lines = script.split('\n').filter((l) => l !== '');

  it('is ASCII, one statement per line: the schema, then a MERGE per node, then per edge', () => {
    expect(script).toMatch(/^[\x20-\x7e\n]*$/);
    const statements = lines.filter((l) => !l.startsWith('//'));
    // The fixture's elements come with no claims: no Claim statements.
    expect(statements).toHaveLength(4 + subgraph.nodes.length + subgraph.edges.length);
    expect(statements.slice(0, 4)).toEqual([CYPHER_CONSTRAINT, ...CYPHER_CLAIM_SCHEMA]);
    for (const s of statements) expect(s.endsWith(';')).toBe(true);
    expect(statements.slice(4, 18).every((s) => s.startsWith('MERGE (n:Entity {id: '))).toBe(true);
    expect(statements.slice(18).every((s) => s.startsWith('MATCH (a:Entity {id: '))).toBe(true);
    expect(script).not.toMatch(/\$\w/);
  });

  it('writes the meta as a comment that no input can break out of', () => {
    const evil = exportSubgraph({ nodes: [], edges: [], truncated: false }, ExportFormat.CYPHER, {
      ...EXPORT_META,
      seedIds: ['x\nMATCH (n) DETACH DELETE n;\u2028MATCH (m) DELETE m;'],
    });
    expect(evil.split('\n').filter((l) => l.includes('DELETE'))).toEqual([
      expect.stringMatching(/^\/\/ meta: .*x\\nMATCH \(n\) DETACH DELETE n;\\u2028MATCH/),
    ]);
  });

  it('escapes string literals: backslash, quotes, newlines, tabs, controls, non-ASCII, astral', () => {
    expect(cypherString(`it's`)).toBe(`'it\\'s'`);
    expect(cypherString('C:\\path\\n')).toBe(`'C:\\\\path\\\\n'`);
    expect(cypherString('say "hi"')).toBe(`'say "hi"'`);
    expect(cypherString('a\nb\r\nc\td\b\f\u0007')).toBe(`'a\\nb\\r\\nc\\td\\b\\f\\u0007'`);
    expect(cypherString('Türkiye Україна 中国')).toBe(
      `'T\\u00FCrkiye \\u0423\\u043A\\u0440\\u0430\\u0457\\u043D\\u0430 \\u4E2D\\u56FD'`,
    );
    expect(cypherString('🇺🇦')).toBe(`'\\uD83C\\uDDFA\\uD83C\\uDDE6'`);
    expect(cypherString(`'}) DETACH DELETE n //`)).toBe(`'\\'}) DETACH DELETE n //'`);
  });

  it('merges nodes by id with their label, properties, search text and evidence lists', () => {
    const node: GraphNode = {
      id: 'country:TUR',
      kind: 'Country' as NodeKind,
      name: 'Türkiye',
      properties: { aliases: ['Turkey'], iso3: 'TUR', latitude: 39, ratio: 0.5, flag: true, none: null },
      evidence: [{ sourceId: 'source:s', quote: "it's", offset: 12 }],
    };
    expect(nodeStatement(node)).toBe(
      "MERGE (n:Entity {id: 'country:TUR'}) SET n:Country, n += {aliases: ['Turkey'], flag: true, iso3: 'TUR', " +
        "latitude: 39, ratio: 0.5, name: 'T\\u00FCrkiye', searchText: 'T\\u00FCrkiye | Turkey', " +
        "evidenceSourceIds: ['source:s'], evidenceQuotes: ['it\\'s'], evidenceOffsets: [12]};",
    );
  });

  it('merges relationships by id between nodes matched by id, with role codes', () => {
    const edge: GraphEdge = {
      id: 'country:TUR-PARTICIPATED_IN->meeting:m',
      type: 'PARTICIPATED_IN' as RelType,
      from: 'country:TUR',
      to: 'meeting:m',
      properties: { role: 'HOST' },
      evidence: [],
    };
    expect(edgeStatement(edge)).toBe(
      "MATCH (a:Entity {id: 'country:TUR'}) MATCH (b:Entity {id: 'meeting:m'}) " +
        "MERGE (a)-[r:PARTICIPATED_IN {id: 'country:TUR-PARTICIPATED_IN->meeting:m'}]->(b) " +
        "SET r += {cameo: '043', plover: 'CONSULT:host', role: 'HOST', evidenceSourceIds: [], evidenceQuotes: [], evidenceOffsets: []};",
    );
  });

  it('writes numbers as Neo4j reads them back, and one float makes a whole list float', () => {
    const node = (value: GraphNode['properties'][string]): GraphNode => ({
      id: 'place:p',
      kind: 'Place' as NodeKind,
      name: 'p',
      properties: { value },
      evidence: [],
    });
    expect(nodeStatement(node([1, 2.5]))).toContain('value: [1.0, 2.5]');
    expect(nodeStatement(node([1, 2]))).toContain('value: [1, 2]');
    expect(nodeStatement(node(1e21))).toContain('value: 1e21');
    expect(nodeStatement(node(-0.25))).toContain('value: -0.25');
  });

  it('refuses kinds, types, property names and values it cannot write safely', () => {
    const base = subgraph.nodes[1]!;
    expect(() => nodeStatement({ ...base, kind: 'Country:Admin' as NodeKind })).toThrow(/unknown kind "Country:Admin"/);
    expect(() => edgeStatement({ ...subgraph.edges[0]!, type: 'X]->() //' as RelType })).toThrow(/unknown type/);
    expect(() => nodeStatement({ ...base, properties: { 'a`}) DELETE n //': 'x' } })).toThrow(
      /is not a plain identifier/,
    );
    expect(() => nodeStatement({ ...base, properties: { mixed: ['a', 1] as unknown as string[] } })).toThrow(
      /cannot store/,
    );
    expect(() => nodeStatement({ ...base, properties: { nested: { a: 1 } as unknown as string } })).toThrow(
      /cannot store/,
    );
    expect(() => nodeStatement({ ...base, properties: { n: Number.NaN } })).toThrow(/not a finite number/);
  });
});
