/**
 * Each validation rule on its own, over small raw documents (invented examples: Ruritania,
 * Freedonia and their people are fiction, not news). No database: what the graph holds comes in
 * through ParseOptions, as graph-context.ts would give it.
 */
import { formatPath, type Problem, ProblemCode } from '../../../src/ingest/problems';
import { specifiedRules } from '../../../src/ingest/rules';
import { createContext, type ValidationRule } from '../../../src/ingest/rules/context';
import { countryCodes } from '../../../src/ingest/rules/country-codes';
import { endpointKinds } from '../../../src/ingest/rules/endpoint-kinds';
import { evidenceQuotes } from '../../../src/ingest/rules/evidence-quotes';
import { graphKinds } from '../../../src/ingest/rules/graph-kinds';
import { knownReferences } from '../../../src/ingest/rules/known-references';
import { meetingTimePrecision } from '../../../src/ingest/rules/meeting-time-precision';
import { noSelfReference } from '../../../src/ingest/rules/no-self-reference';
import { pastEvents } from '../../../src/ingest/rules/past-events';
import { periodOrder } from '../../../src/ingest/rules/period-order';
import { publisherKind } from '../../../src/ingest/rules/publisher-kind';
import { quoteStatementText } from '../../../src/ingest/rules/quote-statement-text';
import { knownRelationshipKey, requiredRelationships } from '../../../src/ingest/rules/required-relationships';
import { sameAsKinds } from '../../../src/ingest/rules/same-as-kinds';
import { uniqueIds } from '../../../src/ingest/rules/unique-ids';
import { uniqueRelationships } from '../../../src/ingest/rules/unique-relationships';
import type { ParseOptions } from '../../../src/ingest/validate';
import { NodeKind, RelType } from '../../../src/model/vocabulary';

// Invented example text.
const TEXT =
  'Ruritania and Freedonia met at Castle Zenda on May 16, 2025. Ann Example, envoy of Ruritania, said: "Peace now." ' +
  'Bob Sample led the Freedonian delegation.';

type Raw = Record<string, unknown>;
type Reported = Omit<Problem, 'line'>;

/** `text: null`: the source text could not be read. */
function run(rule: ValidationRule, raw: Raw, options: ParseOptions = {}, text: string | null = TEXT): Reported[] {
  const reported: Reported[] = [];
  const context = createContext(raw, text ?? undefined, options, (at, code, message, details) =>
    reported.push({ path: formatPath(at), code, message, ...details }),
  );
  rule(context);
  return reported;
}

const ev = (quote: string) => [{ quote }];
const source = { id: 'source:invented-daily', date: '2025-05-17', publisherId: 'org:invented-daily' };
const ann = { id: 'person:ann-example', kind: 'Person', name: 'Ann Example', evidence: ev('Ann Example') };
const bob = { id: 'person:bob-sample', kind: 'Person', name: 'Bob Sample', evidence: ev('Bob Sample') };
const ruritania = { id: 'country:RUR', kind: 'Country', name: 'Ruritania', evidence: ev('Ruritania') };
const delegation = {
  id: 'delegation:2025-05-16-zenda-freedonia',
  kind: 'Delegation',
  name: 'Freedonian delegation',
  evidence: ev('the Freedonian delegation'),
};
const meeting = {
  id: 'meeting:2025-05-16-zenda',
  kind: 'Meeting',
  name: 'Zenda meeting',
  date: '2025-05-16',
  status: 'HELD',
  evidence: ev('met at Castle Zenda'),
};
const statement = {
  id: 'statement:peace-now',
  kind: 'Statement',
  name: 'Peace now',
  statementKind: 'QUOTE',
  text: 'Peace now.',
  evidence: ev('said: "Peace now."'),
};
const rel = (type: string, from: string, to: string, extra: Raw = {}) => ({
  type,
  from,
  to,
  evidence: ev('Ruritania'),
  ...extra,
});

