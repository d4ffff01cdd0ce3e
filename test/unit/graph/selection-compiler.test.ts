/**
 * Translation tests of the selection compiler, with no database (as neo4j/graphql's tck):
 * GraphQL in, Cypher text and parameters out. The repositories run over a recording executor
 * that answers nothing, so what each root field would send to Neo4j is seen as sent.
 */
import {
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isObjectType,
  Kind,
  parse,
} from 'graphql';
import { loadConfig } from '../../../src/config';
import { connectionSelection, fromList, type NodeStatement, nodeSelection } from '../../../src/graph/compile';
import { REGISTRY } from '../../../src/graph/compile/registry';
import type { Executor, Params, Statement } from '../../../src/graph/executor';
import { NodeKind } from '../../../src/model/vocabulary';
import { ActorRepository } from '../../../src/modules/actor/actor.repository';
import { MeetingRepository } from '../../../src/modules/meeting/meeting.repository';
import { NodeRepository } from '../../../src/modules/node/node.repository';
import { getSchema } from '../../../src/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

/** The resolve info graphql-js hands the root field `alias` of the query (the first one if omitted). */
function infoFor(query: string, variables: Record<string, unknown> = {}, alias?: string): GraphQLResolveInfo {
  const document = parse(query);
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  const roots = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const field = alias ? roots.find((f) => (f.alias ?? f.name).value === alias)! : roots[0]!;
  const returnType = schema.getQueryType()!.getFields()[field.name.value]!.type;
  return {
    schema,
    fragments,
    variableValues: variables,
    fieldNodes: [field],
    returnType,
  } as unknown as GraphQLResolveInfo;
}

interface Sent {
  statement: Statement;
  params: Params;
}

function recording(): { executor: Executor; sent: Sent[] } {
  const sent: Sent[] = [];
  const executor = {
    read: async (statement: Statement, params: Params) => {
      sent.push({ statement, params });
      return [];
    },
  } as unknown as Executor;
  return { executor, sent };
}

const config = loadConfig({});

async function sentFor(run: (r: ReturnType<typeof repositories>) => Promise<unknown>): Promise<Sent> {
  const { executor, sent } = recording();
  await run(repositories(executor));
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

function repositories(executor: Executor) {
  return {
    node: new NodeRepository(executor),
    meeting: new MeetingRepository(executor, config),
    actor: new ActorRepository(executor, config),
  };
}

/** A hostile value: it must reach Neo4j as a parameter, never as statement text. */
const HOSTILE = "x'}) DETACH DELETE n //`Person`";

describe('every field a compiled root can reach has a mapping', () => {
  // Wrappers the compiler reads itself (connections, and the lists of `subgraph` and `path`).
  const CONNECTIONS = new Set([
    'MeetingConnection',
    'MeetingEdge',
    'ActorConnection',
    'ActorEdge',
    'PageInfo',
    'Subgraph',
    'Path',
  ]);

  it('in the registry, and the registry names no field the schema lacks', () => {
    const seen = new Set<string>();
    const visit = (type: GraphQLObjectType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        if (!CONNECTIONS.has(type.name))
          expect([type.name, field.name, REGISTRY[type.name]?.[field.name]]).toEqual([
            type.name,
            field.name,
            expect.anything(),
          ]);
        const named = getNamedType(field.type);
        if (isCompositeType(named)) {
          for (const t of isObjectType(named) ? [named] : schema.getPossibleTypes(named)) visit(t);
        }
      }
    };
    const query = schema.getQueryType()!.getFields();
    for (const root of ['meeting', 'meetings', 'actor', 'actors', 'node', 'place', 'source', 'subgraph', 'path']) {
      const named = getNamedType(query[root]!.type);
      for (const t of isObjectType(named) ? [named] : schema.getPossibleTypes(named as never)) visit(t);
    }
    expect(seen.size).toBeGreaterThan(15);
    for (const [typeName, fields] of Object.entries(REGISTRY)) {
      const type = schema.getType(typeName);
      expect(type && isObjectType(type)).toBe(true);
      for (const name of Object.keys(fields))
        expect(Object.keys((type as GraphQLObjectType).getFields())).toContain(name);
    }
  });
});

