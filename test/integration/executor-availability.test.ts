/**
 * The Executor's side of an outage, against the real Neo4j: while the availability it is given
 * says the graph is down or starting, statements are refused at once with UNAVAILABLE; a read
 * in flight when an outage begins answers at once; Neo4j's own TIMEOUT is logged as a warning.
 * The availability here is a plain state holder standing in for the local Neo4j's supervisor
 * (whose real transitions test/e2e/neo4j-supervision.test.ts drives with a kill -9).
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { ErrorCode, errorCode } from '../../src/errors';
import { createDriver } from '../../src/graph/driver';
import { cypher, Executor, type GraphAvailability } from '../../src/graph/executor';
import { testConfig } from '../support/graph';

type State = GraphAvailability['state'];

class Switch implements GraphAvailability {
  state: State = 'up';
  private readonly listeners: ((state: State) => void)[] = [];
  onStateChange(listener: (state: State) => void): void {
    this.listeners.push(listener);
  }
  set(state: State): void {
    this.state = state;
    for (const l of this.listeners) l(state);
  }
}

const logged: { level: number; msg: string; code?: string; statement?: string }[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
    done();
  },
});
const config = testConfig({ QUERY_TIMEOUT_MS: '300' });
const availability = new Switch();
const executor = new Executor(
  createDriver({
    uri: config.NEO4J_URI!,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    connectTimeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS,
    acquireTimeoutMs: config.NEO4J_ACQUIRE_TIMEOUT_MS,
  }),
  { database: config.NEO4J_DATABASE, timeoutMs: config.QUERY_TIMEOUT_MS, availability, logger: pino({}, sink) },
);
afterAll(() => executor.close());
afterEach(() => availability.set('up'));

const ONE = cypher('test-one', 'RETURN 1 AS one');
// Runs for seconds, far past the 300 ms timeout, unless cut short.
const SLOW = cypher('test-slow', 'UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i) AS c');

async function timedFailure(work: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const began = Date.now();
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { ms: Date.now() - began, error };
}

it('refuses every kind of statement at once while the graph is down or starting, with its state', async () => {
  for (const state of ['down', 'starting'] as const) {
    availability.set(state);
    for (const work of [
      () => executor.read(ONE),
      () => executor.write(ONE),
      () => executor.autoCommit(ONE, {}, undefined, 'READ'),
      () => executor.stream(ONE, {}, () => undefined),
      () => executor.serverInfo(),
    ]) {
      const { ms, error } = await timedFailure(work());
      expect(errorCode(error)).toBe(ErrorCode.UNAVAILABLE);
      expect((error as { extensions: Record<string, unknown> }).extensions.state).toBe(state);
      expect(ms).toBeLessThan(50);
    }
  }
  availability.set('up');
  expect(await executor.read(ONE)).toEqual([{ one: 1 }]);
});

it('answers a read in flight at once when an outage begins', async () => {
  const slow = new Executor(
    createDriver({
      uri: config.NEO4J_URI!,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      connectTimeoutMs: 5000,
    }),
    { database: config.NEO4J_DATABASE, timeoutMs: 10_000, availability },
  );
  try {
    const pending = timedFailure(slow.read(SLOW));
    await new Promise((r) => setTimeout(r, 300));
    availability.set('down');
    const { ms, error } = await pending;
    expect(errorCode(error)).toBe(ErrorCode.UNAVAILABLE);
    expect(ms).toBeLessThan(1500);
  } finally {
    availability.set('up');
    await slow.close();
  }
});

it('logs a TIMEOUT from Neo4j as a warning naming the statement, though its code is public', async () => {
  const { error } = await timedFailure(executor.read(SLOW));
  expect(errorCode(error)).toBe(ErrorCode.TIMEOUT);
  const warning = logged.find((l) => l.code === ErrorCode.TIMEOUT);
  expect(warning).toMatchObject({ level: 40, statement: 'test-slow' });
});