describe('specifiedRules', () => {
  it('lists every rule once', () => {
    expect(new Set(specifiedRules).size).toBe(specifiedRules.length);
    expect(specifiedRules).toEqual(expect.arrayContaining([uniqueIds, knownReferences, sameAsKinds]));
  });
});

describe('uniqueIds', () => {
  it('reports a second entity with an id already declared, naming the first and its kind', () => {
    const place = { id: 'person:ann-example', kind: 'Place', name: 'Ann', evidence: ev('Ann') };
    expect(run(uniqueIds, { source, entities: [ann, bob, place] })).toEqual([
      {
        path: 'entities[2].id',
        code: ProblemCode.DUPLICATE_ID,
        message: '"person:ann-example" is already declared at entities[0] (a Person)',
      },
    ]);
  });

  it("reports an entity with the source's id", () => {
    const clash = { ...ann, id: 'source:invented-daily' };
    expect(run(uniqueIds, { source, entities: [clash] })).toEqual([
      expect.objectContaining({ path: 'entities[0].id', message: expect.stringMatching(/as the source id/) }),
    ]);
  });

  it('accepts distinct ids', () => {
    expect(run(uniqueIds, { source, entities: [ann, bob] })).toEqual([]);
  });
});

describe('graphKinds', () => {
  it('refuses to redeclare a graph id as another kind', () => {
    const knownIds = new Map([['person:ann-example', NodeKind.Place]]);
    expect(run(graphKinds, { source, entities: [ann] }, { knownIds })).toEqual([
      {
        path: 'entities[0].kind',
        code: ProblemCode.KIND_MISMATCH,
        message: '"person:ann-example" is already in the graph as a Place',
      },
    ]);
    expect(run(graphKinds, { source, entities: [ann] }, { knownIds: new Map([[ann.id, NodeKind.Person]]) })).toEqual(
      [],
    );
  });
});

describe('countryCodes', () => {
  it('requires iso3 to be the code in the id', () => {
    expect(run(countryCodes, { source, entities: [{ ...ruritania, iso3: 'RUT' }] })).toEqual([
      {
        path: 'entities[0].iso3',
        code: ProblemCode.INVALID_ID,
        message: 'iso3 "RUT" differs from the id "country:RUR"',
      },
    ]);
    expect(run(countryCodes, { source, entities: [{ ...ruritania, iso3: 'RUR' }] })).toEqual([]);
  });
});

describe('evidenceQuotes', () => {
  it('finds quotes of entities and relationships, at the occurrence asked for', () => {
    const raw = {
      source,
      entities: [
        { ...ann, evidence: [{ quote: 'Ann Exampel' }] },
        { ...ruritania, evidence: [{ quote: 'Ruritania', occurrence: 2 }] },
      ],
      relationships: [
        rel('PARTICIPATED_IN', ann.id, meeting.id, { evidence: [{ quote: 'Ruritania', occurrence: 3 }] }),
      ],
    };
    expect(run(evidenceQuotes, raw)).toEqual([
      expect.objectContaining({ path: 'entities[0].evidence[0].quote', code: ProblemCode.QUOTE_NOT_FOUND }),
      expect.objectContaining({
        path: 'relationships[0].evidence[0].quote',
        message: 'the quote occurs 2 time(s) in the source, not 3',
      }),
    ]);
  });

  it('says when a quote is there with other quotation marks', () => {
    const raw = { source, entities: [{ ...statement, evidence: ev('said: “Peace now.”') }] };
    expect(run(evidenceQuotes, raw)[0]!.message).toMatch(/copy the characters exactly/);
  });

  it('checks nothing without a source text', () => {
    expect(run(evidenceQuotes, { source, entities: [{ ...ann, evidence: ev('absent') }] }, {}, null)).toEqual([]);
  });
});