describe('meeting(id)', () => {
  it('projects only the selected fields, a subquery per relationship field, the id as a parameter', async () => {
    const query = `query ($id: ID!) { meeting(id: $id) { id name date { value precision } venue { name }
      participants { role cameo actor { id ... on Person { offices { title of { id } } } } } } }`;
    const info = infoFor(query, { id: HOSTILE });
    const { statement, params } = await sentFor((r) => r.node.selected(HOSTILE, [NodeKind.Meeting], info));
    expect(params).toEqual({ id: HOSTILE });
    expect(statement.text).not.toContain('DETACH');
    expect(statement.text).toMatch(/^MATCH \(n:Meeting \{id: \$id\}\)/);
    // Only what was asked: no evidence, claims, aliases or description.
    expect(statement.text).not.toMatch(/evidence|Claim|aliases|description/);
    expect(statement.text).toContain('MATCH (n)-[r1:HELD_AT]->(n2)');
    expect(statement.text).toContain("WITH * WHERE n2.placeKind = 'VENUE'");
    expect(statement.text).toContain('MATCH (n)<-[r4:PARTICIPATED_IN]-(n5)');
    // The offices of Person participants only, by label.
    expect(statement.text).toMatch(/-\[r\d+:HOLDS_OFFICE\]->\(n\d+\) WHERE \(n\d+:Person\)/);
    // The node and what it reaches are lists of values; the shape names them in order.
    const { shape } = statement as NodeStatement;
    expect(shape.keys).toEqual(['id', 'name', 'date', '@venue', '@participants']);
    expect(shape.nested[3]).toEqual({ shape: { keys: ['name'], nested: [null] }, many: false });
    expect(shape.nested[2]).toEqual({ shape: { keys: ['value', 'precision'], nested: [null, null] }, many: false });
    // cameo is computed from role, which is projected for it.
    expect(statement.text).toContain('collect([r4.role, [');
    const participant = shape.nested[4]!;
    expect(participant.many).toBe(true);
    expect(participant.shape.keys).toEqual(['role', '@actor']);
    expect(participant.shape.nested[1]!.shape.keys).toEqual(['kind', 'id', '@offices']);
    expect(statement.text.match(/CALL \(/g)).toHaveLength(3);
    expect(statement.text).toMatchSnapshot();
  });

  it('reads evidence, its source, claims and disputed only when selected', async () => {
    const query = `{ meeting(id: "m") { disputed evidence { quote source { title } } claims(property: "name") { value source { id } } } }`;
    const { statement } = await sentFor((r) => r.node.selected('m', [NodeKind.Meeting], infoFor(query)));
    expect(statement.text).toContain('RETURN [coalesce(n.disputed, []), evidence3, claims5] AS node');
    expect((statement as NodeStatement).shape.keys).toEqual(['disputed', 'evidence', '@claims']);
    // Inside the maps Cypher builds for evidence and claims, sources are maps too.
    expect(statement.text).toContain('`@source`: CASE WHEN s2 IS NULL THEN null ELSE {title: s2.title} END');
    expect(statement.text).toContain('OPTIONAL MATCH (s2:Source {id: n.evidenceSourceIds[i1]})');
    expect(statement.text).toMatch(/MATCH \(claim\d+:Claim \{subjectId: n\.id\}\)/);
    // The claims' property filter is applied by the resolver: the argument is not in the text.
    expect(statement.text).not.toContain('"name"');
    expect(statement.text).toMatchSnapshot();
  });

  it('merges aliases and fragments, honours @skip and @include with variables', async () => {
    const query = `fragment F on Meeting { a: name venue { id } }
      query ($no: Boolean!) { meeting(id: "m") { ...F b: name ... on Meeting { v: venue { name } }
        city @skip(if: $no) { id } country @include(if: $no) { id } } }`;
    const { statement } = await sentFor((r) => r.node.selected('m', [NodeKind.Meeting], infoFor(query, { no: true })));
    expect(statement.text.match(/\bn\.name\b/g)).toHaveLength(1);
    expect((statement as NodeStatement).shape.keys).toEqual(['name', '@venue', '@country']);
    expect(statement.text.match(/HELD_AT\]->\(n/g)).toHaveLength(1);
    expect(statement.text).toMatch(/collect\(\[n\d+\.id, n\d+\.name\]/);
    expect((statement as NodeStatement).shape.nested[1]!.shape.keys).toEqual(['id', 'name']);
    expect(statement.text).toMatch(/WITH head\(\[x\d+ IN around WHERE x\d+:Country\]\) AS n\d+/);
    expect(statement.text).not.toContain("placeKind = 'CITY'");
  });
});

describe('names', () => {
  it("reads an entity's name alone, and orders by it, but a source's or a maybe-source's with its title", async () => {
    const query = `{ node(id: "s") { ... on Statement { name about { name } by { name } evidence { source { name } } } } }`;
    const { statement } = await sentFor((r) => r.node.selected('s', [NodeKind.Statement], infoFor(query)));
    // The statement itself and who stated it (actors) have a name; ABOUT may reach a Source.
    expect(statement.text).toMatch(/, n\.name, about\d+, by\d+, evidence\d+\] AS node$/);
    expect(statement.text).toMatch(
      /:STATED_BY\]->\((n\d+)\) WHERE \(n:Statement\)\nWITH \* ORDER BY \1\.name, \1\.id\n/,
    );
    expect(statement.text).toMatch(/collect\(\[head\(\[l IN labels\((n\d+)\) WHERE [^\]]+\]\]\), \1\.name\]\) AS by/);
    expect(statement.text).toMatch(
      /:ABOUT\]->\((n\d+)\) WHERE \(n:Statement\)\nWITH \* ORDER BY coalesce\(\1\.name, \1\.title, \1\.id\), \1\.id\n/,
    );
    expect(statement.text).toMatch(/coalesce\((s\d+)\.name, \1\.title, \1\.id\)/);
  });
});

