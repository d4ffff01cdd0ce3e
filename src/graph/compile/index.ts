/**
 * The selection compiler: a root field's GraphQL selection → ONE parameterised Cypher
 * statement whose result holds only what was selected, in the shape the response needs.
 * Repositories call it with the resolver's `info` and the root's own matching clauses (their
 * filters, order and page); resolvers hand the projected values on (projected.ts). A selection
 * the registry cannot map gives `null`, and the caller keeps today's path.
 */
import { type GraphQLResolveInfo, getNamedType, isObjectType } from 'graphql';
import { cypher, type Statement } from '../executor';
import { fromList, mergeSelections, Projector, type Shape } from './project';
import { REGISTRY } from './registry';
import { NotCompilable, type ObjectSelection, type SelectionContext, selectionOf, subSelections } from './selection';

export type { Shape } from './project';
export { fromList } from './project';
export { handOnProjected, projectedValue } from './projected';
export type { ObjectSelection } from './selection';

/** A node or relationship as a compiled statement projects it: the selected fields only. */
export type Projected = Record<string, unknown>;

function contextOf(info: GraphQLResolveInfo): SelectionContext {
  return { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
}

function compilable<T>(build: () => T): T | null {
  try {
    return build();
  } catch (error) {
    if (error instanceof NotCompilable) return null;
    throw error;
  }
}

/** The selection of a root field returning a node (or null when it cannot be compiled). */
export function nodeSelection(info: GraphQLResolveInfo): ObjectSelection | null {
  return compilable(() =>
    selectionOf(
      contextOf(info),
      getNamedType(info.returnType),
      info.fieldNodes.map((n) => n.selectionSet),
    ),
  );
}

export interface ConnectionSelection {
  /** What each edge's node selects (null when no edge's node is asked for). */
  node: ObjectSelection | null;
  totalCount: boolean;
}

/** The selection of a root field returning a Relay connection. */
export function connectionSelection(info: GraphQLResolveInfo): ConnectionSelection | null {
  return compilable(() => {
    const ctx = contextOf(info);
    const connection = getNamedType(info.returnType);
    if (!isObjectType(connection)) throw new NotCompilable('not a connection');
    const sets = info.fieldNodes.map((n) => n.selectionSet);
    const edges = subSelections(ctx, connection, sets, 'edges');
    const edgeType = getNamedType(connection.getFields().edges!.type);
    if (!isObjectType(edgeType)) throw new NotCompilable('not a connection');
    const nodes = subSelections(ctx, edgeType, edges.sets, 'node');
    const nodeType = getNamedType(edgeType.getFields().node!.type);
    return {
      node: nodes.present ? selectionOf(ctx, nodeType, nodes.sets) : null,
      totalCount: subSelections(ctx, connection, sets, 'totalCount').present,
    };
  });
}

/** A statement whose rows' `node` is a projection listing its values, read back by `projectedNode`. */
export interface NodeStatement extends Statement {
  readonly shape: Shape;
}

/**
 * One node found by `match` (which binds `n`, or no row), projected as a list of values: a row
 * `{node}` that `projectedNode` turns into the projected object.
 */
export function nodeStatement(name: string, match: string, selection: ObjectSelection): NodeStatement {
  const p = new Projector(true).project('n', selection);
  return { ...cypher(`compiled:${name}`, [match, ...p.calls, `RETURN ${p.map} AS node`].join('\n')), shape: p.shape };
}

/** The projected node of a `nodeStatement`'s row. */
export function projectedNode(statement: NodeStatement, node: unknown[]): Projected {
  return fromList(statement.shape, node);
}

export interface PageParts {
  /** A subquery body returning `total` (only when totalCount is selected). */
  total?: string;
  /** A subquery body returning the page's rows, `n` and the cursor's variables, in page order. */
  find: string;
  /** The page order again (rows are sorted once more after the projection subqueries). */
  order: string;
  /** Extra entries of each row beside `node` (the cursor's parts). */
  cursor: string;
}

/**
 * A page of nodes: one row `{total, page}` where `page` lists `{node, …cursor}` in order. Both
 * subqueries aggregate, so there is always exactly one row, an empty page included.
 */
export function pageStatement(name: string, parts: PageParts, selection: ObjectSelection | null): Statement {
  const p = selection ? new Projector().project('n', selection) : { calls: [], map: '{}' };
  const lines = [
    ...(parts.total ? [`CALL () {\n${parts.total}\n}`] : []),
    'CALL () {',
    `CALL () {\n${parts.find}\n}`,
    ...p.calls,
    `WITH * ORDER BY ${parts.order}`,
    `RETURN collect({${parts.cursor}, node: ${p.map}}) AS page`,
    '}',
    `RETURN ${parts.total ? 'total' : 'null AS total'}, page`,
  ];
  return cypher(`compiled:${name}`, lines.join('\n'));
}

/** What `subgraph` or `path` selects of its generic nodes and edges. */
export interface GraphSelection {
  /** What each node selects (an empty selection when only counted or not asked for). */
  nodes: ObjectSelection;
  /** What each edge selects, its `id` always (edges are sorted by it); null when no edge is needed. */
  edges: ObjectSelection | null;
}

const EMPTY = (type: string): ObjectSelection => ({ types: [type], fields: new Map() });

/**
 * The selection of `subgraph` or `path` (null when it cannot be compiled). Edges are read when
 * `edges`, `edgeCount` or `length` is selected.
 */
export function graphSelection(info: GraphQLResolveInfo): GraphSelection | null {
  return compilable(() => {
    const ctx = contextOf(info);
    const root = getNamedType(info.returnType);
    if (!isObjectType(root)) throw new NotCompilable('not a subgraph');
    const sets = info.fieldNodes.map((n) => n.selectionSet);
    const fields = root.getFields();
    const listOf = (name: string) => {
      const type = getNamedType(fields[name]!.type);
      const sub = subSelections(ctx, root, sets, name);
      return sub.present ? selectionOf(ctx, type, sub.sets) : EMPTY(type.name);
    };
    const edgesNeeded = ['edges', 'edgeCount', 'length'].some(
      (name) => fields[name] && subSelections(ctx, root, sets, name).present,
    );
    const edgeId = REGISTRY.GraphEdge!.id!;
    const withId: ObjectSelection = {
      types: ['GraphEdge'],
      fields: new Map([['id', { name: 'id', mapping: edgeId, onTypes: new Set(['GraphEdge']), children: null }]]),
    };
    return {
      nodes: listOf('nodes'),
      edges: edgesNeeded ? mergeSelections(listOf('edges'), withId) : null,
    };
  });
}

/** A list a graph statement collects: a subquery body over `scope` binding `v` and the order. */
export interface GraphList {
  scope: string;
  /** Binds `v` (and what `order` reads), a row per element. */
  find: string;
  v: string;
  /** The list's order, or null when the caller sorts it. */
  order: string | null;
}

/**
 * A graph statement: `head` binds what the lists read, then one subquery per list collects its
 * elements projected with the selection; one row `{…returns, nodes, edges}` (edges `[]` when
 * not selected), or none when `head` finds nothing.
 */
export function graphStatement(
  name: string,
  head: string,
  lists: { nodes: GraphList; edges: GraphList },
  selection: GraphSelection,
  returns: readonly string[] = [],
): Statement {
  const projector = new Projector();
  const collect = (list: GraphList, of: ObjectSelection, out: string) => {
    const p = projector.project(list.v, of);
    return [
      `CALL (${list.scope}) {`,
      list.find,
      ...p.calls,
      ...(list.order ? [`WITH * ORDER BY ${list.order}`] : []),
      `RETURN collect(${p.map}) AS ${out}`,
      '}',
    ].join('\n');
  };
  const lines = [
    head,
    collect(lists.nodes, selection.nodes, 'nodes'),
    ...(selection.edges ? [collect(lists.edges, selection.edges, 'edges')] : []),
    `RETURN ${[...returns, 'nodes', selection.edges ? 'edges' : '[] AS edges'].join(', ')}`,
  ];
  return cypher(`compiled:${name}`, lines.join('\n'));
}

/**
 * Graph elements as a graph statement projects them, `properties` turned from the `[key, value]`
 * pairs into the object records.ts makes (keys in order), in place.
 */
export function graphElements<T extends Projected>(elements: T[]): T[] {
  for (const element of elements) {
    const pairs = element.properties as [string, unknown][] | undefined;
    if (!pairs) continue;
    pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    (element as Projected).properties = Object.fromEntries(pairs);
  }
  return elements;
}
