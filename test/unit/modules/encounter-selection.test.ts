/**
 * Which evidence lists a whoMetWhom selection needs (no database): the statement leaves out the
 * others, so a wrong answer here loses quotes from a response or fetches what nobody asked for.
 */
import { type FragmentDefinitionNode, type GraphQLResolveInfo, type GraphQLSchema, Kind, parse } from 'graphql';
import { encounterProjection } from '../../../src/modules/encounter/encounter.selection';
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

test('ids, names and dates need no evidence', () => {
  const info = infoFor(`{ whoMetWhom(actorId: "person:hakan-fidan") { edges { node {
    counterpart { id name } meetings { meeting { id name } date { value } venue { name } } } } } }`);
  expect(encounterProjection(info)).toEqual({
    nodeEvidence: false,
    encounterEvidence: false,
    places: ['venue'],
    delegations: false,
  });
});

test("an encounter's evidence asks for the participations' quotes only", () => {
  const info = infoFor(`{ whoMetWhom(actorId: "person:hakan-fidan") { edges { node {
    meetings { evidence { quote } } } } } }`);
  expect(encounterProjection(info)).toMatchObject({ nodeEvidence: false, encounterEvidence: true, places: [] });
});

test("a node's evidence, through an alias and a fragment on an interface, asks for the nodes' quotes", () => {
  const info = infoFor(`
    query { whoMetWhom { edges { node { other: counterpart { ...Quoted } } } } }
    fragment Quoted on Actor { id evidence { quote offset } }`);
  expect(encounterProjection(info)).toMatchObject({ nodeEvidence: true, encounterEvidence: false });
});

test("a meeting's or a delegation's evidence inside an encounter is a node's", () => {
  const info = infoFor(`{ whoMetWhom(actorId: "country:UKR") { edges { node { meetings {
    meeting { evidence { quote } } counterpartTookPart { delegation { ... on Delegation { evidence { quote } } } } } } } } }`);
  expect(encounterProjection(info)).toEqual({
    nodeEvidence: true,
    encounterEvidence: false,
    places: [],
    delegations: true,
  });
});

test('the places selected, through a fragment on Encounter, each once and in order', () => {
  const info = infoFor(`
    query { whoMetWhom { edges { node { meetings { ...Where country { id } } } } } }
    fragment Where on Encounter { venue { name } city { name } country { name } }`);
  expect(encounterProjection(info).places).toEqual(['city', 'country', 'venue']);
});
