import { ErrorCode, errorCode } from '../../src/errors';
import { cypher, newRoundTripScope } from '../../src/graph/executor';
import { applyMigrations, readSchemaStatements } from '../../src/graph/migrations';
import { testConfig, testExecutor } from '../support/graph';

const executor = testExecutor();
afterAll(() => executor.close());

describe('Executor against the real Neo4j', () => {
  it('runs a parameterised statement and converts driver values to plain JavaScript', async () => {
    const rows = await executor.read(
      cypher('test-echo', 'RETURN $n + 1 AS n, date($d) AS d, [$s, toUpper($s)] AS list, {k: 2} AS map'),
      { n: 41, d: '2025-05-16', s: 'Türkiye' },
    );
    expect(rows).toEqual([{ n: 42, d: '2025-05-16', list: ['Türkiye', 'TÜRKIYE'], map: { k: 2 } }]);
  });

  it('writes in a write transaction and reads the write back', async () => {
    await executor.write(cypher('test-merge', 'MERGE (n:ExecutorTest {id: $id}) SET n.name = $name'), {
      id: 'x',
      name: 'Dolmabahçe',
    });
    const rows = await executor.read<{ name: string }>(
      cypher('test-get', 'MATCH (n:ExecutorTest {id: $id}) RETURN n.name AS name'),
      { id: 'x' },
    );
    expect(rows).toEqual([{ name: 'Dolmabahçe' }]);
    await executor.write(cypher('test-clean', 'MATCH (n:ExecutorTest) DELETE n'));
  });

  it('refuses writes in a read transaction', async () => {
    await expect(executor.read(cypher('test-write-in-read', 'CREATE (:ExecutorTest)'))).rejects.toBeDefined();
    const rows = await executor.read(cypher('test-count', 'MATCH (n:ExecutorTest) RETURN count(n) AS c'));
    expect(rows).toEqual([{ c: 0 }]);
  });

  it('rolls back every statement of a failed transaction', async () => {
    await expect(
      executor.writeTransaction(async (tx) => {
        await tx.run(cypher('test-create', 'CREATE (:ExecutorTest {id: "rollback"})'));
        await tx.run(cypher('test-fail', 'RETURN 1/0 AS boom'));
      }),
    ).rejects.toBeDefined();
    const rows = await executor.read(cypher('test-count', 'MATCH (n:ExecutorTest) RETURN count(n) AS c'));
    expect(rows).toEqual([{ c: 0 }]);
  });

  it('maps a transaction timeout to TIMEOUT', async () => {
    const hurried = testExecutor(testConfig({ QUERY_TIMEOUT_MS: '200' }));
    try {
      const error = await hurried
        .read(cypher('test-slow', 'UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i) AS c'))
        .catch((e: unknown) => e);
      expect(errorCode(error)).toBe(ErrorCode.TIMEOUT);
    } finally {
      await hurried.close();
    }
  });

  it('streams every row in order, integers as numbers', async () => {
    const seen: unknown[] = [];
    const rows = await executor.stream(cypher('test-stream', 'UNWIND range(1, 5000) AS i RETURN i'), {}, (row) => {
      seen.push(row.i);
    });
    expect(rows).toBe(5000);
    expect(seen).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  });

  it('holds a stream back while its consumer waits, so Neo4j makes no more rows than it was asked for', async () => {
    // Each row carries the moment Neo4j produced it. The consumer stops for a second at row 10:
    // rows beyond the first fetch batch (1000) must be produced after that second, not before.
    const pause = 1000;
    let resumedAt = 0;
    const producedAt: number[] = [];
    await executor.stream(
      cypher('test-stream-slow', 'UNWIND range(1, 20000) AS i RETURN i, datetime.realtime().epochMillis AS at'),
      {},
      (row) => {
        producedAt.push(row.at as number);
        if (row.i !== 10) return;
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            resumedAt = Date.now();
            resolve();
          }, pause),
        );
      },
    );
    expect(producedAt).toHaveLength(20000);
    // Clocks of one machine; 100 ms of slack for the timer.
    expect(producedAt[19999]!).toBeGreaterThanOrEqual(resumedAt - 100);
    expect(producedAt[0]!).toBeLessThan(resumedAt - pause / 2);
  });

  it('stops a stream whose consumer throws, and the driver stays usable', async () => {
    const boom = new Error('consumer failed');
    let calls = 0;
    await expect(
      executor.stream(cypher('test-stream-throw', 'UNWIND range(1, 50000) AS i RETURN i'), {}, () => {
        calls += 1;
        if (calls === 3) throw boom;
      }),
    ).rejects.toBe(boom);
    expect(calls).toBe(3);
    const later = await executor.stream(cypher('test-stream-after', 'UNWIND range(1, 3) AS i RETURN i'), {}, () => {});
    expect(later).toBe(3);
  });

  it('counts one round trip per statement run through a counting executor, and only those', async () => {
    const scope = newRoundTripScope();
    const counted = executor.counting(scope);
    await counted.read(cypher('a', 'RETURN 1'));
    await executor.read(cypher('not-counted', 'RETURN 0'));
    await counted.readTransaction(async (tx) => {
      await tx.run(cypher('b', 'RETURN 2'));
      await tx.run(cypher('c', 'RETURN 3'));
    });
    await counted.stream(cypher('d', 'UNWIND range(1, 3) AS i RETURN i'), {}, () => {});
    expect(scope.roundTrips).toBe(4);
    expect(scope.statements).toEqual(['a', 'b', 'c', 'd']);
  });

  it('applies the migrations twice without error, leaving the same schema', async () => {
    const statements = readSchemaStatements();
    expect(statements.length).toBeGreaterThan(5);
    await applyMigrations(executor);
    const first = await executor.read(
      cypher('test-schema', 'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names'),
    );
    await applyMigrations(executor);
    const second = await executor.read(
      cypher('test-schema', 'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names'),
    );
    expect(second).toEqual(first);
    const [indexes] = await executor.read<{ names: string[] }>(
      cypher('test-indexes', "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN collect(name) AS names"),
    );
    expect(indexes!.names).toEqual(expect.arrayContaining(['entity_id', 'entity_search', 'meeting_date_start']));
  });

  it('rejects a duplicate id through the uniqueness constraint as CONFLICT', async () => {
    await applyMigrations(executor);
    const create = cypher('test-dup', 'CREATE (:Entity:Person {id: $id})');
    await executor.write(create, { id: 'person:dup-test' });
    const error = await executor.write(create, { id: 'person:dup-test' }).catch((e: unknown) => e);
    expect(errorCode(error)).toBe(ErrorCode.CONFLICT);
    await executor.write(cypher('test-clean-dup', 'MATCH (n {id: $id}) DELETE n'), { id: 'person:dup-test' });
  });
});
