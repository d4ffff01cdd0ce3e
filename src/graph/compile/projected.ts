/**
 * How a field tells a compiled parent from one loaded today's way: a compiled statement
 * projects the value of every relationship field it was asked for under `@<field>`
 * (project.ts); a parent without that key came from a loader, and the field's resolver loads.
 */
import { type GraphQLSchema, isObjectType } from 'graphql';
import type { REGISTRY } from './registry';

/** The projected value of `field`, or undefined when the parent was not compiled. */
export function projectedValue<T>(parent: object, field: string): T | undefined {
  return (parent as Record<string, T | undefined>)[`@${field}`];
}

/** Mappings whose projected value a field's resolver hands on as it is. */
const HANDED_ON = new Set(['related', 'endpoint', 'meetingPlace', 'sameAs', 'source']);

/**
 * Puts the hand-on in front of the schema's own resolver for every such field of the registry,
 * so a compiled parent's field costs graphql-js a property read, as a default resolver does,
 * instead of a pass through type-graphql's parameter handling. Parents loaded another way reach
 * the field's resolver as before.
 */
export function handOnProjected(schema: GraphQLSchema, registry: typeof REGISTRY): GraphQLSchema {
  for (const [typeName, fields] of Object.entries(registry)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const defined = type.getFields();
    for (const [name, mapping] of Object.entries(fields)) {
      const field = defined[name];
      if (!field?.resolve || !HANDED_ON.has(mapping.kind)) continue;
      const resolve = field.resolve;
      const key = `@${name}`;
      field.resolve = (source, args, context, info) =>
        source !== null && typeof source === 'object' && key in source
          ? (source as Record<string, unknown>)[key]
          : resolve(source, args, context, info);
    }
  }
  return schema;
}
