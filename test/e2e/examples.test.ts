/**
 * Every example operation the playground opens runs as-is on the seeded article, and answers
 * what its description promises.
 */
import { EXAMPLE_OPERATIONS } from '../../src/examples/examples';
import type { RunningServer } from '../../src/server';
import { gql, startSeededServer } from '../support/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(() => server?.stop());

const answers: Record<string, any> = {};

it.each(EXAMPLE_OPERATIONS.map((op) => [op.name, op] as const))('%s runs without errors', async (_name, op) => {
  const response = await gql(server, op.query, op.variables);
  expect(response.errors).toBeUndefined();
  answers[op.name] = response.data;
});

it('the examples answer what they promise about the article', () => {
  expect(answers.WhoMetFidan.whoMetWhom.totalCount).toBeGreaterThanOrEqual(5);
  const atDolmabahce = answers.MeetingsAtDolmabahce.meetings.edges.map((e: any) => e.node.id);
  expect(atDolmabahce).toEqual(['meeting:2025-05-16-istanbul-talks']);
  expect(answers.MeetingsInIstanbul.meetings.edges.map((e: any) => e.node.id)).toEqual(atDolmabahce);
  expect(answers.SearchActors.actors.edges[0].node.id).toBe('country:TUR');
  expect(answers.PathFidanToPutin.path.length).toBe(2);
  expect(answers.SubgraphOfTalks.subgraph.nodeCount).toBeGreaterThan(5);
  expect(answers.ExportGraphML.exportSubgraph.content.startsWith('<?xml')).toBe(true);
  // "According to a Turkish Foreign Ministry source, the talks lasted about two hours."
  const says = answers.WhoSaysSo.meeting;
  expect(says.durationMinutes).toBe(120);
  expect(says.durationApproximate).toBe(true);
  expect(says.disputed).toEqual([]);
  expect(says.claims).toHaveLength(1);
  expect(says.claims[0].value).toBe(120);
  expect(says.claims[0].source.publisher).toBe('China Daily');
  expect(says.claims[0].evidence.map((e: any) => e.quote)).toContain(
    'According to a Turkish Foreign Ministry source, the talks lasted about two hours.',
  );
});
