/**
 * Neo4j's own offline importer (`neo4j-admin database import full`, from the jars the project
 * already resolves: neo4j-import-tool is part of org.neo4j:neo4j 5.26), run on CSV files into a
 * NEW store folder of the project's own Neo4j. It writes the store files directly, on every
 * core, without transactions or index updates: the only way past the ~23k relationships/s one
 * writing transaction reaches (see README, Benchmarks). The folder must hold no database: the
 * importer refuses one, and so do we, before it starts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { neo4jClasspath } from './local-neo4j';

/** The default database of the project's Neo4j, as the embedded launcher opens it. */
const DATABASE = 'neo4j';

export interface ImportFiles {
  /** Node files, each a CSV with its own header line (`id:ID`, `:LABEL`, `name:type`). */
  nodes: string[];
  relationships: string[];
  /** The one character that separates array elements inside a field. */
  arrayDelimiter: string;
}

export interface ImportRun {
  milliseconds: number;
  /** The importer's last lines: its summary (counts, peak memory). */
  summary: string;
}

/** Where the launcher's store for `dataDir` lives (its home is `dataDir`). */
export function storeFolder(dataDir: string): string {
  return path.join(dataDir, 'data', 'databases', DATABASE);
}

/** True when `dataDir` already holds a database of the project's Neo4j. */
export function storeExists(dataDir: string): boolean {
  const store = storeFolder(dataDir);
  return fs.existsSync(store) && fs.readdirSync(store).some((f) => f !== 'database_lock');
}

export async function runNeo4jImport(
  dataDir: string,
  files: ImportFiles,
  options: { heapMb?: number; offHeapMb?: number; log?: (line: string) => void } = {},
): Promise<ImportRun> {
  const log = options.log ?? (() => undefined);
  const classpath = neo4jClasspath(log);
  const conf = path.join(dataDir, 'conf');
  fs.mkdirSync(conf, { recursive: true });
  fs.writeFileSync(path.join(conf, 'neo4j.conf'), '');
  const args = [
    `-Xmx${options.heapMb ?? 1024}m`,
    '-XX:+UseG1GC',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp',
    classpath,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    DATABASE,
    '--id-type=string',
    // No cell spans lines (bulk-store.ts writes line breaks as stand-ins): every file parses in parallel.
    '--multiline-fields=false',
    `--array-delimiter=${files.arrayDelimiter}`,
    // A relationship to a missing node or a duplicate id fails the import, as in a transaction.
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--bad-tolerance=0',
    `--max-off-heap-memory=${options.offHeapMb ?? 1024}m`,
    `--report-file=${path.join(dataDir, 'import.report')}`,
    ...files.nodes.map((f) => `--nodes=${f}`),
    ...files.relationships.map((f) => `--relationships=${f}`),
  ];
  const began = Date.now();
  const child = spawn('java', args, {
    env: { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: conf },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (line: string) => {
    // The importer's progress dots, one line per 5 %, say nothing its summary does not.
    if (line.trim() === '' || /^[.-]+ /.test(line)) return;
    tail.push(line);
    if (tail.length > 30) tail.shift();
    log(`neo4j-import: ${line}`);
  };
  readline.createInterface({ input: child.stdout }).on('line', keep);
  readline.createInterface({ input: child.stderr }).on('line', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`neo4j-admin database import failed (exit ${code}):\n${tail.join('\n')}`);
  const done = tail.findIndex((l) => l.startsWith('IMPORT DONE'));
  return { milliseconds: Date.now() - began, summary: tail.slice(Math.max(0, done)).join('\n') };
}
