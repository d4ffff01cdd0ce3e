/**
 * The property record (src/model/properties.ts): the stored properties and export types derived
 * from its zod shapes, the types inferred from them, and that what the loader stores for every
 * facts document in the repository is what the record declares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EDGE_PROPERTY_ATTRIBUTES, NODE_PROPERTY_ATTRIBUTES } from '../../../src/export/common';
import { planFromFacts } from '../../../src/ingest/plan';
import { parseFactsDocument } from '../../../src/ingest/validate';
import {
  EDGE_PROPERTIES,
  type EdgeProperties,
  KIND_PROPERTIES,
  type NodeProperties,
  STORED_EDGE_PROPERTIES,
  STORED_NODE_PROPERTIES,
  storedForm,
} from '../../../src/model/properties';
import { MeetingStatus, NodeKind, RelType } from '../../../src/model/vocabulary';

const ROOT = path.join(__dirname, '..', '..', '..');
const DOCUMENTS = [
  path.join(ROOT, 'seed', '2025-05-17-china-daily-istanbul-talks.facts.yaml'),
  ...fs
    .readdirSync(path.join(ROOT, 'test', 'fixtures', 'sources'))
    .filter((f) => f.endsWith('.facts.yaml'))
    .map((f) => path.join(ROOT, 'test', 'fixtures', 'sources', f)),
];

const typeOf = (list: readonly { name: string; type: string; list?: true }[], name: string) => {
  const found = list.find((p) => p.name === name);
  return found && `${found.type}${found.list ? '[]' : ''}`;
};

describe('the property record', () => {
  it('stores a `date` as the date, its precision and its span; an office term as its value', () => {
    expect(storedForm('date', KIND_PROPERTIES[NodeKind.Meeting].date).map((p) => p.name)).toEqual([
      'date',
      'datePrecision',
      'dateStart',
      'dateEnd',
    ]);
    expect(storedForm('since', EDGE_PROPERTIES[RelType.HOLDS_OFFICE].since)).toEqual([
      { name: 'since', type: 'string' },
    ]);
    // The source's publication date is a date too, though described in its own words.
    expect(storedForm('date', KIND_PROPERTIES[NodeKind.Source].date)).toHaveLength(4);
    expect(storedForm('textFile', KIND_PROPERTIES[NodeKind.Source].textFile)).toEqual([]);
  });

  it('derives each stored property’s type from its schema: ints, doubles, booleans, strings, lists', () => {
    expect(typeOf(STORED_NODE_PROPERTIES, 'durationMinutes')).toBe('int');
    expect(typeOf(STORED_NODE_PROPERTIES, 'latitude')).toBe('double');
    expect(typeOf(STORED_NODE_PROPERTIES, 'unnamed')).toBe('boolean');
    expect(typeOf(STORED_NODE_PROPERTIES, 'durationApproximate')).toBe('boolean');
    expect(typeOf(STORED_NODE_PROPERTIES, 'status')).toBe('string');
    expect(typeOf(STORED_NODE_PROPERTIES, 'url')).toBe('string');
    expect(typeOf(STORED_NODE_PROPERTIES, 'aliases')).toBe('string[]');
    expect(typeOf(STORED_NODE_PROPERTIES, 'name')).toBeUndefined();
    expect(typeOf(STORED_NODE_PROPERTIES, 'textFile')).toBeUndefined();
    expect(typeOf(STORED_EDGE_PROPERTIES, 'role')).toBe('string');
    expect(typeOf(STORED_EDGE_PROPERTIES, 'dateEnd')).toBe('string');
    for (const list of [STORED_NODE_PROPERTIES, STORED_EDGE_PROPERTIES]) {
      expect(new Set(list.map((p) => p.name)).size).toBe(list.length);
    }
  });

  it('gives the export its attribute lists, lists as JSON strings and role codes after the role', () => {
    expect(NODE_PROPERTY_ATTRIBUTES.map((a) => a.name)).toEqual(STORED_NODE_PROPERTIES.map((p) => p.name));
    expect(NODE_PROPERTY_ATTRIBUTES.find((a) => a.name === 'aliases')).toEqual({
      name: 'aliases',
      type: 'string',
      list: true,
    });
    const edgeNames = EDGE_PROPERTY_ATTRIBUTES.map((a) => a.name);
    expect(edgeNames.slice(edgeNames.indexOf('role'), edgeNames.indexOf('role') + 3)).toEqual([
      'role',
      'cameo',
      'plover',
    ]);
  });

  it('declares every property the loader stores for every facts document in the repository', () => {
    const declaredNode = new Set(['name', ...STORED_NODE_PROPERTIES.map((p) => p.name)]);
    const declaredEdge = new Set(STORED_EDGE_PROPERTIES.map((p) => p.name));
    const undeclared: string[] = [];
    for (const file of DOCUMENTS) {
      const result = parseFactsDocument(fs.readFileSync(file, 'utf8'), file);
      if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.problems)}`);
      const plan = planFromFacts(result.document);
      for (const node of plan.nodes) {
        for (const [key, value] of Object.entries(node.props)) {
          // textOffset is found by the validator, not stated by a source: not part of the record.
          if (value !== undefined && !declaredNode.has(key) && key !== 'textOffset')
            undeclared.push(`${node.id}.${key}`);
        }
      }
      for (const edge of plan.edges) {
        for (const [key, value] of Object.entries(edge.props)) {
          if (value !== undefined && !declaredEdge.has(key)) undeclared.push(`${edge.id}.${key}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('infers TypeScript types from the shapes', () => {
    const talks: NodeProperties<NodeKind.Meeting> = {
      name: 'Istanbul talks (invented example)',
      status: MeetingStatus.HELD,
      durationMinutes: 90,
    };
    const office: EdgeProperties<RelType.HOLDS_OFFICE> = { title: 'Foreign Minister', since: '2023-06' };
    // @ts-expect-error a country has no duration
    const country: NodeProperties<NodeKind.Country> = { name: 'Türkiye', durationMinutes: 90 };
    expect([talks.durationMinutes, office.since, country.name]).toEqual([90, '2023-06', 'Türkiye']);
  });
});
