/**
 * Connects to the graph the configuration names: NEO4J_URI when set, otherwise the project's
 * own Neo4j (started, or reused if already listening; supervised for a server, so that it comes
 * back after a crash). Returns the Executor and how to let go.
 */
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createDriver, waitForNeo4j } from './driver';
import { Executor } from './executor';
import { type LocalNeo4j, startLocalNeo4j } from './local-neo4j';

export interface GraphConnection {
  executor: Executor;
  uri: string;
  local?: LocalNeo4j;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Restart the local Neo4j when it dies (a server; a one-off CLI command does not need it). */
  supervise?: boolean;
  /** Where the supervisor's warnings and the executor's UNAVAILABLE and TIMEOUT go. */
  logger?: Logger;
}

export async function connectGraph(
  config: Config,
  log: (line: string) => void,
  options: ConnectOptions = {},
): Promise<GraphConnection> {
  const { logger } = options;
  let local: LocalNeo4j | undefined;
  let uri = config.NEO4J_URI;
  if (!uri) {
    local = await startLocalNeo4j({
      dataDir: config.LOCAL_NEO4J_DATA_DIR,
      port: config.LOCAL_NEO4J_PORT,
      heapMb: config.LOCAL_NEO4J_HEAP_MB,
      pagecacheMb: config.LOCAL_NEO4J_PAGECACHE_MB,
      log,
      warn: logger ? (line) => logger.warn(line) : log,
      supervise: options.supervise,
    });
    uri = local.uri;
  }
  const driver = createDriver({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    connectTimeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS,
    acquireTimeoutMs: config.NEO4J_ACQUIRE_TIMEOUT_MS,
  });
  try {
    await waitForNeo4j(driver, config.NEO4J_DATABASE, config.NEO4J_CONNECT_TIMEOUT_MS);
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw error;
  }
  const executor = new Executor(driver, {
    database: config.NEO4J_DATABASE,
    timeoutMs: config.QUERY_TIMEOUT_MS,
    // Only a Neo4j of our own has a supervisor that knows when it is down.
    availability: local?.ownedByUs && options.supervise ? local : undefined,
    logger,
  });
  return {
    executor,
    uri,
    local,
    async close() {
      await executor.close();
      await local?.stop();
    },
  };
}
