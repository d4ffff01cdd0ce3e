/**
 * The Executor owns every conversation with Neo4j: sessions on the configured database, read
 * or write access mode, transaction timeouts and metadata, conversion of driver values to plain
 * JavaScript, and the mapping of Neo4j errors onto our error codes. Repositories hand it named,
 * parameterised statements (see `cypher`) and get plain objects back. While the graph is known
 * to be down (the supervised local Neo4j died and is restarting), it refuses at once with
 * UNAVAILABLE instead of letting requests wait on the driver's connection and retry timeouts.
 */
import neo4j, {
  type Driver,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isRetryableError,
  isTime,
  type ManagedTransaction,
  Neo4jError,
  type Record as Neo4jRecord,
  type QueryResult,
  type Result,
} from 'neo4j-driver';
import { appError, ErrorCode, errorCode } from '../errors';
import type { Logger } from '../logger';
import { TRANSACTION_RETRY_MS } from './driver';
import { type PausableStream, subscribePaused } from './record-stream';

/** A named Cypher statement. Names show up in Neo4j's transaction metadata and our logs. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

export function cypher(name: string, text: string): Statement {
  return { name, text };
}

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/**
 * Counts Cypher round trips per GraphQL request (or any other unit of work): every statement run
 * through an executor made by `executor.counting(scope)` adds one. The counting executor is
 * handed to that request's repositories and loaders, so no async context (AsyncLocalStorage and
 * its promise hooks, 2.7% of a request's CPU) is needed to find the request a statement is for.
 */
export interface RoundTripScope {
  roundTrips: number;
  statements: string[];
}

export function newRoundTripScope(): RoundTripScope {
  return { roundTrips: 0, statements: [] };
}

/** A transaction handed to `readTransaction`/`writeTransaction` work functions. */
export interface Tx {
  run<R = Row>(statement: Statement, params?: Params): Promise<R[]>;
}

/** Whether the database can be reached now, as its supervisor knows (see local-neo4j.ts). */
export interface GraphAvailability {
  readonly state: 'up' | 'down' | 'starting';
  onStateChange(listener: (state: 'up' | 'down' | 'starting') => void): void;
}

export interface ExecutorOptions {
  database: string;
  timeoutMs: number;
  availability?: GraphAvailability;
  /** Where UNAVAILABLE and TIMEOUT are reported: public codes, but the operator must see them. */
  logger?: Logger;
}

export interface ServerInfo {
  version: string;
  edition: string;
  address: string;
}

/** What every executor over one driver shares: the outage bookkeeping. */
interface OutageState {
  /** Requests refused because the graph was down, since the last outage began. */
  refused: number;
  /** Aborts of the read transactions in flight, called when an outage begins. */
  readonly inFlight: Set<() => void>;
}

export class Executor {
  private readonly outage: OutageState;
  /** Where this executor counts the statements it runs (none for the process-wide one). */
  private readonly scope: RoundTripScope | undefined;

  /** `counted` is for `counting()`: the executor it derives from shares its outage state. */
  constructor(
    private readonly driver: Driver,
    private readonly options: ExecutorOptions,
    counted?: { outage: OutageState; scope: RoundTripScope },
  ) {
    if (counted) {
      this.outage = counted.outage;
      this.scope = counted.scope;
      return;
    }
    const outage: OutageState = { refused: 0, inFlight: new Set() };
    this.outage = outage;
    let previous = options.availability?.state;
    options.availability?.onStateChange((state) => {
      const was = previous;
      previous = state;
      if (state === 'up') {
        options.logger?.info(`graph: back; ${outage.refused} requests were refused with UNAVAILABLE meanwhile`);
        return;
      }
      if (was === 'up') outage.refused = 0;
      for (const abort of outage.inFlight) abort();
    });
  }

  /**
   * This executor, counting every statement it runs into `scope`. Cheap (one small object), made
   * once per GraphQL request for that request's repositories and loaders.
   */
  counting(scope: RoundTripScope): Executor {
    return new Executor(this.driver, this.options, { outage: this.outage, scope });
  }

  get database(): string {
    return this.options.database;
  }

  /**
   * One statement in a read-only auto-commit transaction, retried on transient errors as the
   * driver retries a transaction function. One statement needs no explicit transaction, whose
   * BEGIN and COMMIT cost a second exchange with Neo4j: whoMetWhom's statement on the raw driver,
   * 3k meetings, p50 28.6 ms in executeRead against 25.8 ms auto-commit.
   */
  read<R = Row>(statement: Statement, params: Params = {}): Promise<R[]> {
    return this.untilOutage(retried(() => this.runAutoCommit<R>(statement, params, undefined, 'READ'))).catch(
      (error) => {
        throw this.failure(error, statement.name);
      },
    );
  }