describe('quoteStatementText', () => {
  it("requires a QUOTE statement's text verbatim, not a REPORTED one's", () => {
    const quoted = { ...statement, text: 'Peace, now.' };
    expect(run(quoteStatementText, { source, entities: [quoted] })).toEqual([
      expect.objectContaining({ path: 'entities[0].text', code: ProblemCode.QUOTE_NOT_FOUND }),
    ]);
    expect(run(quoteStatementText, { source, entities: [{ ...quoted, statementKind: 'REPORTED' }] })).toEqual([]);
  });
});

describe('meetingTimePrecision', () => {
  it('allows a time only on a meeting dated to the day', () => {
    expect(run(meetingTimePrecision, { source, entities: [{ ...meeting, date: '2025-05', time: '10:00' }] })).toEqual([
      expect.objectContaining({ path: 'entities[0].time', code: ProblemCode.INVALID_DATE }),
    ]);
    expect(run(meetingTimePrecision, { source, entities: [{ ...meeting, time: '10:00' }] })).toEqual([]);
  });
});

describe('pastEvents', () => {
  it('refuses held meetings, statements, presences and refusals dated after the source', () => {
    const raw = {
      source,
      entities: [
        { ...meeting, date: '2025-06-01' },
        { ...statement, date: '2025-05-18' },
        { ...meeting, id: 'meeting:later', status: 'PROPOSED', date: '2026-01' },
      ],
      relationships: [
        rel('PRESENT_IN', ann.id, 'place:castle-zenda', { props: { date: '2025-05-20' } }),
        rel('PROPOSED', ann.id, 'meeting:later', { props: { date: '2026-01' } }),
        rel('DECLINED', bob.id, meeting.id, { props: { date: '2025-06' } }),
      ],
    };
    expect(run(pastEvents, raw).map((p) => `${p.code} ${p.path}`)).toEqual([
      'INVALID_DATE entities[0].date',
      'INVALID_DATE entities[1].date',
      'INVALID_DATE relationships[0].props.date',
      'INVALID_DATE relationships[2].props.date',
    ]);
    expect(run(pastEvents, raw)[0]!.message).toBe(
      "2025-06-01 is after the source's date (2025-05-17): the source cannot report it as past",
    );
  });
});

describe('periodOrder', () => {
  it('refuses an until before the since', () => {
    const office = (since: string, until: string) =>
      rel('HOLDS_OFFICE', ann.id, ruritania.id, { props: { title: 'envoy', since, until } });
    expect(run(periodOrder, { source, relationships: [office('2024', '2023-12')] })).toEqual([
      {
        path: 'relationships[0].props.until',
        code: ProblemCode.INVALID_DATE,
        message: 'until (2023-12) is before since (2024)',
      },
    ]);
    // A month that contains the day is not before it.
    expect(run(periodOrder, { source, relationships: [office('2024-03-10', '2024-03')] })).toEqual([]);
  });
});

describe('publisherKind', () => {
  it('requires the publisher to be an Organization', () => {
    const entities = [{ id: 'org:invented-daily', kind: 'Person', name: 'x', evidence: ev('Ruritania') }];
    expect(run(publisherKind, { source, entities })).toEqual([
      {
        path: 'source.publisherId',
        code: ProblemCode.KIND_MISMATCH,
        message: 'the publisher must be an Organization, not a Person',
      },
    ]);
    expect(
      run(publisherKind, { source }, { knownIds: new Map([['org:invented-daily', NodeKind.Organization]]) }),
    ).toEqual([]);
  });
});

