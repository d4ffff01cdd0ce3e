import YAML from 'yaml';
import {
  type FactsParseResult,
  locateQuote,
  type ParseOptions,
  type Problem,
  ProblemCode,
  parseFactsDocument,
} from '../../../src/ingest/validate';
import { NodeKind } from '../../../src/model/vocabulary';

const TEXT =
  'Ruritania and Freedonia held talks at Castle Zenda in Strelsau on Friday, May 16, 2025. ' +
  'Foreign Minister Ann Example chaired the talks. They were the first talks since March 2022. ' +
  'Ann Example said: "Peace now." Ann Example left.';

type Doc = {
  version: number;
  source: Record<string, unknown>;
  entities: Record<string, unknown>[];
  relationships: Record<string, unknown>[];
};

/** A small valid document over TEXT; each test breaks one thing. */
function baseDoc(): Doc {
  const ev = (quote: string) => [{ quote }];
  return {
    version: 1,
    source: { id: 'source:test', publisher: 'Test Daily', title: 'Talks', date: '2025-05-17', text: TEXT },
    entities: [
      { id: 'country:RUR', kind: 'Country', name: 'Ruritania', evidence: ev('Ruritania') },
      { id: 'country:FRE', kind: 'Country', name: 'Freedonia', evidence: ev('Freedonia') },
      { id: 'person:ann-example', kind: 'Person', name: 'Ann Example', evidence: ev('Foreign Minister Ann Example') },
      {
        id: 'place:castle-zenda',
        kind: 'Place',
        placeKind: 'VENUE',
        name: 'Castle Zenda',
        evidence: ev('Castle Zenda'),
      },
      { id: 'place:strelsau', kind: 'Place', placeKind: 'CITY', name: 'Strelsau', evidence: ev('in Strelsau') },
      {
        id: 'meeting:2025-05-16-zenda-talks',
        kind: 'Meeting',
        name: 'Zenda talks',
        date: '2025-05-16',
        status: 'HELD',
        evidence: ev('held talks at Castle Zenda'),
      },
      {
        id: 'meeting:2022-03-earlier-talks',
        kind: 'Meeting',
        name: 'Earlier talks',
        date: '2022-03',
        status: 'HELD',
        evidence: ev('the first talks since March 2022'),
      },
      {
        id: 'statement:peace-now',
        kind: 'Statement',
        name: 'Peace now',
        statementKind: 'QUOTE',
        text: 'Peace now.',
        evidence: ev('Ann Example said: "Peace now."'),
      },
    ],
    relationships: [
      {
        type: 'HELD_AT',
        from: 'meeting:2025-05-16-zenda-talks',
        to: 'place:castle-zenda',
        evidence: ev('at Castle Zenda'),
      },
      {
        type: 'LOCATED_IN',
        from: 'place:castle-zenda',
        to: 'place:strelsau',
        evidence: ev('Castle Zenda in Strelsau'),
      },
      {
        type: 'PARTICIPATED_IN',
        from: 'person:ann-example',
        to: 'meeting:2025-05-16-zenda-talks',
        props: { role: 'CHAIR' },
        evidence: ev('chaired the talks'),
      },
      {
        type: 'PARTICIPATED_IN',
        from: 'country:RUR',
        to: 'meeting:2025-05-16-zenda-talks',
        props: { role: 'PARTY' },
        evidence: ev('Ruritania and Freedonia held talks'),
      },
      {
        type: 'FOLLOWS',
        from: 'meeting:2025-05-16-zenda-talks',
        to: 'meeting:2022-03-earlier-talks',
        evidence: ev('the first talks since March 2022'),
      },
      { type: 'STATED_BY', from: 'statement:peace-now', to: 'person:ann-example', evidence: ev('Ann Example said') },
    ],
  };
}

function validate(doc: unknown, options?: ParseOptions): FactsParseResult {
  return parseFactsDocument(YAML.stringify(doc), 'test.facts.yaml', options);
}

function problemsOf(result: FactsParseResult): Problem[] {
  if (result.ok) throw new Error('expected problems, the document is valid');
  return result.problems;
}

const entityIndex = (doc: Doc, id: string) => doc.entities.findIndex((e) => e.id === id);

