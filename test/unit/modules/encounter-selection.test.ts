/**
 * What a whoMetWhom selection asks of each position (no database): the statement projects only
 * that, so a wrong answer here loses fields from a response or fetches what nobody asked for.
 */
import { type FragmentDefinitionNode, type GraphQLResolveInfo, type GraphQLSchema, Kind, parse } from 'graphql';
import { encounterSelection } from '../../../src/modules/encounter/encounter.selection';
import { getSchema } from '../../../src/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

/** The parts of GraphQL's resolve info the walk reads, for the query's whoMetWhom field. */
function infoFor(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const field = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === 'whoMetWhom');
  if (!field || field.kind !== Kind.FIELD) throw new Error('no whoMetWhom');
  const returnType = schema.getQueryType()!.getFields().whoMetWhom!.type;
  return { schema, fragments, fieldNodes: [field], returnType } as unknown as GraphQLResolveInfo;
}

const fieldsOf = (position: unknown) =>
  position && typeof position === 'object' && 'selection' in position
    ? [...(position as { selection: { fields: Map<string, unknown> } }).selection.fields.keys()].sort()
    : position;

test('ids, names and dates: each position gets its own fields, no evidence or ways', () => {
  const s = encounterSelection(
    infoFor(`{ whoMetWhom(actorId: "person:hakan-fidan") { edges { node {
    counterpart { id name } meetings { meeting { id name } date { value } venue { name } } } } } }`),
  );
  expect(fieldsOf(s.counterpart)).toEqual(['id', 'name']);
  expect(fieldsOf(s.meeting)).toEqual(['id', 'name']);
  expect(fieldsOf({ selection: s.when })).toEqual(['date']);
  expect(Object.keys(s.places)).toEqual(['venue']);
  expect(fieldsOf(s.places.venue)).toEqual(['name']);
  expect(s.actor).toBeNull();
  expect([s.evidence, s.actorWays, s.counterpartWays, s.delegation]).toEqual([false, false, false, null]);
});

test("an encounter's evidence needs both sides' ways, and no node", () => {
  const s = encounterSelection(
    infoFor(`{ whoMetWhom(actorId: "person:hakan-fidan") { edges { node {
    meetings { evidence { quote } } } } } }`),
  );
  expect([s.evidence, s.actorWays, s.counterpartWays]).toEqual([true, true, true]);
  expect([s.meeting, s.counterpart, s.when]).toEqual([null, null, null]);
  expect(s.evidenceParts).toEqual({ sourceId: false, offset: false, quote: true });
});

test("the evidence's parts sent are those selected, the source id also for Evidence.source", () => {
  const parts = (evidence: string) =>
    encounterSelection(
      infoFor(
        `{ whoMetWhom(actorId: "person:hakan-fidan") { edges { node { meetings { evidence { ${evidence} } } } } } }`,
      ),
    ).evidenceParts;
  expect(parts('offset source { title }')).toEqual({ sourceId: true, offset: true, quote: false });
  expect(parts('sourceId quote')).toEqual({ sourceId: true, offset: false, quote: true });
  expect(parts('__typename')).toEqual({ sourceId: false, offset: false, quote: false });
});

test("a node's evidence, through an alias and a fragment on an interface, is that position's", () => {
  const s = encounterSelection(
    infoFor(`
    query { whoMetWhom { edges { node { other: counterpart { ...Quoted } } } } }
    fragment Quoted on Actor { id evidence { quote offset } }`),
  );
  expect(fieldsOf(s.counterpart)).toEqual(['evidence', 'id']);
  expect(s.evidence).toBe(false);
});

test("a delegation selected on either side's ways is projected once, merged", () => {
  const s = encounterSelection(
    infoFor(`{ whoMetWhom(actorId: "country:UKR") { edges { node { meetings {
    actorTookPart { delegation { id } } counterpartTookPart { delegation { ... on Delegation { name } } } } } } } }`),
  );
  expect(fieldsOf(s.delegation)).toEqual(['id', 'name']);
  expect([s.actorWays, s.counterpartWays, s.evidence]).toEqual([true, true, false]);
});

test('the places selected, through a fragment on Encounter, each once', () => {
  const s = encounterSelection(
    infoFor(`
    query { whoMetWhom { edges { node { meetings { ...Where country { id } } } } } }
    fragment Where on Encounter { venue { name } city { name } country { name } }`),
  );
  expect(Object.keys(s.places).sort()).toEqual(['city', 'country', 'venue']);
  expect(fieldsOf(s.places.country)).toEqual(['id', 'name']);
});

test('a nested relationship under a node is part of its projection (one statement, any depth)', () => {
  const s = encounterSelection(
    infoFor(`{ whoMetWhom(actorId: "person:hakan-fidan") { edges { node {
    counterpart { ... on Person { offices { title of { id } } } } } } } }`),
  );
  expect(fieldsOf(s.counterpart)).toEqual(['offices']);
});
