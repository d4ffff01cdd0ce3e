/**
 * Applies schema/constraints.cypher: constraints and indexes, each statement in its own
 * transaction (Neo4j forbids schema and data changes in one), all idempotent, then waits until
 * the indexes are online so the first query after start-up can use them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { cypher, type Executor, type Statement } from './executor';

export const CONSTRAINTS_FILE = path.join(PROJECT_ROOT, 'schema', 'constraints.cypher');

const AWAIT_INDEXES = cypher('await-indexes', 'CALL db.awaitIndexes(120)');

/** Splits the file into statements: `//` comment lines dropped, statements end with `;`. */
export function readSchemaStatements(file = CONSTRAINTS_FILE): Statement[] {
  const text = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return text
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s, i) => cypher(`schema-${i + 1}`, s));
}

export async function applyMigrations(executor: Executor): Promise<number> {
  const statements = readSchemaStatements();
  for (const statement of statements) await executor.write(statement);
  await executor.write(AWAIT_INDEXES);
  return statements.length;
}
