/**
 * The HTTP server: express with POST /graphql (Apollo), GET /healthz, and the error responses
 * for requests that never reach GraphQL (oversized or malformed bodies). Stateless: any number
 * of replicas can serve the same Neo4j.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Context } from '../context';
import { type Executor, newRoundTripScope } from '../graph/executor';
import { Loaders } from '../graph/loaders';
import type { Logger } from '../logger';
import { createRepositories, type Repositories } from '../repositories';
import { bodyError, sendError } from './errors';
import { exportRouter } from './export';
import { graphViewRouter } from './graph-view';
import { createApollo } from './graphql';
import { healthHandler } from './health';
import { playgroundRouter } from './playground';

export interface HttpDeps {
  config: Config;
  schema: GraphQLSchema;
  repositories: Repositories;
  executor: Executor;
  logger: Logger;
}

export interface HttpServer {
  server: http.Server;
  /** Listens; resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, drains in-flight requests, stops Apollo. */
  stop(): Promise<void>;
}

export async function createHttpServer(deps: HttpDeps): Promise<HttpServer> {
  const { config, schema, repositories, executor, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const apollo = createApollo(schema, config, server, logger);
  await apollo.start();

  app.get('/healthz', healthHandler(repositories, config.NEO4J_DATABASE, Date.now()));
  app.use(exportRouter(repositories, config, logger));
  app.use(graphViewRouter({ maxDepth: config.MAX_SUBGRAPH_DEPTH }));
  app.use(playgroundRouter({ introspection: config.GRAPHQL_INTROSPECTION }));

  app.use(
    '/graphql',
    express.json({ limit: config.MAX_REQUEST_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        // Every statement this request's repositories and loaders run is counted in its scope
        // (extensions.roundTrips): they are built here over an executor that counts.
        const roundTrips = newRoundTripScope();
        const graph = executor.counting(roundTrips);
        return {
          config,
          repositories: createRepositories(graph, config),
          loaders: new Loaders(graph),
          roundTrips,
          authorized: apiKeyMatches(config.API_KEY, req.get('x-api-key')),
        };
      },
    }),
  );

  app.use(jsonErrors(config, logger));

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'EADDRINUSE') {
            reject(new Error(`port ${port} is in use: stop what runs there or set PORT to a free port`));
          } else reject(error);
        });
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: () => apollo.stop(),
  };
}

/** Compares in constant time (of the digests), so the key cannot be guessed byte by byte. */
function apiKeyMatches(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(expected), digest(given));
}

/** Errors from body parsing and routes become JSON with one of our codes (errors.ts). */
function jsonErrors(config: Config, logger: Logger) {
  const production = config.NODE_ENV === 'production';
  return (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    // An error that is not a body-parser one is logged (and masked in production) by sendError.
    sendError(res, bodyError(error, config) ?? error, { logger, production });
  };
}
