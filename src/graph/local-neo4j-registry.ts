/**
 * Run files of the project's own Neo4j: whoever starts one writes `.data/run/neo4j-<port>.json`
 * (pid, Bolt URI, data folder, start time) and removes it when that Neo4j exits. The CLI reads
 * them before starting a Neo4j of its own, so that `import FILE` beside a server started on other
 * ports writes into that server's graph, or refuses, instead of into a fresh empty database
 * (src/graph/local-target.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const RUN_DIR = path.join(PROJECT_ROOT, '.data', 'run');

export interface RunningLocalNeo4j {
  /** The Neo4j (Java) process. */
  pid: number;
  uri: string;
  port: number;
  dataDir: string;
  startedAt: string;
}

function runFile(port: number, runDir: string): string {
  return path.join(runDir, `neo4j-${port}.json`);
}

/** Records a Neo4j that has just started; returns a function that removes the record. */
export function registerLocalNeo4j(entry: RunningLocalNeo4j, runDir = RUN_DIR): () => void {
  const file = runFile(entry.port, runDir);
  fs.mkdirSync(runDir, { recursive: true });
  // Written aside and renamed, so a reader never sees half a file.
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, `${JSON.stringify({ ...entry, dataDir: canonicalDir(entry.dataDir) }, null, 2)}\n`);
  fs.renameSync(partial, file);
  return () => {
    try {
      const current = JSON.parse(fs.readFileSync(file, 'utf8')) as RunningLocalNeo4j;
      // Another Neo4j may have taken the port (and the file) since.
      if (current.pid === entry.pid) fs.rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}

/** The recorded Neo4j servers whose process still runs; records of dead ones are removed. */
export function recordedLocalNeo4js(runDir = RUN_DIR): RunningLocalNeo4j[] {
  let names: string[];
  try {
    names = fs.readdirSync(runDir).filter((name) => /^neo4j-\d+\.json$/.test(name));
  } catch {
    return [];
  }
  const alive: RunningLocalNeo4j[] = [];
  for (const name of names.sort()) {
    const file = path.join(runDir, name);
    let entry: RunningLocalNeo4j;
    try {
      entry = JSON.parse(fs.readFileSync(file, 'utf8')) as RunningLocalNeo4j;
    } catch {
      continue;
    }
    if (isAlive(entry.pid)) alive.push(entry);
    else fs.rmSync(file, { force: true });
  }
  return alive;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is only not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The same folder spelt one way (symlinks and relative paths resolved where it exists). */
export function canonicalDir(dir: string): string {
  const absolute = path.resolve(dir);
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute;
  }
}
