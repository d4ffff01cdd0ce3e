/**
 * Assembles a running diplograph: graph connection → migrations → repositories → schema → HTTP.
 * main.ts runs it as a process; tests run it in-process on a free port.
 */
import type http from 'node:http';
import type { Config } from './config';
import { connectGraph, type GraphConnection } from './graph/connect';
import { applyMigrations } from './graph/migrations';
import { createHttpServer } from './http/app';
import { seedIfEmpty } from './ingest/import';
import { graphPredatesClaims } from './ingest/load';
import { totals } from './ingest/report';
import type { Logger } from './logger';
import { createRepositories, type Repositories } from './repositories';
import { getSchema } from './schema';

export interface RunningServer {
  url: string;
  port: number;
  graph: GraphConnection;
  repositories: Repositories;
  stop(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const graph = await connectGraph(config, (line) => logger.info(line), { supervise: true, logger });
  try {
    await applyMigrations(graph.executor);
    if (await graphPredatesClaims(graph.executor)) {
      logger.warn(
        'the graph was loaded before claims per source were kept: import its facts documents again (npm run seed, diplograph import FILE) so that every value shows its source and sources can be removed',
      );
    }
    if (config.SEED_ON_START) {
      const seeded = await seedIfEmpty(graph.executor);
      if (seeded) {
        logger.info(
          `seeded the empty graph from ${seeded.sourceId}: ${totals(seeded.nodes).created} nodes, ${totals(seeded.relationships).created} relationships in ${seeded.milliseconds} ms`,
        );
      }
    }
    const repositories = createRepositories(graph.executor, config);
    const schema = await getSchema();
    const http = await createHttpServer({ config, schema, repositories, executor: graph.executor, logger });
    applyTimeouts(http.server, config);
    const port = await http.listen(config.PORT, config.HOST);
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      graph,
      repositories,
      stop() {
        // In-flight requests finish before the driver closes and the local Neo4j stops.
        stopping ??= http.stop().then(() => graph.close());
        return stopping;
      },
    };
  } catch (error) {
    await graph.close();
    throw error;
  }
}

/**
 * Node's defaults let a client take 60 s over its headers and 300 s over a request, and it
 * checks only every 30 s: a few hundred connections trickling a byte a second hold sockets for
 * minutes. Headers, whole request and keep-alive idleness are bounded by config, and checked
 * often enough that a connection is closed within about a second of its limit (with a 408).
 */
function applyTimeouts(server: http.Server, config: Config): void {
  server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // Read by Node when the server starts listening, so it must be set before `listen`.
  (server as http.Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(
    50,
    Math.min(1000, Math.floor(config.HTTP_HEADERS_TIMEOUT_MS / 4)),
  );
}
