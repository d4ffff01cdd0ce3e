/**
 * Translation tests of `subgraph` and `path` through the selection compiler, with no database:
 * GraphQL in, the one Cypher statement and its parameters out (the repository runs over a
 * recording executor that answers nothing).
 */
import { type FieldNode, type GraphQLResolveInfo, type GraphQLSchema, Kind, parse } from 'graphql';
import { loadConfig } from '../../../src/config';
import { graphSelection } from '../../../src/graph/compile';
import type { Executor, Params, Statement } from '../../../src/graph/executor';
import { SubgraphRepository } from '../../../src/modules/subgraph/subgraph.repository';
import { getSchema } from '../../../src/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

function infoFor(query: string, variables: Record<string, unknown> = {}): GraphQLResolveInfo {
  const document = parse(query);
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  const field = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD)!;
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

const config = loadConfig({});

async function sentFor(run: (r: SubgraphRepository) => Promise<unknown>): Promise<Sent[]> {
  const sent: Sent[] = [];
  const executor = {
    read: async (statement: Statement, params: Params) => {
      sent.push({ statement, params });
      return [];
    },
  } as unknown as Executor;
  await run(new SubgraphRepository(executor, config));
  return sent;
}

/** A hostile value: it must reach Neo4j as a parameter, never as statement text. */
const HOSTILE = "x'}) DETACH DELETE n //`Person`";

const DEEP = `{ subgraph(seedIds: ["m"], depth: 2) { nodeCount truncated
  nodes { id node { ... on Meeting { participants { actor { name } role } venue { name } } } }
  edges { id type } } }`;