describe('knownReferences', () => {
  const raw = (to: string) => ({
    source: { id: 'source:invented-daily' },
    entities: [ann, meeting],
    relationships: [rel('PARTICIPATED_IN', ann.id, meeting.id), rel('STATED_BY', statement.id, to)],
  });

  it('reports an id neither in the document nor in the graph, with no suggestion when none is close', () => {
    expect(run(knownReferences, raw('person:carl-nobody'))).toEqual([
      {
        path: 'relationships[1].from',
        code: ProblemCode.UNKNOWN_REFERENCE,
        message: 'no entity "statement:peace-now" in this document or the graph',
      },
      {
        path: 'relationships[1].to',
        code: ProblemCode.UNKNOWN_REFERENCE,
        message: 'no entity "person:carl-nobody" in this document or the graph',
      },
    ]);
  });

  it('asks "did you mean" for a typo of an id in the document', () => {
    const [, to] = run(knownReferences, raw('person:ann-exmaple'));
    expect(to).toEqual({
      path: 'relationships[1].to',
      code: ProblemCode.UNKNOWN_REFERENCE,
      message: 'no entity "person:ann-exmaple" in this document or the graph; did you mean "person:ann-example"?',
      suggestion: 'person:ann-example',
    });
  });

  it('suggests from the graph: known ids and candidates, a shortened id by its words', () => {
    const options = {
      knownIds: new Map([[statement.id, NodeKind.Statement]]),
      candidates: ['person:ruritanian-envoy-carla-invent', 'place:carla-invent'],
    };
    expect(run(knownReferences, raw('person:carla-invent'), options)).toEqual([
      expect.objectContaining({ path: 'relationships[1].to', suggestion: 'person:ruritanian-envoy-carla-invent' }),
    ]);
  });

  it('suggests for the publisher; two equally close ids suggest nothing', () => {
    const typo = { source: { ...source, publisherId: 'org:invented-daly' } };
    expect(run(knownReferences, typo, { knownIds: new Set(['org:invented-daily']) })).toEqual([
      {
        path: 'source.publisherId',
        code: ProblemCode.UNKNOWN_REFERENCE,
        message: 'no entity "org:invented-daly"; did you mean "org:invented-daily"?',
        suggestion: 'org:invented-daily',
      },
    ]);
    const tie = run(knownReferences, typo, { knownIds: new Set(['org:invented-daily', 'org:invented-dale']) });
    expect(tie).toEqual([
      { path: 'source.publisherId', code: ProblemCode.UNKNOWN_REFERENCE, message: 'no entity "org:invented-daly"' },
    ]);
    expect(run(knownReferences, { source }, { knownIds: new Set(['org:invented-daily']) })).toEqual([]);
  });
});

describe('endpointKinds', () => {
  it('checks each end against the kinds its type allows, for document and graph ids', () => {
    const raw = {
      source,
      entities: [ann, meeting],
      relationships: [rel('HELD_AT', meeting.id, ann.id), rel('PARTICIPATED_IN', 'place:castle-zenda', meeting.id)],
    };
    expect(run(endpointKinds, raw, { knownIds: new Map([['place:castle-zenda', NodeKind.Place]]) })).toEqual([
      {
        path: 'relationships[0].to',
        code: ProblemCode.KIND_MISMATCH,
        message: 'HELD_AT ends at a Place; "person:ann-example" is a Person',
      },
      {
        path: 'relationships[1].from',
        code: ProblemCode.KIND_MISMATCH,
        message:
          'PARTICIPATED_IN starts at an actor (Country, Organization, Person or Delegation); "place:castle-zenda" is a Place',
      },
    ]);
  });
});

