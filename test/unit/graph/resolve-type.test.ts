/**
 * Interface values resolve their concrete type synchronously (schema.ts): a promise there made
 * graphql-js complete every object above it asynchronously.
 */
import { type GraphQLResolveInfo, isInterfaceType } from 'graphql';
import { getSchema } from '../../../src/schema';

test('every interface of the schema names the concrete type of a value by its kind, at once', async () => {
  const schema = await getSchema();
  const interfaces = Object.values(schema.getTypeMap()).filter(isInterfaceType);
  expect(interfaces.map((t) => t.name).sort()).toEqual(expect.arrayContaining(['Actor', 'Node']));
  for (const type of interfaces) {
    for (const concrete of schema.getPossibleTypes(type)) {
      const resolved = type.resolveType!({ kind: concrete.name }, {}, {} as GraphQLResolveInfo, type);
      expect([type.name, resolved]).toEqual([type.name, concrete.name]);
    }
  }
  // A value of no known kind still reaches type-graphql's own resolver (a promise, as before).
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('Node is not an interface');
  expect(node.resolveType!({ kind: 'Nonsense' }, {}, {} as GraphQLResolveInfo, node)).toBeInstanceOf(Promise);
});
