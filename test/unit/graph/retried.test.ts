/**
 * Executor.read's retry policy (an auto-commit read is not retried by the driver): transient
 * errors are tried again, anything else fails at once.
 */
import { Neo4jError } from 'neo4j-driver';
import { retried } from '../../../src/graph/executor';

const failing = (codes: string[]) => {
  let calls = 0;
  return {
    calls: () => calls,
    work: async () => {
      const code = codes[calls++];
      if (code) throw new Neo4jError('failed', code, '50N42', 'general processing exception');
      return 'done';
    },
  };
};

describe('retried', () => {
  it('tries a transient failure again until it succeeds', async () => {
    const w = failing(['Neo.TransientError.Transaction.DeadlockDetected', 'ServiceUnavailable']);
    await expect(retried(w.work)).resolves.toBe('done');
    expect(w.calls()).toBe(3);
  });

  it('does not retry a client error: the statement would fail again', async () => {
    const w = failing(['Neo.ClientError.Statement.SyntaxError']);
    await expect(retried(w.work)).rejects.toThrow('failed');
    expect(w.calls()).toBe(1);
  });
});
