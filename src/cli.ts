/**
 * The command line: `diplograph <command>` (or `npm run cli -- <command>`).
 *   serve              start the server (same as npm start)
 *   seed               load the article (seed/…facts.yaml); loading it again changes nothing
 *   import FILE        validate a facts document and load it in one transaction
 *   export             write the subgraph around seeds in an export format, to a file or stdout
 *   schema             print the GraphQL SDL
 * Each command reads the same configuration as the server (environment variables).
 */
import 'reflect-metadata';
import { once } from 'node:events';
import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { GraphQLError } from 'graphql';
import { type Config, loadConfig } from './config';
import { ExportFormat } from './export';
import { connectGraph } from './graph/connect';
import type { Executor } from './graph/executor';
import { applyMigrations } from './graph/migrations';
import { importFactsFile, SEED_FILE } from './ingest/import';
import type { LoadResult } from './ingest/load';
import type { Problem } from './ingest/validate';
import { runExport } from './modules/subgraph/subgraph.export';
import { createRepositories } from './repositories';
import { VERSION } from './version';

/** Runs `work` against the configured graph (starting the local Neo4j if needed), then lets go. */
async function withGraph(work: (executor: Executor, config: Config) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const graph = await connectGraph(config, (line) => process.stderr.write(`${line}\n`));
  try {
    await applyMigrations(graph.executor);
    await work(graph.executor, config);
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

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function toInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return Number(value);
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
    .action(() =>
      withGraph((executor, config) =>
        importFactsFile(executor, SEED_FILE, { maxAliasCount: config.MAX_YAML_ALIASES }).then(report),
      ),
    );

  program
    .command('import')
    .argument('<file>', 'a facts document (YAML or JSON); see seed/README.md')
    .description('validate a facts document and load it in one transaction (nothing is written if anything is wrong)')
    .action((file: string) =>
      withGraph((executor, config) =>
        importFactsFile(executor, file, { maxAliasCount: config.MAX_YAML_ALIASES }).then(report),
      ),
    );

  program
    .command('export')
    .description('write the subgraph around seeds as JSON, GRAPHML, GEXF, CYTOSCAPE, CSV or CYPHER')
    .requiredOption('--seed <id>', 'a node to start from (repeat for more)', collect, [])
    .option('--depth <n>', 'relationships away from a seed', toInt, 1)
    .addOption(
      new Option('--format <format>', 'export format').choices(Object.values(ExportFormat)).makeOptionMandatory(),
    )
    .addOption(new Option('--table <table>', 'CSV only: which table').choices(['nodes', 'edges']))
    .option('--type <type>', 'follow only this relationship type (repeat for more)', collect, [])
    .option('--from <date>', 'leave out meetings before this date')
    .option('--to <date>', 'leave out meetings after this date')
    .option('--out <file>', 'write to this file instead of stdout')
    .action((opts) =>
      withGraph(async (executor) => {
        const config = loadConfig();
        const repositories = createRepositories(executor, config);
        const out = opts.out ? fs.createWriteStream(opts.out) : process.stdout;
        const bar = process.stderr.isTTY
          ? new SingleBar(
              { format: 'export [{bar}] {value}/{total} nodes · {edges} edges', hideCursor: true },
              Presets.shades_classic,
            )
          : undefined;
        const counts = await runExport(
          repositories.subgraph,
          {
            seedIds: opts.seed,
            depth: opts.depth,
            format: opts.format,
            options: opts.table ? { table: opts.table } : {},
            relationshipTypes: opts.type,
            from: opts.from ?? null,
            to: opts.to ?? null,
          },
          {
            start: (size) => bar?.start(size.nodes, 0, { edges: 0 }),
            progress: (done) => bar?.update(done.nodes, { edges: done.edges }),
            write: (chunk) => void out.write(chunk),
            async ready() {
              if (out.writableNeedDrain) await once(out, 'drain');
            },
          },
          config.MAX_EXPORT_NODES,
        );
        bar?.stop();
        if (opts.out) await new Promise<void>((resolve) => (out as fs.WriteStream).end(resolve));
        process.stderr.write(
          `exported ${counts.nodeCount} nodes and ${counts.edgeCount} edges${opts.out ? ` to ${opts.out}` : ''}\n`,
        );
      }),
    );

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
