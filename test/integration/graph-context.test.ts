/**
 * Validation against what the graph already holds, in the real Neo4j: after the seed, a second
 * document (an invented example, not news) gets "did you mean" for a misspelt id of the seed,
 * and may redeclare a seed delegation without repeating its REPRESENTS.
 */
import { GraphQLError } from 'graphql';
import { stringify } from 'yaml';
import { ErrorCode, errorCode } from '../../src/errors';
import { applyMigrations } from '../../src/graph/migrations';
import { graphContext } from '../../src/ingest/graph-context';
import { importFacts, importFactsFile, SEED_FILE } from '../../src/ingest/import';
import { knownRelationshipKey } from '../../src/ingest/rules/required-relationships';
import { type Problem, ProblemCode, parseFactsDocument } from '../../src/ingest/validate';
import { NodeKind, RelType } from '../../src/model/vocabulary';
import { countAll, resetGraph, testExecutor } from '../support/graph';

const executor = testExecutor();

// Ids of the seed, as seed/2025-05-17-china-daily-istanbul-talks.facts.yaml declares them.
const ZELENSKY = 'person:volodymyr-zelensky';
const UKRAINE_DELEGATION = 'delegation:2025-05-16-istanbul-talks-ukraine';
const TALKS = 'meeting:2025-05-16-istanbul-talks';

// An invented example source, not news: it exists only for this test.
const TEXT =
  'Invented Wire, an invented example: Ukraine sent its delegation to the Istanbul talks again. ' +
  'Zelensky said the delegation had his full support.';

function secondDocument(speaker: string) {
  return {
    version: 1,
    source: {
      id: 'source:invented-wire-istanbul-example',
      publisher: 'Invented Wire',
      title: 'An invented example',
      date: '2025-05-18',
      text: TEXT,
    },
    entities: [
      // A seed delegation, redeclared with no REPRESENTS: the seed gave it.
      {
        id: UKRAINE_DELEGATION,
        kind: 'Delegation',
        name: 'Ukrainian delegation (Istanbul talks, 2025-05-16)',
        evidence: [{ quote: 'Ukraine sent its delegation to the Istanbul talks' }],
      },
      {
        id: 'statement:2025-05-18-invented-full-support',
        kind: 'Statement',
        name: 'Full support for the delegation',
        statementKind: 'REPORTED',
        text: 'The delegation had his full support.',
        evidence: [{ quote: 'Zelensky said the delegation had his full support.' }],
      },
    ],
    relationships: [
      {
        type: 'STATED_BY',
        from: 'statement:2025-05-18-invented-full-support',
        to: speaker,
        evidence: [{ quote: 'Zelensky said' }],
      },
      {
        type: 'ABOUT',
        from: 'statement:2025-05-18-invented-full-support',
        to: UKRAINE_DELEGATION,
        evidence: [{ quote: 'the delegation had his full support' }],
      },
      {
        type: 'PARTICIPATED_IN',
        from: UKRAINE_DELEGATION,
        to: TALKS,
        props: { role: 'PARTY' },
        evidence: [{ quote: 'its delegation to the Istanbul talks' }],
      },
    ],
  };
}

beforeAll(async () => {
  await applyMigrations(executor);
  await resetGraph(executor);
  await importFactsFile(executor, SEED_FILE);
});
afterAll(() => executor.close());

describe('a second document validated against the seeded graph', () => {
  it('reads from the graph the kinds of the ids it mentions and the REPRESENTS the seed gave', async () => {
    const context = await graphContext(executor, stringify(secondDocument('person:zelensky')));
    expect(context.knownIds.get(UKRAINE_DELEGATION)).toBe(NodeKind.Delegation);
    expect(context.knownIds.get(TALKS)).toBe(NodeKind.Meeting);
    expect(context.knownIds.has('person:zelensky')).toBe(false);
    expect(context.knownRelationships).toContain(knownRelationshipKey(UKRAINE_DELEGATION, RelType.REPRESENTS));
    // Near ids of the same kind, found by the misspelt id's words.
    expect(context.candidates).toContain(ZELENSKY);
    expect(context.candidates.every((id) => id.startsWith('person:'))).toBe(true);
  });

  it('looks up suggestions within the configured caps', async () => {
    const text = stringify(secondDocument('person:zelensky'));
    expect((await graphContext(executor, text, { suggestionProbes: 0 })).candidates).toEqual([]);
    const one = await graphContext(executor, text, { suggestionsPerProbe: 1 });
    // One unknown id, two ways of finding candidates, at most one each.
    expect(one.candidates.length).toBeGreaterThan(0);
    expect(one.candidates.length).toBeLessThanOrEqual(2);
  });

  it('answers a misspelt seed id with "did you mean" the seed\'s id, and writes nothing', async () => {
    const before = await countAll(executor);
    const text = stringify(secondDocument('person:zelensky'));
    const error = await importFacts(executor, text, 'invented-example.facts.yaml').catch((e: unknown) => e);
    expect(errorCode(error)).toBe(ErrorCode.INVALID_DOCUMENT);
    const problems = (error as GraphQLError).extensions.problems as Problem[];
    expect(problems).toEqual([
      expect.objectContaining({
        code: ProblemCode.UNKNOWN_REFERENCE,
        path: 'relationships[0].to',
        suggestion: ZELENSKY,
        message: `no entity "person:zelensky" in this document or the graph; did you mean "${ZELENSKY}"?`,
      }),
    ]);
    expect(await countAll(executor)).toEqual(before);
  });

  it('accepts the seed delegation redeclared without REPRESENTS, which the graph has', async () => {
    const text = stringify(secondDocument(ZELENSKY));
    // Without the graph, the validator would ask for the REPRESENTS.
    const alone = parseFactsDocument(text, 'invented-example.facts.yaml', {
      knownIds: new Map([
        [ZELENSKY, NodeKind.Person],
        [TALKS, NodeKind.Meeting],
      ]),
    });
    expect(alone.ok ? [] : alone.problems.map((p) => p.code)).toEqual([ProblemCode.MISSING_RELATIONSHIP]);

    const withGraph = parseFactsDocument(text, 'invented-example.facts.yaml', await graphContext(executor, text));
    expect(withGraph.ok ? [] : withGraph.problems).toEqual([]);
    const result = await importFacts(executor, text, 'invented-example.facts.yaml');
    expect(result.sourceId).toBe('source:invented-wire-istanbul-example');
  });
});
