/**
 * The adapter over neo4j-driver's private streaming API (src/graph/record-stream.ts), checked
 * against the pinned driver and the real Neo4j: these fail when a driver upgrade renames the
 * method, changes its parameters, or stops honouring pause, resume or cancel.
 */
import neo4j, { type Driver, type Record as Neo4jRecord, type Session } from 'neo4j-driver';
import { type PausableStream, subscribePaused } from '../../src/graph/record-stream';
import { testConfig } from '../support/graph';

/** Records per PULL: small, so that a batch is easy to tell from the whole result. */
const FETCH = 50;
const ROWS = 1000;

let driver: Driver;
let session: Session;
beforeAll(() => {
  const config = testConfig();
  const auth = config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined;
  driver = neo4j.driver(config.NEO4J_URI!, auth, { logging: { level: 'error', logger: () => undefined } });
});
beforeEach(() => {
  session = driver.session({ database: testConfig().NEO4J_DATABASE, fetchSize: FETCH });
});
afterEach(() => session.close());
afterAll(() => driver.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A paused subscription to `UNWIND range(1, ROWS)`, with what it has seen so far. */
async function subscribe() {
  const seen: number[] = [];
  let stream: PausableStream | undefined;
  let pauseAt: number | undefined;
  const done = new Promise<'completed'>((resolve, reject) => {
    const subscribed = subscribePaused(session.run('UNWIND range(1, $n) AS i RETURN i', { n: neo4j.int(ROWS) }), {
      onNext: (record: Neo4jRecord) => {
        seen.push((record.get('i') as { toNumber(): number }).toNumber());
        if (seen.length === pauseAt) stream?.pause();
      },
      onCompleted: () => resolve('completed'),
      onError: reject,
    });
    subscribed.then((s) => {
      stream = s;
    }, reject);
  });
  await sleep(0);
  while (!stream) await sleep(5);
  return {
    seen,
    stream,
    done,
    pauseAfter(n: number) {
      pauseAt = n;
    },
  };
}

describe('the driver streaming adapter (private Result._subscribe)', () => {
  it('finds the private method with the parameters it passes (observer, paused, skipOnCompleted)', () => {
    const result = session.run('RETURN 1');
    const subscribePrivate = (result as unknown as Record<string, unknown>)._subscribe;
    expect(typeof subscribePrivate).toBe('function');
    expect((subscribePrivate as (...args: unknown[]) => unknown).length).toBe(3);
    return result.then(() => undefined);
  });

  it('resolves to a stream with pause, resume and cancel', async () => {
    const { stream, done } = await subscribe();
    for (const control of ['pause', 'resume', 'cancel'] as const) expect(typeof stream[control]).toBe('function');
    stream.resume();
    await done;
  });

  it('gets only the first batch before it is resumed, and no further batch while paused', async () => {
    const sub = await subscribe();
    await sleep(300);
    // The driver sends the first PULL with the query itself; paused, it sends no other.
    expect(sub.seen).toEqual(Array.from({ length: FETCH }, (_, i) => i + 1));
    sub.pauseAfter(FETCH + 10);
    sub.stream.resume();
    await sleep(500);
    // The batch in flight arrives; no more than one further batch may have been asked for already.
    expect(sub.seen.length).toBeGreaterThanOrEqual(FETCH + 10);
    expect(sub.seen.length).toBeLessThanOrEqual(3 * FETCH);
    const held = sub.seen.length;
    await sleep(300);
    expect(sub.seen.length).toBe(held);
    sub.stream.resume();
    await expect(sub.done).resolves.toBe('completed');
    expect(sub.seen).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
  });

  it('discards the rest once cancelled, and completes after a resume', async () => {
    const sub = await subscribe();
    await sleep(300);
    sub.stream.cancel();
    sub.stream.resume();
    await expect(sub.done).resolves.toBe('completed');
    expect(sub.seen.length).toBeLessThan(ROWS);
    // The session is usable after it: the connection was not left mid-stream.
    const after = await session.run('RETURN 42 AS answer');
    expect(after.records[0]!.get('answer').toNumber()).toBe(42);
  });
});
