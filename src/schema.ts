/**
 * Builds the GraphQL schema from the type-graphql modules (code first). The printed, sorted SDL
 * is committed at schema/schema.graphql; a test fails when the two differ.
 */
import path from 'node:path';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { PROJECT_ROOT } from './config';
import { SystemResolver } from './modules/system/system.resolver';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

export const RESOLVERS = [SystemResolver] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every server in a process: build it once. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...RESOLVERS],
    // Input validation is done by our own arguments' checks, with our error codes.
    validate: false,
  });
  return built;
}

export async function printSortedSchema(): Promise<string> {
  const header = '# diplograph GraphQL schema. Generated from src/ by `npm run schema`; do not edit.\n\n';
  return `${header}${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
