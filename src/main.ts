/**
 * The composition root of `npm start`: read the configuration, start the server, and stop it
 * gracefully on SIGINT/SIGTERM. Failures at start print one line saying what to fix.
 */
import 'reflect-metadata';
import { type Config, ConfigError, loadConfig } from './config';
import { LocalNeo4jError } from './graph/local-neo4j';
import { createLogger } from './logger';
import { type RunningServer, startServer } from './server';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`diplograph: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let server: RunningServer;
  try {
    server = await startServer(config, logger);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint =
      error instanceof LocalNeo4jError || config.NEO4J_URI === undefined
        ? ''
        : ` (check NEO4J_URI=${config.NEO4J_URI}, NEO4J_USER and NEO4J_PASSWORD)`;
    process.stderr.write(`diplograph: could not start: ${message}${hint}\n`);
    process.exit(1);
  }
  logger.info(`diplograph ready: GraphQL at ${server.url}/graphql, health at ${server.url}/healthz`);
  process.stderr.write(`\n  diplograph is running: open ${server.url}/graphql\n\n`);

  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info(`${signal}: shutting down`);
    server
      .stop()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