describe('sameAsKinds', () => {
  const unnamed = {
    id: 'person:freedonian-head',
    kind: 'Person',
    name: 'Head (unnamed)',
    unnamed: true,
    evidence: ev('led'),
  };

  it('joins two ids of one kind', () => {
    const raw = { source, entities: [bob, unnamed], relationships: [rel('SAME_AS', unnamed.id, bob.id)] };
    expect(run(sameAsKinds, raw)).toEqual([]);
    expect(run(endpointKinds, raw)).toEqual([]);
  });

  it('refuses a person the same as a delegation, naming both kinds', () => {
    const raw = { source, entities: [bob, delegation], relationships: [rel('SAME_AS', bob.id, delegation.id)] };
    expect(run(sameAsKinds, raw)).toEqual([
      {
        path: 'relationships[0].to',
        code: ProblemCode.KIND_MISMATCH,
        message:
          'SAME_AS joins two ids of one actor, so of one kind: "person:bob-sample" is a Person, "delegation:2025-05-16-zenda-freedonia" a Delegation',
      },
    ]);
  });

  it('reads the kind of a graph id, and leaves non-actors to endpointKinds', () => {
    const toGraph = { source, entities: [bob], relationships: [rel('SAME_AS', bob.id, 'country:FRE')] };
    expect(run(sameAsKinds, toGraph, { knownIds: new Set(['country:FRE']) })).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/"country:FRE" a Country/) }),
    ]);
    const toMeeting = { source, entities: [bob, meeting], relationships: [rel('SAME_AS', bob.id, meeting.id)] };
    expect(run(sameAsKinds, toMeeting)).toEqual([]);
    expect(run(endpointKinds, toMeeting)).toEqual([expect.objectContaining({ code: ProblemCode.KIND_MISMATCH })]);
  });
});

describe('noSelfReference', () => {
  it('refuses a relationship from an entity to itself, SAME_AS included', () => {
    const raw = { source, relationships: [rel('SAME_AS', bob.id, bob.id), rel('FOLLOWS', meeting.id, meeting.id)] };
    expect(run(noSelfReference, raw)).toEqual([
      {
        path: 'relationships[0].to',
        code: ProblemCode.SELF_REFERENCE,
        message: '"person:bob-sample" cannot be related to itself',
      },
      expect.objectContaining({ path: 'relationships[1].to', code: ProblemCode.SELF_REFERENCE }),
    ]);
  });
});

describe('uniqueRelationships', () => {
  it('refuses the same relationship twice unless keys tell them apart', () => {
    const stay = (key?: string) => rel('PRESENT_IN', ann.id, 'place:strelsau', key ? { key } : {});
    expect(run(uniqueRelationships, { source, relationships: [stay(), stay()] })).toEqual([
      {
        path: 'relationships[1]',
        code: ProblemCode.DUPLICATE_RELATIONSHIP,
        message:
          'the same PRESENT_IN from "person:ann-example" to "place:strelsau" as relationships[0]; merge their evidence, or tell them apart with a key',
      },
    ]);
    expect(run(uniqueRelationships, { source, relationships: [stay(), stay('second-stay')] })).toEqual([]);
  });
});

describe('requiredRelationships', () => {
  const raw = (relationships: Raw[]) => ({ source, entities: [statement, delegation, ann], relationships });

  it('asks a statement for its STATED_BY and a delegation for its REPRESENTS', () => {
    expect(run(requiredRelationships, raw([]))).toEqual([
      {
        path: 'entities[0]',
        code: ProblemCode.MISSING_RELATIONSHIP,
        message: 'statement "statement:peace-now" has no STATED_BY: who said it?',
      },
      {
        path: 'entities[1]',
        code: ProblemCode.MISSING_RELATIONSHIP,
        message:
          'delegation "delegation:2025-05-16-zenda-freedonia" has no REPRESENTS: which country does it represent?',
      },
    ]);
    const linked = raw([rel('STATED_BY', statement.id, ann.id), rel('REPRESENTS', delegation.id, 'country:FRE')]);
    expect(run(requiredRelationships, linked)).toEqual([]);
  });

  it('accepts a relationship the graph already has for the id', () => {
    const knownRelationships = new Set([
      knownRelationshipKey(delegation.id, RelType.REPRESENTS),
      knownRelationshipKey(statement.id, RelType.STATED_BY),
    ]);
    expect(run(requiredRelationships, raw([]), { knownRelationships })).toEqual([]);
    // The graph's relationship must be the required one, from this id.
    const other = new Set([
      knownRelationshipKey(delegation.id, RelType.SENT_BY),
      knownRelationshipKey('statement:other', RelType.STATED_BY),
    ]);
    expect(run(requiredRelationships, raw([]), { knownRelationships: other })).toHaveLength(2);
  });
});