describe('subgraph', () => {
  it('one statement: the reach, then the typed node projected as subqueries of the same statement', async () => {
    const info = infoFor(DEEP);
    const selection = graphSelection(info)!;
    const sent = await sentFor((r) =>
      r.selectedSubgraph({ seedIds: [HOSTILE], depth: 2, relationshipTypes: null }, selection),
    );
    expect(sent).toHaveLength(1);
    const { statement, params } = sent[0]!;
    expect(statement.name).toBe('compiled:subgraph-depth-2');
    expect(params).toEqual({
      seedIds: [HOSTILE],
      types: null,
      from: null,
      to: null,
      maxNodes: config.MAX_SUBGRAPH_NODES,
    });
    expect(statement.text).not.toContain('DETACH');
    // Two levels of reach, then the cut.
    expect(statement.text.match(/RETURN collect\(DISTINCT n\) AS fresh/g)).toHaveLength(2);
    expect(statement.text).toContain('WITH reached[0..$maxNodes] AS kept, size(reached) > $maxNodes AS truncated');
    // Nodes in reach order; the typed node's relationship fields as nested subqueries over `n`.
    expect(statement.text).toContain('UNWIND range(0, size(kept) - 1) AS i\nWITH i, kept[i] AS n');
    expect(statement.text).toMatch(/MATCH \(n\)<-\[r\d+:PARTICIPATED_IN\]-\(n\d+\) WHERE \(n:Meeting\)/);
    expect(statement.text).toMatch(/MATCH \(n\)-\[r\d+:HELD_AT\]->\(n\d+\) WHERE \(n:Meeting\)/);
    expect(statement.text).toContain('WITH * ORDER BY i');
    // The edges among the kept nodes, with only id and type.
    expect(statement.text).toContain('MATCH (a)-[r]->(b)\nWHERE b IN kept AND ($types IS NULL OR type(r) IN $types)');
    expect(statement.text).toContain('type: type(r)');
    // Nothing unselected: no evidence, no properties, no whole property maps.
    expect(statement.text).not.toMatch(/evidence|properties\(|keys\(/);
    expect(statement.text).toMatch(/RETURN truncated, nodes, edges$/);
    expect(statement.text).toMatchSnapshot();
  });

  it('reads evidence and properties only when selected, without the reserved keys', async () => {
    const query = `{ subgraph(seedIds: ["a"], depth: 0) { nodes { properties evidence { quote source { title } } } } }`;
    const [{ statement }] = (await sentFor((r) =>
      r.selectedSubgraph({ seedIds: ['a'], depth: 0 }, graphSelection(infoFor(query))!),
    )) as [Sent];
    expect(statement.text).toMatch(
      /\[k\d+ IN keys\(n\) WHERE NOT k\d+ IN \['id', 'name', 'searchText', 'evidenceSourceIds', 'evidenceQuotes', 'evidenceOffsets', 'disputed'\] \| \[k\d+, n\[k\d+\]\]\]/,
    );
    expect(statement.text).toMatch(/OPTIONAL MATCH \(s\d+:Source \{id: n\.evidenceSourceIds\[i\d+\]\}\)/);
    // No edge field, count or length: no edge is read.
    expect(statement.text).not.toContain('MATCH (a)-[r]->(b)');
    expect(statement.text).toMatch(/RETURN truncated, nodes, \[\] AS edges$/);
  });

  it('reads the edges for edgeCount alone, with their ids (edges are sorted by id)', async () => {
    const selection = graphSelection(infoFor(`{ subgraph(seedIds: ["a"], depth: 1) { edgeCount } }`))!;
    expect(selection.edges && [...selection.edges.fields.keys()]).toEqual(['id']);
    expect(selection.nodes.fields.size).toBe(0);
  });

  it('merges aliases and fragments, honours @skip', async () => {
    const query = `fragment E on GraphEdge { from to }
      query ($no: Boolean!) { subgraph(seedIds: ["a"], depth: 1) { a: edges { ...E } b: edges { type evidence @skip(if: $no) { quote } } } }`;
    const selection = graphSelection(infoFor(query, { no: true }))!;
    expect([...selection.edges!.fields.keys()].sort()).toEqual(['from', 'id', 'to', 'type']);
  });

  it('gives up on a selection it cannot map (the caller keeps today’s path)', () => {
    // A field that means two things on a position's types is not compilable (selection.ts).
    const query = `{ subgraph(seedIds: ["a"], depth: 1) { nodes { node { ... on Person { delegations { id } } ... on Country { delegations { id } } } } } }`;
    expect(graphSelection(infoFor(query))).toBeNull();
  });
});

describe('path', () => {
  it('one statement: the shortest path, its nodes and edges projected in path order', async () => {
    const query = `{ path(fromId: "a", toId: "b", maxHops: 3) { length
      nodes { id name node { ... on Meeting { participants { actor { name } role } venue { name } } } } edges { id from to } } }`;
    const sent = await sentFor((r) => r.selectedPath(HOSTILE, 'b', 3, graphSelection(infoFor(query))!));
    expect(sent).toHaveLength(1);
    const { statement, params } = sent[0]!;
    expect(statement.name).toBe('compiled:path-hops-3');
    expect(params).toEqual({ fromId: HOSTILE, toId: 'b' });
    expect(statement.text).toContain('MATCH p = shortestPath((a)-[*..3]-(b))');
    expect(statement.text).toContain('WITH i, ns[i] AS n');
    expect(statement.text).toContain('WITH i, rs[i] AS r');
    expect(statement.text).toContain('from: startNode(r).id, to: endNode(r).id');
    expect(statement.text).toMatch(/MATCH \(n\)<-\[r\d+:PARTICIPATED_IN\]-\(n\d+\) WHERE \(n:Meeting\)/);
    expect(statement.text).not.toMatch(/evidence|properties\(|keys\(|DETACH/);
    expect(statement.text).toMatchSnapshot();
  });

  it('a path from a node to itself is the depth-0 subgraph, without edges', async () => {
    const query = `{ path(fromId: "a", toId: "a") { length nodes { id } edges { id } } }`;
    const sent = await sentFor((r) => r.selectedPath('a', 'a', 4, graphSelection(infoFor(query))!));
    expect(sent.map((s) => s.statement.name)).toEqual(['compiled:subgraph-depth-0']);
    expect(sent[0]!.statement.text).toMatch(/RETURN truncated, nodes, \[\] AS edges$/);
  });

  it('checks maxHops against MAX_PATH_HOPS before sending anything', async () => {
    const selection = graphSelection(infoFor(`{ path(fromId: "a", toId: "b") { length } }`))!;
    const repository = new SubgraphRepository({} as Executor, config);
    await expect(repository.selectedPath('a', 'b', config.MAX_PATH_HOPS + 1, selection)).rejects.toMatchObject({
      extensions: { code: 'LIMIT_EXCEEDED' },
    });
  });
});