  /** One statement in a write transaction. */
  write<R = Row>(statement: Statement, params: Params = {}): Promise<R[]> {
    return this.writeTransaction((tx) => tx.run<R>(statement, params), statement.name);
  }

  readTransaction<T>(work: (tx: Tx) => Promise<T>, name = 'read'): Promise<T> {
    return this.transaction('READ', work, name);
  }

  writeTransaction<T>(work: (tx: Tx) => Promise<T>, name = 'write', timeoutMs?: number): Promise<T> {
    return this.transaction('WRITE', work, name, timeoutMs);
  }

  /**
   * One statement in an auto-commit (implicit) transaction: the only kind in which
   * `CALL { … } IN TRANSACTIONS` may run (batched deletes and bulk loads). Not retried.
   */
  async autoCommit<R = Row>(
    statement: Statement,
    params: Params = {},
    timeoutMs?: number,
    mode: 'READ' | 'WRITE' = 'WRITE',
  ): Promise<R[]> {
    try {
      return await this.runAutoCommit<R>(statement, params, timeoutMs, mode);
    } catch (error) {
      throw this.failure(error, statement.name);
    }
  }

  /** `autoCommit` with the driver's errors as they are (`read` retries some before mapping). */
  private async runAutoCommit<R>(
    statement: Statement,
    params: Params,
    timeoutMs: number | undefined,
    mode: 'READ' | 'WRITE',
  ): Promise<R[]> {
    this.ensureAvailable();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    this.countRoundTrip(statement);
    try {
      const result = await session.run(
        statement.text,
        toDriverParams(params) as Params,
        this.txConfig(statement.name, timeoutMs),
      );
      return result.records.map((r) => recordToRow(r) as R);
    } finally {
      await session.close();
    }
  }

  /**
   * Streams the rows of one read statement without holding them all. `onRow` runs as each record
   * arrives; when it returns a promise (a full HTTP response, say) the stream pauses — Neo4j is
   * asked for no more records — until it settles, so a slow consumer applies back-pressure and
   * at most one fetch batch waits here. See `RecordPump` for why this is not `for await`.
   */
  async stream(
    statement: Statement,
    params: Params,
    onRow: (row: Row) => Promise<void> | void,
    timeoutMs?: number,
  ): Promise<number> {
    this.ensureAvailable();
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    this.countRoundTrip(statement);
    try {
      const result = session.run(
        statement.text,
        toDriverParams(params) as Params,
        this.txConfig(statement.name, timeoutMs),
      );
      return await new RecordPump(result, onRow).done;
    } catch (error) {
      throw this.failure(error, statement.name);
    } finally {
      await session.close();
    }
  }

