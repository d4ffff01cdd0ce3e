/**
 * The command line: `diplograph <command>` (or `npm run cli -- <command>`).
 *   serve              start the server (same as npm start)
 *   seed               load the article (seed/…facts.yaml); loading it again changes nothing
 *   import FILE        validate a facts document and load it in one transaction (--dry-run, --replace)
 *   remove-source ID   take a source and every claim of it out, in one transaction
 *   bulk-load FILE...  load documents into a NEW store of the project's Neo4j with Neo4j's importer
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
import { importLimits, loadConfig } from './config';
import { ExportFormat } from './export';
import { connectGraph } from './graph/connect';
import { createDriver } from './graph/driver';
import { Executor } from './graph/executor';
import { freePort, startLocalNeo4j } from './graph/local-neo4j';
import { chooseLocalTarget } from './graph/local-target';
import { applyMigrations } from './graph/migrations';
import { finishBulkImport, importPlansIntoNewStore, plansFromFiles } from './ingest/bulk-store';
import { graphCounts, importFactsFile, removeSource, SEED_FILE } from './ingest/import';
import { type GraphCounts, type ImportReport, type RemoveReport, totals } from './ingest/report';
import type { Problem } from './ingest/validate';
import { runExport } from './modules/subgraph/subgraph.export';
import { createRepositories } from './repositories';
import { VERSION } from './version';

/** Where a command's graph is, said before it touches it. */
interface Target {
  uri: string;
  database: string;
  /** How the Neo4j was found: NEO4J_URI, the project's Neo4j started by this command, or one running. */
  how: 'NEO4J_URI' | 'started' | 'listening' | 'running';
  dataDir?: string;
}

function describeTarget(target: Target): string {
  const how = {
    NEO4J_URI: 'from NEO4J_URI',
    started: `the project's own Neo4j, started by this command (data in ${target.dataDir}); stopped when it ends`,
    listening: 'already listening on LOCAL_NEO4J_PORT',
    running: `the project's own Neo4j already running over LOCAL_NEO4J_DATA_DIR (${target.dataDir})`,
  }[target.how];
  return `graph: ${target.uri}, database ${target.database} (${how})`;
}

/**
 * Runs `work` against the configured graph, then lets go. With NEO4J_URI unset it starts the
 * project's own Neo4j, unless one of the project's runs on another port (src/graph/local-target.ts):
 * then it uses that one when it holds the configured data folder, and refuses otherwise.
 */
