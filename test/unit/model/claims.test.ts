/**
 * The rule for current values (src/model/claims.ts), on invented claims: the latest source wins
 * per group, ties go to the smaller source id, names and aliases are a union, and the result does
 * not depend on the order the claims come in.
 */
import { type Claim, derive, ranked, stableJson } from '../../../src/model/claims';

const claim = (sourceId: string, sourceDate: string | null, values: Claim['values']): Claim => ({
  sourceId,
  sourceDate,
  values,
  evidence: [{ sourceId, quote: `quote of ${sourceId}`, offset: 0 }],
});

const early = claim('source:b-early', '2025-05-17', {
  name: 'Türkiye',
  aliases: ['Turkiye', 'Turkey'],
  durationMinutes: 120,
  durationApproximate: true,
});
const late = claim('source:a-late', '2025-06-03', { name: 'Turkey', durationMinutes: 90 });
const undated = claim('source:c-undated', null, { name: 'Turquie', description: 'undated' });

describe('derive', () => {
  it('takes each group from the latest source that states it, never mixing two sources in one group', () => {
    const shown = derive([early, late]);
    expect(shown.props.name).toBe('Turkey');
    expect(shown.props.durationMinutes).toBe(90);
    // The late source gives a duration without saying it is approximate: "approximate" was the
    // early source's word about its own figure, and does not carry over.
    expect(shown.props.durationApproximate).toBeUndefined();
    expect(shown.from.durationMinutes).toBe('source:a-late');
  });

  it('keeps every spelling as an alias, less the name shown', () => {
    expect(derive([early, late]).props.aliases).toEqual(['Türkiye', 'Turkiye']);
    expect(derive([early, late, undated]).props.aliases).toEqual(['Türkiye', 'Turkiye', 'Turquie']);
  });

  it('names the disputed properties, not those only one source states or all agree on', () => {
    const agreeing = claim('source:d', '2025-05-20', { name: 'Turkey', durationMinutes: 90 });
    expect(derive([early, late, agreeing]).disputed).toEqual(['durationMinutes', 'name']);
    expect(derive([late, agreeing]).disputed).toEqual([]);
  });

  it('gives the same result in every order of the claims', () => {
    const orders = [
      [early, late, undated],
      [late, undated, early],
      [undated, early, late],
    ];
    const results = orders.map((o) => JSON.stringify(derive(o)));
    expect(new Set(results).size).toBe(1);
  });

  it('breaks a tie of dates by the smaller source id, and ranks undated sources last', () => {
    const x = claim('source:x', '2025-05-17', { title: 'spokesman' });
    const y = claim('source:y', '2025-05-17', { title: 'spokesperson' });
    expect(derive([y, x]).props.title).toBe('spokesman');
    expect(ranked([undated, early, late]).map((c) => c.sourceId)).toEqual([
      'source:a-late',
      'source:b-early',
      'source:c-undated',
    ]);
  });

  it('does not keep a stand-in for an unnamed actor as an alias once a source names it', () => {
    const standIn = claim('source:old', '2025-05-17', {
      name: "Head of Ukraine's delegation (unnamed)",
      unnamed: true,
    });
    const named = claim('source:new', '2025-06-05', { name: 'Rustem Umerov' });
    const shown = derive([standIn, named]);
    expect(shown.props.name).toBe('Rustem Umerov');
    expect(shown.props.unnamed).toBeUndefined();
    expect(shown.props.aliases ?? []).toEqual([]);
  });

  it('lists evidence by source id, whatever the ranking', () => {
    expect(derive([late, early]).evidence.map((e) => e.sourceId)).toEqual(['source:a-late', 'source:b-early']);
  });
});

describe('stableJson', () => {
  // What stableJson meant before its fast paths: JSON.stringify with every object's keys sorted.
  const reference = (value: unknown) =>
    JSON.stringify(value, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v,
    );

  it('sorts keys, at any depth', () => {
    expect(stableJson({ name: 'Türkiye', aliases: ['Turkey'], durationMinutes: 120 })).toBe(
      '{"aliases":["Turkey"],"durationMinutes":120,"name":"Türkiye"}',
    );
    expect(stableJson([{ b: 1, a: { d: null, c: [2] } }])).toBe('[{"a":{"c":[2],"d":null},"b":1}]');
  });

  it('gives the text it gave before its fast paths, for every shape of value', () => {
    const values: unknown[] = [
      null,
      undefined,
      0,
      -0,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      true,
      '',
      'quote "with" \\ and \n line\u2028 breaks',
      [],
      ['a', 'b'],
      [1, [2, [3]], null],
      [undefined, 'x'],
      {},
      { z: 1, a: 'x', m: [true, false] },
      { b: undefined, a: 1 },
      { 10: 'ten', 9: 'nine', b: 'bee', a: 'ay' },
      { nested: { y: 1, x: 2 }, list: [{ q: 1, p: 2 }] },
      { when: new Date(Date.UTC(2025, 4, 16)) },
      new Date(Date.UTC(2025, 4, 16)),
      { toJSON: () => ({ b: 2, a: 1 }) },
    ];
    for (const value of values) expect(stableJson(value)).toBe(reference(value));
  });
});
