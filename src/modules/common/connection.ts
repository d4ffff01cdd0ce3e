/**
 * Relay cursor connections (https://relay.dev/graphql/connections.htm): `edges { cursor node }`,
 * `pageInfo`, `totalCount`. Cursors are opaque base64 of a keyset position, so a page boundary
 * stays put while the rows before it do not change.
 */
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput, limitExceeded } from '../../errors';

@ObjectType({ simpleResolvers: true, description: 'Where a page sits in its list (Relay).' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T extends object>(
  nodeType: () => ClassType<T> | (abstract new (...args: never[]) => unknown),
  name: string,
) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeClass {
    @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after` for the next page.' })
    cursor!: string;

    @Field(nodeType as () => ClassType)
    node!: T;
  }

  // Not emitted itself (unreachable): the subclass extending it declares `<Name>Connection`.
  @ObjectType({ simpleResolvers: true })
  abstract class ConnectionClass {
    @Field(() => [EdgeClass])
    edges!: EdgeClass[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list, across all pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` with `arity` parts, or fails with BAD_USER_INPUT. */
export function decodeCursor(cursor: string, arity: number, argument = 'after'): unknown[] {
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(position) && position.length === arity) return position;
  } catch {
    // fall through to the error below
  }
  throw badInput(argument, 'is not a cursor this list gave out');
}

/** Validates `first` against the cap (over it: LIMIT_EXCEEDED) and returns the page size. */
export function pageSize(first: number | undefined | null, defaultSize: number, max: number): number {
  if (first === undefined || first === null) return defaultSize;
  if (!Number.isInteger(first) || first < 0) throw badInput('first', 'must be a whole number, 0 or more');
  if (first > max) throw limitExceeded('MAX_PAGE_SIZE', max, `first: must be at most ${max}`, { argument: 'first' });
  return first;
}

/** Builds a page from rows fetched with `size + 1` (the extra row says there is a next page). */
export function toPage<R, T>(
  rows: R[],
  size: number,
  totalCount: number,
  hasPrevious: boolean,
  cursorOf: (row: R) => unknown[],
  nodeOf: (row: R) => T,
): Page<T> {
  const visible = rows.slice(0, size);
  const edges = visible.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: nodeOf(row) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Whether the connection being resolved selects `field` (directly, or in a fragment on it): a
 * list whose total costs a pass over the whole graph counts it only when asked.
 */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === field;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
