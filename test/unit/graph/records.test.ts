/**
 * Export rows: property names (one string, each name after a U+001F) and values (a list) in the
 * order Neo4j keeps them. The element must not depend on that order, and the reserved keys must
 * land in their own fields.
 */
import { edgeFromRow, nodeFromRow } from '../../../src/graph/records';

/** A row's names as the export statement writes them. */
const names = (keys: readonly string[]) => keys.map((key) => `\u001F${key}`).join('');

const EVIDENCE_KEYS = ['evidenceSourceIds', 'evidenceQuotes', 'evidenceOffsets'];
const EVIDENCE_VALUES = [['source:cd'], ['met in Istanbul'], [120]];

describe('nodeFromRow', () => {
  it('puts the properties in key order, whatever order the row has, and keeps id, name and evidence apart', () => {
    const keys = ['name', 'iso3', 'id', 'aliases', ...EVIDENCE_KEYS];
    const values = ['Türkiye', 'TUR', 'country:TUR', ['Turkey'], ...EVIDENCE_VALUES];
    const node = nodeFromRow([['Entity', 'Country'], names(keys), values]);
    expect(node).toEqual({
      id: 'country:TUR',
      kind: 'Country',
      name: 'Türkiye',
      properties: { aliases: ['Turkey'], iso3: 'TUR' },
      evidence: [{ sourceId: 'source:cd', quote: 'met in Istanbul', offset: 120 }],
    });
    expect(Object.keys(node.properties)).toEqual(['aliases', 'iso3']);

    const reversed = nodeFromRow([['Country', 'Entity'], names([...keys].reverse()), [...values].reverse()]);
    expect(reversed).toEqual(node);
    expect(Object.keys(reversed.properties)).toEqual(['aliases', 'iso3']);
  });

  it('reads rows with different property names each by its own names', () => {
    const a = nodeFromRow([['Entity', 'Source'], names(['id', 'title']), ['source:a', 'Talks in Istanbul']]);
    const b = nodeFromRow([['Entity', 'Source'], names(['title', 'id', 'url']), ['Other', 'source:b', 'https://x']]);
    expect(a).toMatchObject({ id: 'source:a', name: 'Talks in Istanbul', properties: { title: 'Talks in Istanbul' } });
    expect(b).toMatchObject({ id: 'source:b', name: 'Other', properties: { title: 'Other', url: 'https://x' } });
    expect(a.evidence).toEqual([]);
  });

  it('refuses a row whose names and values do not pair up (a name holding the separator)', () => {
    expect(() => nodeFromRow([['Entity', 'Source'], names(['id', 'ti\u001Ftle']), ['source:a', 'x']])).toThrow(
      /2 values for 3 property names/,
    );
  });
});

describe('edgeFromRow', () => {
  it('takes type and endpoints from the row and the properties in key order', () => {
    const edge = edgeFromRow([
      'PARTICIPATED_IN',
      'person:fidan',
      'meeting:istanbul',
      names(['role', 'id', ...EVIDENCE_KEYS, 'note']),
      ['HOST', 'e1', ...EVIDENCE_VALUES, 'hosted'],
    ]);
    expect(edge).toEqual({
      id: 'e1',
      type: 'PARTICIPATED_IN',
      from: 'person:fidan',
      to: 'meeting:istanbul',
      properties: { note: 'hosted', role: 'HOST' },
      evidence: [{ sourceId: 'source:cd', quote: 'met in Istanbul', offset: 120 }],
    });
    expect(Object.keys(edge.properties)).toEqual(['note', 'role']);
  });

  it('names an edge without an id by its endpoints and type', () => {
    expect(edgeFromRow(['HELD_AT', 'meeting:a', 'place:b', '', []]).id).toBe('meeting:a-HELD_AT->place:b');
  });
});
