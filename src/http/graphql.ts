/**
 * The GraphQL endpoint: Apollo Server over our schema, with the request pipeline's plugins —
 * token limit (at parse time), query limits, round-trip reporting and the cache header, graceful
 * drain — and error bodies and statuses from errors.ts.
 */
import type http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Context } from '../context';
import type { Logger } from '../logger';
import { errorStatusPlugin, publicError } from './errors';
import { limitsPlugin } from './limits';

/**
 * Adds `extensions.roundTrips` (Cypher round trips this request cost) to every response, and
 * `Cache-Control: no-store` (answers reflect the graph now, and mutations change it): the header
 * Apollo's default cache-control plugin would send, without its work on every field.
 */
const responsePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        response.http.headers.set('cache-control', 'no-store');
        if (response.body.kind !== 'single' || !contextValue?.roundTrips) return;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          roundTrips: contextValue.roundTrips.roundTrips,
        };
      },
    };
  },
};

export function createApollo(
  schema: GraphQLSchema,
  config: Config,
  httpServer: http.Server,
  logger: Logger,
): ApolloServer<Context> {
  const production = config.NODE_ENV === 'production';
  return new ApolloServer<Context>({
    schema,
    introspection: config.GRAPHQL_INTROSPECTION,
    includeStacktraceInErrorResponses: !production,
    // Field suggestions ("did you mean …") leak the schema when introspection is off.
    hideSchemaDetailsFromClientErrors: !config.GRAPHQL_INTROSPECTION,
    csrfPrevention: true,
    // main.ts owns SIGINT/SIGTERM (drain HTTP, close the driver, stop the local Neo4j); Apollo's
    // own handlers would race it and leave the process hanging half-stopped.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    // graphql-js counts tokens as it parses and stops at the limit: a document of 40,000 tiny
    // operations is refused in about a millisecond instead of being parsed, validated and costed.
    parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's landing pages load from a CDN; the playground is served by us (works offline).
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      // The default cache-control plugin wraps every field's resolver to compute a cache policy
      // from @cacheControl hints; the schema has none, so every answer was uncacheable and it
      // only cost CPU per field. responsePlugin sends its one header.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(schema, {
        maxDepth: config.MAX_QUERY_DEPTH,
        maxCost: config.MAX_QUERY_COST,
        maxAliases: config.MAX_QUERY_ALIASES,
        defaultPageSize: config.DEFAULT_PAGE_SIZE,
        maxPageSize: config.MAX_PAGE_SIZE,
        allPairsCost: config.ALL_PAIRS_COST,
      }),
      responsePlugin,
      errorStatusPlugin,
    ],
    formatError: (formatted, error) =>
      publicError(formatted, error, { logger, production, maxTokens: config.MAX_QUERY_TOKENS }),
  });
}