  /** Asks Neo4j who it is, once, without retries: /healthz must answer fast when Neo4j is down. */
  async serverInfo(): Promise<ServerInfo> {
    const [row] = await this.autoCommit<{ version: string; edition: string }>(SERVER_INFO, {}, undefined, 'READ');
    const info = await this.driver.getServerInfo({ database: this.options.database });
    return { version: row?.version ?? 'unknown', edition: row?.edition ?? 'unknown', address: info.address ?? '' };
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: Tx) => Promise<T>,
    name: string,
    timeoutMs?: number,
  ): Promise<T> {
    this.ensureAvailable();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = this.txConfig(name, timeoutMs);
    const body = (mtx: ManagedTransaction) => work(this.wrap(mtx));
    const run = (async () => {
      try {
        return mode === 'READ' ? await session.executeRead(body, config) : await session.executeWrite(body, config);
      } finally {
        await session.close();
      }
    })();
    try {
      // A read caught by an outage answers at once rather than after the driver's retries; a
      // write is left to finish or fail, so that no client is told "failed" of a write that lands.
      return await (mode === 'READ' ? this.untilOutage(run) : run);
    } catch (error) {
      throw this.failure(error, name);
    }
  }

  /** Throws UNAVAILABLE when the graph is known to be down or still starting. */
  private ensureAvailable(): void {
    const state = this.options.availability?.state;
    if (state === undefined || state === 'up') return;
    this.outage.refused += 1;
    throw appError(
      ErrorCode.UNAVAILABLE,
      state === 'starting'
        ? 'The graph database is restarting; try again shortly.'
        : 'The graph database is down and being restarted; try again shortly.',
      { state },
    );
  }

  /** `work`, or UNAVAILABLE as soon as an outage begins while it runs. */
  private untilOutage<T>(work: Promise<T>): Promise<T> {
    if (!this.options.availability) return work;
    return new Promise<T>((resolve, reject) => {
      const abort = () => {
        this.outage.refused += 1;
        reject(appError(ErrorCode.UNAVAILABLE, 'The graph database went down during the query; try again shortly.'));
      };
      this.outage.inFlight.add(abort);
      work.then(resolve, reject).finally(() => this.outage.inFlight.delete(abort));
    });
  }

  /** Maps a driver error, reporting the codes that say something is wrong with the database. */
  private failure(error: unknown, statement: string): unknown {
    const mapped = mapNeo4jError(error);
    const code = errorCode(mapped);
    // Our own refusals during an outage are counted, not logged one by one: the outage is.
    if (error instanceof Neo4jError && (code === ErrorCode.UNAVAILABLE || code === ErrorCode.TIMEOUT)) {
      this.options.logger?.warn({ err: error, statement, code }, `graph: ${code} in ${statement}`);
    }
    return mapped;
  }

  private wrap(mtx: ManagedTransaction): Tx {
    return {
      run: async <R>(statement: Statement, params: Params = {}): Promise<R[]> => {
        this.countRoundTrip(statement);
        const result: QueryResult = await mtx.run(statement.text, toDriverParams(params) as Params);
        return result.records.map((r) => recordToRow(r) as R);
      },
    };
  }

  private countRoundTrip(statement: Statement): void {
    const scope = this.scope;
    if (scope) {
      scope.roundTrips += 1;
      scope.statements.push(statement.name);
    }
  }

  private txConfig(name: string, timeoutMs = this.options.timeoutMs) {
    return { timeout: timeoutMs, metadata: { app: 'diplograph', statement: name } };
  }
}

/**
 * Feeds a result's records to `onRow` one at a time, pausing the result while a returned promise
 * is pending. The driver's public streaming interfaces (`for await`, the Rx result) go through
 * its async iterator, which costs several promises per record — in an export of 100k elements,
 * more CPU than decoding the records — and its public `subscribe` cannot pause. So this uses the
 * pausable observer the iterator itself is built on, through the one adapter that touches it
 * (record-stream.ts, whose test fails when the driver changes it).
 */
class RecordPump {
  readonly done: Promise<number>;
  private readonly queue: Neo4jRecord[] = [];
  private next = 0;
  private rows = 0;
  private waiting = false;
  /** The driver has sent its last record, or failed. */
  private ended = false;
  /** Why the stream stopped early (the consumer's error or the driver's), once it has. */
  private failure: { error: unknown } | undefined;
  private stream: PausableStream | undefined;
  private resolve!: (rows: number) => void;
  private reject!: (error: unknown) => void;

  constructor(
    result: Result,
    private readonly onRow: (row: Row) => Promise<void> | void,
  ) {
    this.done = new Promise<number>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    subscribePaused(result, {
      onNext: (record) => {
        this.queue.push(record);
        if (!this.waiting) this.pump();
      },
      onCompleted: () => this.end(),
      onError: (error) => {
        this.failure ??= { error };
        this.end();
      },
    }).then(
      (stream) => {
        this.stream = stream;
        if (this.failure) this.discardRest();
        else if (!this.waiting) stream.resume();
      },
      (error) => {
        this.failure ??= { error };
        this.end();
      },
    );
  }

  private pump(): void {
    while (this.next < this.queue.length && !this.failure) {
      const record = this.queue[this.next]!;
      this.next += 1;
      let pending: Promise<void> | void;
      try {
        pending = this.onRow(recordToRow(record));
      } catch (error) {
        this.stop(error);
        return;
      }
      this.rows += 1;
      if (pending) {
        this.waiting = true;
        this.stream?.pause();
        pending.then(() => {
          this.waiting = false;
          if (this.failure) return;
          this.stream?.resume();
          this.pump();
        }, this.stop);
        return;
      }
    }
    // Every queued record is handled: the next batch starts a fresh queue.
    this.queue.length = 0;
    this.next = 0;
    if (this.ended) this.settle();
  }

  private end(): void {
    this.ended = true;
    if (this.failure || !this.waiting) this.settle();
  }