describe('parseFactsDocument', () => {
  it('accepts a valid document and resolves offsets and date precision', () => {
    const result = validate(baseDoc());
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    const { document } = result;
    expect(document.entities).toHaveLength(8);
    for (const item of [...document.entities, ...document.relationships]) {
      for (const e of item.evidence) {
        expect(e.sourceId).toBe('source:test');
        expect(TEXT.slice(e.offset, e.offset + e.quote.length)).toBe(e.quote);
      }
    }
    const earlier = document.entities.find((e) => e.id === 'meeting:2022-03-earlier-talks');
    expect(earlier?.date).toMatchObject({
      value: '2022-03',
      precision: 'MONTH',
      start: '2022-03-01',
      end: '2022-03-31',
    });
    const statement = document.entities.find((e) => e.id === 'statement:peace-now');
    expect(statement?.textOffset).toBe(TEXT.indexOf('Peace now.'));
    expect(document.entities.find((e) => e.id === 'country:RUR')).toMatchObject({ iso3: 'RUR', aliases: [] });
    expect(document.source.date.precision).toBe('DAY');
    expect(document.relationships[0]!.id).toBe('meeting:2025-05-16-zenda-talks-HELD_AT->place:castle-zenda');
  });

  it('rejects a reference to an id that is neither in the document nor known', () => {
    const doc = baseDoc();
    doc.relationships.push({
      type: 'PARTICIPATED_IN',
      from: 'person:nobody',
      to: 'meeting:2025-05-16-zenda-talks',
      props: { role: 'PARTY' },
      evidence: [{ quote: 'Ruritania' }],
    });
    const problems = problemsOf(validate(doc));
    expect(problems).toEqual([
      expect.objectContaining({ code: ProblemCode.UNKNOWN_REFERENCE, path: 'relationships[6].from' }),
    ]);
    expect(problems[0]!.line).toEqual(expect.any(Number));
    // The same reference is fine when the id is already in the graph.
    expect(validate(doc, { knownIds: new Set(['person:nobody']) }).ok).toBe(true);
    expect(validate(doc, { knownIds: new Map([['person:nobody', NodeKind.Person]]) }).ok).toBe(true);
  });

  it('checks the kind of an id already in the graph', () => {
    const doc = baseDoc();
    doc.relationships.push({
      type: 'HELD_AT',
      from: 'meeting:2025-05-16-zenda-talks',
      to: 'place:old-hall',
      evidence: [{ quote: 'Ruritania' }],
    });
    expect(validate(doc, { knownIds: new Set(['place:old-hall']) }).ok).toBe(true);
    const problems = problemsOf(validate(doc, { knownIds: new Map([['place:old-hall', NodeKind.Meeting]]) }));
    expect(problems).toEqual([
      expect.objectContaining({ code: ProblemCode.KIND_MISMATCH, path: 'relationships[6].to' }),
    ]);
  });

  it('rejects a duplicate id, of another kind or of the same kind', () => {
    const doc = baseDoc();
    doc.entities.push({
      id: 'person:ann-example',
      kind: 'Place',
      placeKind: 'CITY',
      name: 'Ann',
      evidence: [{ quote: 'Ann' }],
    });
    doc.entities.push({
      id: 'country:FRE',
      kind: 'Country',
      name: 'Freedonia again',
      evidence: [{ quote: 'Freedonia' }],
    });
    const problems = problemsOf(validate(doc));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: ProblemCode.DUPLICATE_ID, path: 'entities[8].id' }),
        // The prefix names the kind, so a Place cannot have a person: id either.
        expect.objectContaining({ code: ProblemCode.INVALID_ID, path: 'entities[8].id' }),
        expect.objectContaining({ code: ProblemCode.DUPLICATE_ID, path: 'entities[9].id' }),
      ]),
    );
    expect(problems.find((p) => p.path === 'entities[8].id' && p.code === ProblemCode.DUPLICATE_ID)?.message).toMatch(
      /entities\[2\].*Person/,
    );
  });

  it('rejects a date that is not on the calendar, or not a date', () => {
    const doc = baseDoc();
    const meeting = entityIndex(doc, 'meeting:2025-05-16-zenda-talks');
    doc.entities[meeting]!.date = '2025-02-30';
    doc.entities[entityIndex(doc, 'meeting:2022-03-earlier-talks')]!.date = '2022-3';
    const problems = problemsOf(validate(doc));
    expect(problems).toEqual([
      expect.objectContaining({ code: ProblemCode.INVALID_DATE, path: `entities[${meeting}].date` }),
      expect.objectContaining({ code: ProblemCode.INVALID_DATE, path: 'entities[6].date' }),
    ]);
    expect(problems[0]!.message).toContain('2025-02-30');
  });

  it('asks for a quoted string when YAML reads a bare year as a number', () => {
    const text = YAML.stringify(baseDoc()).replace('date: 2022-03', 'date: 2022');
    const problems = problemsOf(parseFactsDocument(text, 'test.facts.yaml'));
    expect(problems).toEqual([expect.objectContaining({ code: ProblemCode.INVALID_DATE, path: 'entities[6].date' })]);
    expect(problems[0]!.message).toMatch(/quote a bare year/);
  });

  it('rejects over-precise and impossible dates: a time on a month, a held meeting after its source', () => {
    const doc = baseDoc();
    doc.entities[6]!.time = '10:00';
    doc.entities[5]!.date = '2025-06-01';
    const problems = problemsOf(validate(doc));
    expect(problems).toEqual([
      expect.objectContaining({ code: ProblemCode.INVALID_DATE, path: 'entities[5].date' }),
      expect.objectContaining({ code: ProblemCode.INVALID_DATE, path: 'entities[6].time' }),
    ]);
    // A proposed meeting may be dated after its source.
    doc.entities[6]!.time = undefined;
    doc.entities[5]!.status = 'PROPOSED';
    expect(validate(doc).ok).toBe(true);
  });

  it('rejects an entity or relationship without evidence', () => {
    const doc = baseDoc();
    doc.entities[0]!.evidence = [];
    delete doc.relationships[1]!.evidence;
    const problems = problemsOf(validate(doc));
    expect(problems).toEqual([
      expect.objectContaining({ code: ProblemCode.MISSING_EVIDENCE, path: 'entities[0].evidence' }),
      expect.objectContaining({ code: ProblemCode.MISSING_EVIDENCE, path: 'relationships[1].evidence' }),
    ]);
  });

  it('rejects a quote that is not verbatim in the text, and says why when it nearly is', () => {
    const doc = baseDoc();
    doc.entities[2]!.evidence = [{ quote: 'Foreign Minister Ann Exampel' }];
    doc.entities[7]!.evidence = [{ quote: 'Ann Example said: “Peace now.”' }];
    doc.relationships[5]!.evidence = [{ quote: 'Ann Example', occurrence: 4 }];
    const problems = problemsOf(validate(doc));
    expect(problems).toEqual([
      expect.objectContaining({ code: ProblemCode.QUOTE_NOT_FOUND, path: 'entities[2].evidence[0].quote' }),
      expect.objectContaining({ code: ProblemCode.QUOTE_NOT_FOUND, path: 'entities[7].evidence[0].quote' }),
      expect.objectContaining({ code: ProblemCode.QUOTE_NOT_FOUND, path: 'relationships[5].evidence[0].quote' }),
    ]);
    expect(problems[0]!.message).not.toMatch(/copy the characters exactly/);
    expect(problems[1]!.message).toMatch(/copy the characters exactly/);
    expect(problems[2]!.message).toMatch(/occurs 3 time/);
  });

  it('resolves the occurrence-th appearance of a repeated quote', () => {
    const doc = baseDoc();
    doc.relationships[5]!.evidence = [{ quote: 'Ann Example', occurrence: 3 }];
    const result = validate(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.document.relationships[5]!.evidence[0]!.offset).toBe(TEXT.lastIndexOf('Ann Example'));
    expect(locateQuote(TEXT, 'Ann Example', 2)).toEqual({ offset: TEXT.indexOf('Ann Example said') });
    expect(locateQuote(TEXT, 'absent')).toEqual({ count: 0 });
  });

  it('requires the text of a QUOTE statement to be verbatim in the source', () => {
    const doc = baseDoc();
    doc.entities[7]!.text = 'Peace, now.';
    expect(problemsOf(validate(doc))).toEqual([
      expect.objectContaining({ code: ProblemCode.QUOTE_NOT_FOUND, path: 'entities[7].text' }),
    ]);
    doc.entities[7]!.statementKind = 'REPORTED';
    expect(validate(doc).ok).toBe(true);
  });

  it('rejects endpoints whose kinds do not fit the relationship type', () => {
    const doc = baseDoc();
    doc.relationships[0]!.to = 'country:RUR';
    doc.relationships.push({
      type: 'PARTICIPATED_IN',
      from: 'place:strelsau',
      to: 'meeting:2025-05-16-zenda-talks',
      props: { role: 'PARTY' },
      evidence: [{ quote: 'Strelsau' }],
    });
    const problems = problemsOf(validate(doc));
    expect(problems).toEqual([
      expect.objectContaining({ code: ProblemCode.KIND_MISMATCH, path: 'relationships[0].to' }),
      expect.objectContaining({ code: ProblemCode.KIND_MISMATCH, path: 'relationships[6].from' }),
    ]);
    expect(problems[0]!.message).toMatch(/HELD_AT ends at a Place; "country:RUR" is a Country/);
  });

  it('rejects malformed ids', () => {
    const doc = baseDoc();
    doc.entities[0]!.id = 'country:rur';
    doc.entities[2]!.id = 'person:Ann_Example';
    doc.relationships[2]!.from = 'Ann Example';
    const problems = problemsOf(validate(doc));
    expect(problems.filter((p) => p.code === ProblemCode.INVALID_ID).map((p) => p.path)).toEqual([
      'entities[0].id',
      'entities[2].id',
      'relationships[2].from',
    ]);
  });

  it('rejects unknown fields, unknown kinds, a wrong role and a missing STATED_BY', () => {
    const doc = baseDoc();
    doc.entities[0]!.aliasses = ['Rur'];
    doc.entities[1]!.kind = 'Nation';
    doc.relationships[2]!.props = { role: 'HOST_COUNTRY' };
    doc.relationships.splice(5, 1);
    const problems = problemsOf(validate(doc));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: ProblemCode.SCHEMA, path: 'entities[0].aliasses' }),
        expect.objectContaining({ code: ProblemCode.SCHEMA, path: 'entities[1].kind' }),
        expect.objectContaining({ code: ProblemCode.SCHEMA, path: 'relationships[2].props.role' }),
        expect.objectContaining({ code: ProblemCode.MISSING_RELATIONSHIP, path: 'entities[7]' }),
      ]),
    );
    expect(problems.find((p) => p.path === 'entities[1].kind')?.message).toMatch(/unknown kind "Nation".*Country/);
  });

  it('rejects the same relationship twice unless a key tells them apart', () => {
    const doc = baseDoc();
    doc.relationships.push({ ...doc.relationships[1]! });
    expect(problemsOf(validate(doc))).toEqual([
      expect.objectContaining({ code: ProblemCode.DUPLICATE_RELATIONSHIP, path: 'relationships[6]' }),
    ]);
    doc.relationships[6]!.key = 'second-report';
    const result = validate(doc);
    expect(result.ok && result.document.relationships[6]!.id).toBe(
      'place:castle-zenda-LOCATED_IN->place:strelsau#second-report',
    );
  });

  it('gives YAML line numbers', () => {
    const text = [
      'version: 1', // 1
      'source:', // 2
      '  id: source:test', // 3
      '  publisher: Test Daily', // 4
      '  title: Talks', // 5
      "  date: '2025-05-17'", // 6
      `  text: '${TEXT.replace(/'/g, "''")}'`, // 7
      'entities:', // 8
      '  - id: country:RUR', // 9
      '    kind: Country', // 10
      '    name: Ruritania', // 11
      '    evidence:', // 12
      "      - quote: 'Ruritania'", // 13
      '  - id: meeting:2025-05-16-zenda-talks', // 14
      '    kind: Meeting', // 15
      '    name: Zenda talks', // 16
      "    date: '2025-02-30'", // 17
      '    status: HELD', // 18
      '    evidence:', // 19
      "      - quote: 'Ruritania held talks'", // 20
      'relationships:', // 21
      '  - type: HELD_AT', // 22
      '    from: meeting:2025-05-16-zenda-talks', // 23
      '    to: place:nowhere', // 24
      "    evidence: [{ quote: 'at Castle Zenda' }]", // 25
    ].join('\n');
    const problems = problemsOf(parseFactsDocument(text, 'lines.facts.yaml'));
    expect(problems.map((p) => [p.line, p.code, p.path])).toEqual([
      [17, ProblemCode.INVALID_DATE, 'entities[1].date'],
      [20, ProblemCode.QUOTE_NOT_FOUND, 'entities[1].evidence[0].quote'],
      [24, ProblemCode.UNKNOWN_REFERENCE, 'relationships[0].to'],
    ]);
  });

  it('lists every problem of a document with several, in line order', () => {
    const doc = baseDoc();
    doc.entities[0]!.evidence = [{ quote: 'Ruritanya' }];
    doc.entities[5]!.date = '2025-13-01';
    doc.entities[1]!.evidence = [];
    doc.relationships[0]!.to = 'place:nowhere';
    doc.relationships[1]!.to = 'meeting:2022-03-earlier-talks';
    doc.relationships[2]!.from = 'person:ann-example';
    doc.relationships[2]!.props = {};
    const problems = problemsOf(validate(doc));
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'QUOTE_NOT_FOUND entities[0].evidence[0].quote',
      'MISSING_EVIDENCE entities[1].evidence',
      'INVALID_DATE entities[5].date',
      'UNKNOWN_REFERENCE relationships[0].to',
      'KIND_MISMATCH relationships[1].to',
      'SCHEMA relationships[2].props.role',
    ]);
    const lines = problems.map((p) => p.line!);
    expect(lines.every((l) => Number.isInteger(l))).toBe(true);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf(parseFactsDocument('version: 1\nsource: [unclosed\n', 'broken.facts.yaml'));
    expect(problems[0]).toMatchObject({ code: ProblemCode.SYNTAX, line: expect.any(Number) });
    const duplicateKey = problemsOf(parseFactsDocument('version: 1\nversion: 1\n', 'dup.facts.yaml'));
    expect(duplicateKey[0]).toMatchObject({ code: ProblemCode.SYNTAX, line: 2 });
  });

  it('reads JSON too, with line numbers', () => {
    const doc = baseDoc();
    doc.relationships[0]!.to = 'place:nowhere';
    const text = JSON.stringify(doc, null, 2);
    const problems = problemsOf(parseFactsDocument(text, 'test.facts.json'));
    const expectedLine = text.split('\n').findIndex((l) => l.includes('"place:nowhere"')) + 1;
    expect(problems).toEqual([
      {
        code: ProblemCode.UNKNOWN_REFERENCE,
        path: 'relationships[0].to',
        line: expectedLine,
        message: expect.any(String),
      },
    ]);
    expect(parseFactsDocument(JSON.stringify(baseDoc()), 'ok.json').ok).toBe(true);
  });

  it('reads textFile relative to the document through the given reader', () => {
    const doc = baseDoc();
    doc.source = { ...doc.source, text: undefined, textFile: 'talks.txt' };
    const read: string[] = [];
    const result = validate(doc, {
      readTextFile: (file) => {
        read.push(file);
        return `\uFEFF${TEXT}`;
      },
    });
    expect(read).toEqual(['talks.txt']);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.document.source.text).toBe(TEXT);
    const missing = problemsOf(
      validate(doc, {
        readTextFile: () => {
          throw new Error('ENOENT');
        },
      }),
    );
    expect(missing).toEqual([
      expect.objectContaining({ code: ProblemCode.SOURCE_TEXT_UNAVAILABLE, path: 'source.textFile' }),
    ]);
  });

  it('requires exactly one of text and textFile', () => {
    const doc = baseDoc();
    doc.source.textFile = 'talks.txt';
    expect(problemsOf(validate(doc, { readTextFile: () => TEXT }))).toEqual([
      expect.objectContaining({ code: ProblemCode.SCHEMA, path: 'source' }),
    ]);
  });
});
