/**
 * The GraphQL endpoint: Apollo Server over our schema, with the request pipeline's plugins —
 * query limits, round-trip reporting, graceful drain — and error masking: errors with a public
 * code keep their message; anything else is logged with its cause and shown as an internal error.
 */
import type http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Context } from '../context';
import { ErrorCode, PUBLIC_CODES } from '../errors';
import type { Logger } from '../logger';
import { limitsPlugin } from './limits';

/** Adds `extensions.roundTrips` (Cypher round trips this request cost) to every response. */
const roundTripsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
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
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's landing pages load from a CDN; the playground is served by us (works offline).
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      limitsPlugin(schema, {
        maxDepth: config.MAX_QUERY_DEPTH,
        maxCost: config.MAX_QUERY_COST,
        maxAliases: 30,
        defaultPageSize: config.DEFAULT_PAGE_SIZE,
        maxPageSize: config.MAX_PAGE_SIZE,
        allPairsCost: config.ALL_PAIRS_COST,
      }),
      roundTripsPlugin,
    ],
    formatError: (formatted, error) => maskError(formatted, error, logger, production),
  });
}

function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
  production: boolean,
): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && PUBLIC_CODES.has(code)) return formatted;
  logger.error({ err: (error as { originalError?: unknown })?.originalError ?? error }, formatted.message);
  if (!production) return formatted;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
