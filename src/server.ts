/**
 * Assembles a running diplograph: graph connection → migrations → repositories → schema → HTTP.
 * main.ts runs it as a process; tests run it in-process on a free port.
 */
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
  const graph = await connectGraph(config, (line) => logger.info(line));
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
