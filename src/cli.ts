/**
 * The command line: `diplograph <command>` (or `npm run cli -- <command>`).
 *   serve              start the server (same as npm start)
 *   seed               load the article (seed/…facts.yaml); loading it again changes nothing
 *   import FILE        validate a facts document and load it in one transaction
 *   schema             print the GraphQL SDL
 * Each command reads the same configuration as the server (environment variables).
 */
import 'reflect-metadata';
import { Command } from 'commander';
import { GraphQLError } from 'graphql';
import { loadConfig } from './config';
import { connectGraph } from './graph/connect';
import type { Executor } from './graph/executor';
import { applyMigrations } from './graph/migrations';
import { importFactsFile, SEED_FILE } from './ingest/import';
import type { LoadResult } from './ingest/load';
import type { Problem } from './ingest/validate';
import { VERSION } from './version';

/** Runs `work` against the configured graph (starting the local Neo4j if needed), then lets go. */
async function withGraph(work: (executor: Executor) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const graph = await connectGraph(config, (line) => process.stderr.write(`${line}\n`));
  try {
    await applyMigrations(graph.executor);
    await work(graph.executor);
  } catch (error) {
    const problems = error instanceof GraphQLError ? (error.extensions.problems as Problem[] | undefined) : undefined;
    if (problems) {
      for (const p of problems) {
        process.stderr.write(`  ${p.code.padEnd(20)} ${p.path}${p.line ? ` (line ${p.line})` : ''}: ${p.message}\n`);
      }
      process.exitCode = 1;
    }
    throw error;
  } finally {
    await graph.close();
  }
}

function report(result: LoadResult): void {
  process.stdout.write(
    `loaded ${result.sourceId}: ${result.nodes} nodes, ${result.relationships} relationships in one transaction (${result.milliseconds} ms)\n`,
  );
}

export function buildCli(): Command {
  const program = new Command('diplograph')
    .description('A knowledge graph of diplomatic actors: who met whom, where and when, and which source says so.')
    .version(VERSION)
    .showHelpAfterError();

  program
    .command('serve')
    .description('start the GraphQL server (starts the local Neo4j when NEO4J_URI is unset)')
    .action(() => {
      require('./main');
    });

  program
    .command('seed')
    .description('load the article diplograph ships with (idempotent)')
    .action(() => withGraph((executor) => importFactsFile(executor, SEED_FILE).then(report)));

  program
    .command('import')
    .argument('<file>', 'a facts document (YAML or JSON); see seed/README.md')
    .description('validate a facts document and load it in one transaction (nothing is written if anything is wrong)')
    .action((file: string) => withGraph((executor) => importFactsFile(executor, file).then(report)));

  program
    .command('schema')
    .description('print the GraphQL schema (SDL), as committed in schema/schema.graphql')
    .action(async () => {
      const { printSortedSchema } = await import('./schema');
      process.stdout.write(await printSortedSchema());
    });

  return program;
}

if (require.main === module) {
  buildCli()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      process.stderr.write(`diplograph: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
