/**
 * Test access to the real Neo4j that global-setup started: a config pointing at it, an Executor,
 * and a reset. Test files share one database and run one at a time (jest --runInBand).
 */
import { type Config, loadConfig } from '../../src/config';
import { createDriver } from '../../src/graph/driver';
import { cypher, Executor } from '../../src/graph/executor';
import { applyMigrations } from '../../src/graph/migrations';
import { loadPlan } from '../../src/ingest/load';
import { stableJson } from '../../src/model/claims';
import { type GraphCounts, SystemRepository } from '../../src/modules/system/system.repository';
import { type Fixture, generateFixture } from './fixture';

export function testConfig(overrides: Record<string, string> = {}): Config {
  if (!process.env.NEO4J_URI) throw new Error('NEO4J_URI is not set: run tests through jest (global-setup)');
  return loadConfig({
    NEO4J_URI: process.env.NEO4J_URI,
    NEO4J_USER: process.env.NEO4J_USER,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
    NEO4J_DATABASE: process.env.NEO4J_DATABASE,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    SEED_ON_START: 'false',
    ...overrides,
  });
}

export function testExecutor(config: Config = testConfig()): Executor {
  const driver = createDriver({
    uri: config.NEO4J_URI!,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    connectTimeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS,
  });
  return new Executor(driver, { database: config.NEO4J_DATABASE, timeoutMs: config.QUERY_TIMEOUT_MS });
}

const DELETE_ALL = cypher('test-delete-all', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');

/** Empties the graph (schema stays). CALL … IN TRANSACTIONS needs an implicit transaction. */
export async function resetGraph(executor: Executor): Promise<void> {
  await executor.autoCommit(DELETE_ALL);
}

const SNAPSHOT = cypher(
  'test-graph-snapshot',
  `CALL () { MATCH (n:Entity) WITH n ORDER BY n.id RETURN collect([labels(n), properties(n)]) AS nodes }
   CALL () { MATCH ()-[r]->() WITH r ORDER BY r.id RETURN collect([type(r), properties(r)]) AS rels }
   CALL () { MATCH (c:Claim) WITH c ORDER BY c.key RETURN collect(properties(c)) AS claims }
   RETURN nodes, rels, claims`,
);

/**
 * Every node, relationship and claim with every label and property, in a fixed order: equal
 * snapshots mean equal graphs. Neo4j keeps a node's properties in the order they were first
 * written, so values are compared, not that order.
 */
export async function graphSnapshot(executor: Executor): Promise<string> {
  const [row] = await executor.read(SNAPSHOT);
  return stableJson(row);
}

/** An emptied graph holding the generated fixture (test/support/fixture.ts) of `meetings` meetings. */
export async function loadFixtureGraph(executor: Executor, meetings: number): Promise<Fixture> {
  await applyMigrations(executor);
  await resetGraph(executor);
  const fixture = generateFixture(meetings);
  await loadPlan(executor, fixture.plan);
  return fixture;
}

export function countAll(executor: Executor): Promise<GraphCounts> {
  return new SystemRepository(executor).counts();
}