describe('fromList', () => {
  it('reads a listed projection back into the object its map would be, nested lists and nulls included', () => {
    const place = { keys: ['name'], nested: [null] };
    const shape = {
      keys: ['id', 'date', '@venue', '@participants'],
      nested: [
        null,
        { shape: { keys: ['value'], nested: [null] }, many: false },
        { shape: place, many: false },
        { shape: { keys: ['role', '@place'], nested: [null, { shape: place, many: false }] }, many: true },
      ],
    };
    expect(
      fromList(shape, [
        'm',
        ['2025-05'],
        null,
        [
          ['HOST', ['Istanbul']],
          ['PARTY', null],
        ],
      ]),
    ).toEqual({
      id: 'm',
      date: { value: '2025-05' },
      '@venue': null,
      '@participants': [
        { role: 'HOST', '@place': { name: 'Istanbul' } },
        { role: 'PARTY', '@place': null },
      ],
    });
  });
});

describe('node(id), actor(id), place(id), source(id)', () => {
  it('match by id on Entity, with the kinds as label tests', async () => {
    const node = await sentFor((r) => r.node.selected('x', null, infoFor('{ node(id: "x") { id kind } }')));
    expect(node.statement.text).toMatch(
      /^MATCH \(n:Entity \{id: \$id\}\)\nRETURN \[head\(\[l IN labels\(n\) WHERE .*\]\), n\.id\] AS node$/,
    );
    expect((node.statement as NodeStatement).shape).toEqual({ keys: ['kind', 'id'], nested: [null, null] });
    const actor = await sentFor((r) =>
      r.node.selected('x', [NodeKind.Country, NodeKind.Person], infoFor('{ actor(id: "x") { name } }')),
    );
    expect(actor.statement.text).toContain('WHERE n:Country OR n:Person');
  });

  it('give up on a field name that means two things on two types (the caller keeps the loaders)', async () => {
    const query = `{ node(id: "x") { ... on Person { delegations { role } } ... on Country { delegations { id } } } }`;
    expect(nodeSelection(infoFor(query))).toBeNull();
  });
});

