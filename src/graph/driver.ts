/**
 * The one Neo4j driver of a process. `bolt://` talks to one server; `neo4j://` (and `+s`) routes
 * across a cluster or Aura, so the stateless API can run as several replicas over it.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverSettings {
  uri: string;
  user: string;
  password: string;
  connectTimeoutMs: number;
  /** How long a query may wait for a pooled connection (or a new one) before UNAVAILABLE. */
  acquireTimeoutMs?: number;
}

/** The driver's own default wait for a connection, kept for callers (benches) that set none. */
const DEFAULT_ACQUIRE_TIMEOUT_MS = 30_000;

/**
 * How long a transaction (or Executor.read's one statement) is retried on transient failures (a
 * leader switch, a restarting server): short, so a request fails with UNAVAILABLE in seconds.
 */
export const TRANSACTION_RETRY_MS = 5_000;

export function createDriver(settings: DriverSettings): Driver {
  // The project's own Neo4j runs without auth on loopback; any other server gets basic auth.
  const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
  const acquire = settings.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS;
  return neo4j.driver(settings.uri, auth, {
    userAgent: 'diplograph',
    maxConnectionPoolSize: 50,
    // Short (NEO4J_ACQUIRE_TIMEOUT_MS), so that a busy or unreachable Neo4j answers UNAVAILABLE in
    // seconds; a TCP connect gets no longer than that (the driver wants connect <= acquire).
    connectionAcquisitionTimeout: acquire,
    connectionTimeout: Math.min(settings.connectTimeoutMs, acquire),
    maxTransactionRetryTime: TRANSACTION_RETRY_MS,
    logging: { level: 'error', logger: () => undefined },
    // Integers as JavaScript numbers: ours (counts, offsets, durations) are far below 2^53, and
    // decoding them as Integer objects, only to convert them afterwards, slows large reads.
    disableLosslessIntegers: true,
  });
}

/** Polls until Neo4j answers, or throws after `timeoutMs` with the driver's last reason. */
export async function waitForNeo4j(driver: Driver, database: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await driver.verifyConnectivity({ database });
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const reason = last instanceof Error ? last.message : String(last);
  throw new Error(`Neo4j did not answer within ${Math.round(timeoutMs / 1000)} s: ${reason}`);
}