async function withGraph(
  work: (executor: Executor, target: Target) => Promise<void>,
  announce: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<void> {
  let config = loadConfig();
  let how: Target['how'] = 'NEO4J_URI';
  let dataDir: string | undefined;
  if (!config.NEO4J_URI) {
    const choice = await chooseLocalTarget({ port: config.LOCAL_NEO4J_PORT, dataDir: config.LOCAL_NEO4J_DATA_DIR });
    if (choice.kind === 'running') {
      config = { ...config, NEO4J_URI: choice.neo4j.uri };
      how = 'running';
      dataDir = choice.neo4j.dataDir;
    }
  }
  const graph = await connectGraph(config, (line) => process.stderr.write(`${line}\n`));
  if (graph.local) {
    how = graph.local.ownedByUs ? 'started' : 'listening';
    dataDir = config.LOCAL_NEO4J_DATA_DIR;
  }
  const target: Target = { uri: graph.uri, database: config.NEO4J_DATABASE, how, dataDir };
  announce(describeTarget(target));
  try {
    await applyMigrations(graph.executor);
    await work(graph.executor, target);
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

/**
 * Runs a write (import, seed, remove-source) and prints where it goes, the graph's counts before
 * and after, and its report; with `json`, all of that as one JSON object on stdout (and the
 * progress lines on stderr). Where and before are printed first, so a refused write shows them too.
 */
function write<R extends ImportReport | RemoveReport>(json: boolean, run: (executor: Executor) => Promise<R>) {
  const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
  return withGraph(async (executor, target) => {
    const before = await graphCounts(executor);
    say(`before: ${counts(before)}`);
    const report = await run(executor);
    const after = await graphCounts(executor);
    if (json) {
      const { how, ...where } = target;
      const graph = { ...where, startedLocalNeo4j: how === 'started' };
      process.stdout.write(`${JSON.stringify({ graph, before, report, after }, null, 2)}\n`);
    } else {
      for (const line of reportLines(report)) say(line);
      say(`after:  ${counts(after)}`);
    }
  }, say);
}

function counts(c: GraphCounts): string {
  return `${c.nodes} nodes, ${c.relationships} relationships, ${c.claims} claims, ${c.sources} sources`;
}

const COLUMNS = ['created', 'unchanged', 'claimed', 'retracted', 'deleted'] as const;

/** A report as lines: what happened, a table per node kind and relationship type, the conflicts. */
export function reportLines(report: ImportReport | RemoveReport): string[] {
  const lines: string[] = [];
  if ('dryRun' in report) {
    const what = report.dryRun
      ? `dry run of ${report.sourceId}: nothing written; the import would do this`
      : `loaded ${report.sourceId} in one transaction`;
    const source = report.replaced
      ? 'replacing its earlier text'
      : report.sourceExisted
        ? 'the source was already in the graph with this text'
        : 'a new source';
    lines.push(`${what} (${source}; ${report.milliseconds} ms)`);
  } else {
    lines.push(`removed ${report.sourceId} in one transaction (${report.milliseconds} ms)`);
  }
  const width = Math.max(13, ...[...report.nodes, ...report.relationships].map((row) => row.name.length + 2));
  const row = (name: string, values: readonly (string | number)[]) =>
    `  ${name.padEnd(width)}${values.map((v, i) => String(v).padStart(COLUMNS[i]!.length + 2)).join('')}`;
  lines.push(row('', COLUMNS));
  for (const [title, rows] of [
    ['nodes', report.nodes],
    ['relationships', report.relationships],
  ] as const) {
    lines.push(`  ${title}`);
    for (const r of rows)
      lines.push(
        row(
          `  ${r.name}`,
          COLUMNS.map((c) => r[c]),
        ),
      );
    const sum = totals(rows);
    lines.push(
      row(
        '  total',
        COLUMNS.map((c) => sum[c]),
      ),
    );
  }
  if ('conflicts' in report) {
    lines.push(`conflicts: ${report.conflicts.length}`);
    for (const c of report.conflicts) {
      lines.push(
        `  ${c.id} ${c.property}: graph ${JSON.stringify(c.graphValue)} (${c.graphSourceId}) vs document ${JSON.stringify(c.documentValue)}`,
      );
    }
  }
  return lines;
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

  const json = () =>
    new Option('--json', 'print the graph, the counts before and after and the report as one JSON object');

  program
    .command('seed')
    .description('load the article diplograph ships with (idempotent)')
    .addOption(json())
    .action((opts: { json?: boolean }) =>
      write(!!opts.json, (executor) => importFactsFile(executor, SEED_FILE, importLimits(loadConfig()))),
    );

  program
    .command('import')
    .argument('<file>', 'a facts document (YAML or JSON); see seed/README.md')
    .description('validate a facts document and load it in one transaction (nothing is written if anything is wrong)')
    .option('--dry-run', 'validate and report what the import would do, writing nothing')
    .option(
      '--replace',
      "allow a document whose source id is in the graph with another text: the old source's claims go",
    )
    .addOption(json())
    .action((file: string, opts: { dryRun?: boolean; replace?: boolean; json?: boolean }) =>
      write(!!opts.json, (executor) =>
        importFactsFile(executor, file, {
          dryRun: !!opts.dryRun,
          replace: !!opts.replace,
          ...importLimits(loadConfig()),
        }),
      ),
    );

  program
    .command('bulk-load')
    .argument('<files...>', 'facts documents, in the order they would be imported')
    .description(
      "load facts documents into a new, empty store of the project's own Neo4j with Neo4j's offline importer " +
        '(the same claims and values as import; for large loads). Refused when the folder holds a database',
    )
    .option('--data-dir <dir>', 'the new store folder (default LOCAL_NEO4J_DATA_DIR)')
    .action(async (files: string[], opts: { dataDir?: string }) => {
      const config = loadConfig();
      if (config.NEO4J_URI) {
        throw new InvalidArgumentError(
          "bulk-load writes a new store of the project's own Neo4j, offline; unset NEO4J_URI (for a running Neo4j use import)",
        );
      }
      const dataDir = opts.dataDir ?? config.LOCAL_NEO4J_DATA_DIR;
      const say = (line: string) => process.stderr.write(`${line}\n`);
      const plans = plansFromFiles(files, config.MAX_YAML_ALIASES);
      const result = await importPlansIntoNewStore(() => plans, {
        dataDir,
        log: (line) => {
          if (!line.startsWith('neo4j-import: ') || /IMPORT DONE|Imported|Peak/.test(line)) say(line);
        },
      });
      say(
        `bulk-load: ${result.nodes} nodes, ${result.relationships} relationships, ${result.claims} claims written to ${dataDir}`,
      );
      const local = await startLocalNeo4j({
        dataDir,
        port: await freePort(),
        heapMb: config.LOCAL_NEO4J_HEAP_MB,
        pagecacheMb: config.LOCAL_NEO4J_PAGECACHE_MB,
        log: () => undefined,
      });
      const executor = new Executor(
        createDriver({
          uri: local.uri,
          user: config.NEO4J_USER,
          password: config.NEO4J_PASSWORD,
          connectTimeoutMs: 60_000,
        }),
        { database: config.NEO4J_DATABASE, timeoutMs: config.EXPORT_TIMEOUT_MS },
      );
      try {
        await finishBulkImport(executor, result);
        process.stdout.write(`graph: ${dataDir}\nafter:  ${counts(await graphCounts(executor))}\n`);
      } finally {
        await executor.close();
        await local.stop();
      }
    });

  program
    .command('remove-source')
    .argument('<id>', 'a source id, e.g. source:2025-05-17-china-daily-istanbul-talks')
    .description('take a source out in one transaction: its claims go, and what no other source supports')
    .addOption(json())
    .action((id: string, opts: { json?: boolean }) => write(!!opts.json, (executor) => removeSource(executor, id)));

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