describe('meetings', () => {
  const PAGE = `query ($f: MeetingFilter, $after: String) { meetings(filter: $f, first: 5, after: $after) {
    edges { cursor node { id venue { name } } } } }`;

  it('reads a page in dateStart index order, undated meetings in a second branch, and no total unless selected', async () => {
    const info = infoFor(PAGE);
    const { statement, params } = await sentFor((r) =>
      r.meeting.listSelected({ first: 5 }, connectionSelection(info)!),
    );
    expect(statement.text).toContain('ORDER BY n.dateStart ASC, n.id ASC LIMIT $limit');
    expect(statement.text).toContain('WHERE n.dateStart IS NULL');
    // The undated branch scans every meeting: it runs (a subquery behind the test, so the
    // planner cannot move the test below the scan) only when the dated ones leave room.
    expect(statement.text).toMatch(/WITH dated WHERE size\(dated\) < \$limit\s+CALL \(\) \{\s+MATCH \(n:Meeting\)/);
    expect(statement.text).not.toContain('count(');
    expect(statement.text).toContain('null AS total');
    expect(params).toMatchObject({ limit: 6, afterKey: null, status: null, placeId: null });
    expect(statement.text).toMatchSnapshot();
  });

  it('counts the total when selected, filters by parameters, pages by cursor', async () => {
    const query = `{ meetings(filter: { participantId: "${HOSTILE.replace(/"/g, '')}", status: HELD, from: "2025" }, orderBy: DATE_DESC) { totalCount } }`;
    const info = infoFor(query);
    const args = {
      filter: { participantId: HOSTILE, status: 'HELD' as never, from: '2025' },
      orderBy: 'DATE_DESC' as never,
    };
    const { statement, params } = await sentFor((r) => r.meeting.listSelected(args, connectionSelection(info)!));
    expect(statement.text).toContain('RETURN count(m) AS total');
    expect(statement.text).toContain('MATCH (participant:Entity {id: $participantId})');
    expect(statement.text).not.toContain('DETACH');
    expect(params).toMatchObject({ participantId: HOSTILE, status: 'HELD', from: '2025-01-01' });
    // No node selected: the page still carries the cursors.
    expect(statement.text).toContain('collect({sortKey: sortKey, id: n.id, node: {}})');
  });
});

describe('actors', () => {
  it('searches through the full-text index with the Lucene query as a parameter', async () => {
    const query =
      '{ actors(search: "turkiye", first: 3) { totalCount edges { node { name ... on Person { unnamed } } } } }';
    const { statement, params } = await sentFor((r) =>
      r.actor.searchSelected({ search: 'turkiye', first: 3 }, connectionSelection(infoFor(query))!),
    );
    expect(statement.text).toContain("db.index.fulltext.queryNodes('entity_search', $query)");
    expect(params).toMatchObject({ skip: 0, limit: 4, kinds: ['Country', 'Organization', 'Person', 'Delegation'] });
    expect(String(params.query)).toContain('turkiye');
    expect(statement.text).not.toContain('turkiye');
  });

  it('lists by name without a search', async () => {
    const query = '{ actors { edges { node { id } } } }';
    const { statement } = await sentFor((r) => r.actor.searchSelected({}, connectionSelection(infoFor(query))!));
    expect(statement.text).toContain('ORDER BY toLower(n.name), n.id LIMIT $limit');
    expect(statement.text).toMatchSnapshot();
  });
});
