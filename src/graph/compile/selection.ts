/**
 * A root field's GraphQL selection as a tree the compiler projects: per position, the fields
 * asked for (merged by field name across aliases, fragments and the concrete types the position
 * can hold), each with its mapping (registry.ts) and its own sub-selection. Fields are collected
 * per concrete type as graphql-js's executor does (spec §6.3.2 CollectFields: type conditions,
 * fragment spreads, @skip/@include), so what the tree holds is a superset of what execution
 * reads. A field without a mapping, or one name that means different things on two of a
 * position's types, makes the selection not compilable: the caller keeps today's path.
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { type FieldMapping, REGISTRY } from './registry';

export interface FieldSelection {
  readonly name: string;
  readonly mapping: FieldMapping;
  /** The position's concrete types that select this field. */
  readonly onTypes: ReadonlySet<string>;
  /** What is selected inside the field's value (null for scalars and enums). */
  readonly children: ObjectSelection | null;
}

export interface ObjectSelection {
  /** The concrete object types a value at this position can have. */
  readonly types: readonly string[];
  readonly fields: ReadonlyMap<string, FieldSelection>;
}

export class NotCompilable extends Error {}

export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** The concrete object types a value of `type` can have. */
export function concreteTypes(schema: GraphQLSchema, type: GraphQLNamedType): GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return [...schema.getPossibleTypes(type)];
  return [];
}

/** The selection inside the given field nodes, for a value of `type`. */
export function selectionOf(
  ctx: SelectionContext,
  type: GraphQLNamedType,
  sets: readonly (SelectionSetNode | undefined)[],
): ObjectSelection {
  const types = concreteTypes(ctx.schema, type);
  const byName = new Map<string, { mapping: FieldMapping; onTypes: Set<string>; nodes: FieldNode[] }>();
  for (const object of types) {
    const fields = new Map<string, FieldNode[]>();
    for (const set of sets) collectFields(ctx, object, set, fields, new Set());
    for (const [name, nodes] of fields) {
      if (name === '__typename') continue;
      const mapping = REGISTRY[object.name]?.[name];
      if (!mapping) throw new NotCompilable(`${object.name}.${name} has no mapping`);
      const entry = byName.get(name);
      if (!entry) {
        byName.set(name, { mapping, onTypes: new Set([object.name]), nodes: [...nodes] });
      } else if (entry.mapping !== mapping) {
        throw new NotCompilable(`${name} means different things on ${[...entry.onTypes][0]} and ${object.name}`);
      } else {
        entry.onTypes.add(object.name);
        entry.nodes.push(...nodes);
      }
    }
  }
  const fields = new Map<string, FieldSelection>();
  for (const [name, { mapping, onTypes, nodes }] of byName) {
    const object = types.find((t) => onTypes.has(t.name)) as GraphQLObjectType;
    const fieldType = getNamedType(object.getFields()[name]!.type);
    const children = isCompositeType(fieldType)
      ? selectionOf(
          ctx,
          fieldType,
          nodes.map((n) => n.selectionSet),
        )
      : null;
    fields.set(name, { name, mapping, onTypes, children });
  }
  return { types: types.map((t) => t.name), fields };
}

function collectFields(
  ctx: SelectionContext,
  object: GraphQLObjectType,
  set: SelectionSetNode | undefined,
  out: Map<string, FieldNode[]>,
  visited: Set<string>,
): void {
  for (const selection of set?.selections ?? []) {
    if (!included(ctx, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const list = out.get(name);
      if (list) list.push(selection);
      else out.set(name, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(ctx, object, selection.typeCondition?.name.value)) {
        collectFields(ctx, object, selection.selectionSet, out, visited);
      }
    } else {
      const name = selection.name.value;
      if (visited.has(name)) continue;
      visited.add(name);
      const fragment = ctx.fragments[name];
      if (fragment && applies(ctx, object, fragment.typeCondition.name.value)) {
        collectFields(ctx, object, fragment.selectionSet, out, visited);
      }
    }
  }
}

function included(ctx: SelectionContext, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, ctx.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables)?.if !== false;
}

function applies(ctx: SelectionContext, object: GraphQLObjectType, condition: string | undefined): boolean {
  if (!condition) return true;
  const type = ctx.schema.getType(condition);
  if (!type) return false;
  if (type === object) return true;
  return isAbstractType(type) && ctx.schema.isSubType(type, object);
}

/** The sub-selection of `field` inside a selection (connections: `edges`, then `node`). */
export function subSelections(
  ctx: SelectionContext,
  object: GraphQLObjectType,
  sets: readonly (SelectionSetNode | undefined)[],
  field: string,
): { present: boolean; sets: (SelectionSetNode | undefined)[] } {
  const out = new Map<string, FieldNode[]>();
  for (const set of sets) collectFields(ctx, object, set, out, new Set());
  const nodes = out.get(field) ?? [];
  return { present: nodes.length > 0, sets: nodes.map((n) => n.selectionSet) };
}
