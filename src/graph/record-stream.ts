/**
 * The one place diplograph uses a private neo4j-driver API. Streaming with back-pressure needs a
 * result that can be paused and resumed record batch by record batch. In neo4j-driver 6.3 the
 * public ways are `for await` over the result (pausing by high/low watermarks, several promises
 * per record) and the Rx result built on it; the public `Result.subscribe(observer)` cannot
 * pause at all. `Result._subscribe(observer, paused)` — typed in the driver's declarations but
 * documented `@access private` — resolves to the stream observer with `pause`, `resume` and
 * `cancel`, and is what the async iterator itself is built on. neo4j-driver is pinned, and
 * test/integration/record-stream.test.ts fails when a driver upgrade changes any of this.
 */
import type { Record as Neo4jRecord, Result } from 'neo4j-driver';

/** The controls of a running result stream. */
export interface PausableStream {
  /** Asks Neo4j for no more records once the batch in flight has arrived. */
  pause(): void;
  /** Asks for the next batch (and keeps asking while not paused). */
  resume(): void;
  /** Tells Neo4j to discard the rest; the stream must still be resumed to reach its end. */
  cancel(): void;
}

export interface RecordObserver {
  onNext(record: Neo4jRecord): void;
  onCompleted(): void;
  onError(error: unknown): void;
}

/**
 * Subscribes `observer` to `result`, paused: the first batch of records (the driver asks for it
 * with the query) arrives, no further one until the returned stream is resumed. Rejects (after
 * calling `observer.onError`) when the query cannot be sent.
 */
export function subscribePaused(result: Result, observer: RecordObserver): Promise<PausableStream> {
  return result._subscribe(observer, true);
}
