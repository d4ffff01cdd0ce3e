/**
 * The command line: `diplograph <command>` (or `npm run cli -- <command>`).
 *   serve              start the server (same as npm start)
 *   schema             print the GraphQL SDL
 * Each command reads the same configuration as the server (environment variables).
 */
import 'reflect-metadata';
import { Command } from 'commander';
import { VERSION } from './version';

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