  /** The consumer failed: drop the rest of the result, and reject once the driver is done with it. */
  private readonly stop = (error: unknown): void => {
    if (this.failure) return;
    this.failure = { error };
    if (this.ended) this.settle();
    else this.discardRest();
  };

  /**
   * Cancels the stream and lets it run to its end: the session may only be closed after that,
   * or the connection goes back to the pool mid-stream and the next query on it never answers.
   */
  private discardRest(): void {
    this.stream?.cancel();
    this.stream?.resume();
  }

  private settle(): void {
    if (this.failure) this.reject(this.failure.error);
    else this.resolve(this.rows);
  }
}

const SERVER_INFO = cypher(
  'server-info',
  `CALL dbms.components() YIELD name, versions, edition
   WHERE name = 'Neo4j Kernel'
   RETURN versions[0] AS version, edition`,
);

/**
 * `work` until it succeeds, fails with an error the driver would not retry, or the retry time
 * (TRANSACTION_RETRY_MS, the driver's own) is spent; waits double from 100 ms, with jitter.
 */
export async function retried<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + TRANSACTION_RETRY_MS;
  for (let wait = 100; ; wait *= 2) {
    try {
      return await work();
    } catch (error) {
      const pause = wait * (0.8 + Math.random() * 0.4);
      if (!isRetryableError(error) || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * The driver sends every JavaScript number as a float, which LIMIT, SKIP and list slices refuse;
 * whole numbers go as Neo4j integers instead.
 */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Params = {};
    for (const [k, v] of Object.entries(value)) out[k] = toDriverParams(v);
    return out;
  }
  return value;
}

function recordToRow(record: Neo4jRecord): Row {
  const row: Row = {};
  for (const key of record.keys) row[key as string] = toPlain(record.get(key));
  return row;
}

/**
 * Driver values → plain JavaScript. Integers become numbers (our counts and offsets are far
 * below 2^53), temporal values their ISO strings, graph values plain objects.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return plainList(value);
  // Maps come from the driver as plain objects: the common case, checked before the driver's types.
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Row);
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return String(value);
  }
  if (isPoint(value)) return { x: value.x, y: value.y, srid: toPlain(value.srid) };
  if (isNode(value)) return { labels: value.labels, properties: toPlain(value.properties) };
  if (isRelationship(value)) return { type: value.type, properties: toPlain(value.properties) };
  if (isPath(value)) return { segments: value.segments.map((s) => toPlain(s.relationship)) };
  return { ...plainMap(value as Row) };
}

/**
 * Lists and maps come back as they are unless something inside them needs converting: the
 * driver builds them fresh for each record, and an export reads hundreds of thousands.
 */
function plainList(list: unknown[]): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const plain = item !== null && typeof item === 'object' ? toPlain(item) : item;
    if (plain !== item && !out) out = list.slice(0, i);
    out?.push(plain);
  }
  return out ?? list;
}

function plainMap(map: Row): Row {
  let out: Row | undefined;
  const keys = Object.keys(map);
  for (let i = 0; i < keys.length; i++) {
    const item = map[keys[i]!];
    const plain = item !== null && typeof item === 'object' ? toPlain(item) : (item ?? null);
    if (plain !== item && !out) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = map[keys[j]!];
    }
    if (out) out[keys[i]!] = plain;
  }
  return out ?? map;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** The one place Neo4j's errors become ours. Unknown ones are internal (and masked later). */
export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  // Every pooled connection stayed busy for NEO4J_ACQUIRE_TIMEOUT_MS: the driver gives this no code.
  if (UNAVAILABLE_CODES.has(error.code) || error.message.startsWith('Connection acquisition timed out')) {
    return appError(ErrorCode.UNAVAILABLE, 'The graph database is not reachable; try again shortly.', {}, error);
  }
  if (TIMEOUT_CODES.has(error.code)) {
    return appError(ErrorCode.TIMEOUT, 'The query took longer than the configured timeout.', {}, error);
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return appError(ErrorCode.CONFLICT, 'The write conflicts with existing data (a duplicate id).', {}, error);
  }
  if (error.code === 'Neo.ClientError.Security.Unauthorized') {
    return appError(ErrorCode.UNAVAILABLE, 'The server could not authenticate to the graph database.', {}, error);
  }
  return appError(ErrorCode.INTERNAL_SERVER_ERROR, 'The graph database failed to answer.', {}, error);
}
