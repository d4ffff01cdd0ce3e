/**
 * Builds the GraphQL schema from the type-graphql modules (code first). The printed, sorted SDL
 * is committed at schema/schema.graphql; a test fails when the two differ.
 */
import path from 'node:path';
import { type GraphQLSchema, isInterfaceType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { PROJECT_ROOT } from './config';
import { handOnProjected } from './graph/compile/projected';
import { REGISTRY } from './graph/compile/registry';
import { ACTOR_RESOLVERS } from './modules/actor/actor.resolver';
import { Country, Delegation, Organization, Person } from './modules/actor/actor.type';
import { EncounterResolver } from './modules/encounter/encounter.resolver';
import { FactsResolver } from './modules/facts/facts.resolver';
import { MeetingResolver, ParticipationResolver } from './modules/meeting/meeting.resolver';
import { Meeting } from './modules/meeting/meeting.type';
import { ClaimResolver, EvidenceResolver, NodeResolver, RelationshipResolver } from './modules/node/node.resolver';
import { PlaceResolver } from './modules/place/place.resolver';
import { Place } from './modules/place/place.type';
import { SourceResolver } from './modules/source/source.resolver';
import { Source } from './modules/source/source.type';
import { StatementResolver } from './modules/statement/statement.resolver';
import { Statement } from './modules/statement/statement.type';
import { SubgraphResolver } from './modules/subgraph/subgraph.resolver';
import { SystemResolver } from './modules/system/system.resolver';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

export const RESOLVERS = [
  NodeResolver,
  RelationshipResolver,
  EvidenceResolver,
  ClaimResolver,
  ...ACTOR_RESOLVERS,
  MeetingResolver,
  ParticipationResolver,
  PlaceResolver,
  StatementResolver,
  SourceResolver,
  EncounterResolver,
  FactsResolver,
  SubgraphResolver,
  SystemResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every server in a process: build it once. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...RESOLVERS],
    // Input validation is done by our own arguments' checks, with our error codes.
    validate: false,
    // Concrete node types are reached through interfaces (Node, Actor); list them all.
    orphanedTypes: [Country, Organization, Person, Delegation, Place, Meeting, Statement, Source],
  }).then((schema) => handOnProjected(resolveTypesSynchronously(schema), REGISTRY));
  return built;
}

/**
 * type-graphql wraps every interface's resolveType in an async function, so each value of an
 * interface type (a participant's actor, a place's locatedIn, a node) completed as a promise,
 * and graphql-js then built every object above it asynchronously too (promiseForObject, a
 * round of microtasks per level). Our interfaces resolve a value by its `kind` (node.type.ts,
 * actor.type.ts): that answer is now given synchronously, through graphql-js's own
 * `resolveType` of the type; a value without a known kind reaches type-graphql's as before.
 */
export function resolveTypesSynchronously(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInterfaceType(type)) continue;
    const possible = new Set(schema.getPossibleTypes(type).map((t) => t.name));
    const fallback = type.resolveType;
    type.resolveType = (value, context, info, abstractType) => {
      const kind = (value as { kind?: unknown } | null)?.kind;
      return typeof kind === 'string' && possible.has(kind) ? kind : fallback?.(value, context, info, abstractType);
    };
  }
  return schema;
}

export async function printSortedSchema(): Promise<string> {
  const header = '# diplograph GraphQL schema. Generated from src/ by `npm run schema`; do not edit.\n\n';
  return `${header}${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
