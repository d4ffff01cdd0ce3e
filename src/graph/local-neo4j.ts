/**
 * The project's own Neo4j, for machines without Docker: when NEO4J_URI is unset, diplograph
 * resolves Neo4j 5.26 Community from Maven Central (scripts/neo4j/pom.xml, once; later starts
 * are offline), compiles the small embedded launcher (scripts/neo4j/Launcher.java) and runs it
 * with Bolt on 127.0.0.1. Needs Java 17+ and Maven on the PATH.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../config';
import { registerLocalNeo4j } from './local-neo4j-registry';

export const NEO4J_TOOLING_DIR = path.join(PROJECT_ROOT, 'scripts', 'neo4j');
const LIB_DIR = path.join(NEO4J_TOOLING_DIR, 'lib');
const CLASSES_DIR = path.join(NEO4J_TOOLING_DIR, 'classes');
const POM = path.join(NEO4J_TOOLING_DIR, 'pom.xml');
const LAUNCHER_SOURCE = path.join(NEO4J_TOOLING_DIR, 'Launcher.java');
/** Written after a complete download; holds the pom's hash so a version bump re-resolves. */
const LIB_MARKER = path.join(LIB_DIR, '.complete');
const READY_PREFIX = 'DIPLOGRAPH_NEO4J_READY ';

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4jOptions {
  dataDir: string;
  port: number;
  heapMb: number;
  pagecacheMb: number;
  /** Where progress lines go (the Maven download, the start). */
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  version: string;
  /** False when a server was already listening on the port and we reuse it. */
  ownedByUs: boolean;
  pid?: number;
  stop(): Promise<void>;
}

/** Starts the project's Neo4j, or reuses one already listening on the port. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const uri = `bolt://127.0.0.1:${options.port}`;
  if (await isListening(options.port)) {
    log(`neo4j: something already listens on port ${options.port}; using it as ${uri}`);
    return { uri, version: 'unknown', ownedByUs: false, stop: async () => undefined };
  }
  ensureToolchain();
  ensureJars(log);
  ensureLauncherCompiled();
  fs.mkdirSync(options.dataDir, { recursive: true });
  return launch(options, uri, log);
}

/** Resolves the jars and compiles the launcher without starting anything (used by CI set-up). */
export function prepareLocalNeo4j(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  ensureToolchain();
  ensureJars(log);
  ensureLauncherCompiled();
}

function ensureToolchain(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new LocalNeo4jError(
      'Java 17 or newer is needed to run the local Neo4j (Debian: apt-get install openjdk-17-jdk-headless maven), ' +
        'or set NEO4J_URI to an existing Neo4j 5 server.',
    );
  }
  const match = /version "(\d+)/.exec(java.stderr);
  const major = match ? Number(match[1]) : 0;
  if (major > 0 && major < 17) {
    throw new LocalNeo4jError(`Java ${major} found; the local Neo4j 5.26 needs Java 17 or newer.`);
  }
}

function pomHash(): string {
  return crypto.createHash('sha256').update(fs.readFileSync(POM)).digest('hex');
}

function ensureJars(log: (line: string) => void): void {
  const hash = pomHash();
  if (fs.existsSync(LIB_MARKER) && fs.readFileSync(LIB_MARKER, 'utf8').trim() === hash) return;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new LocalNeo4jError(
      'Maven is needed once, to download Neo4j from Maven Central (Debian: apt-get install maven), ' +
        'or set NEO4J_URI to an existing Neo4j 5 server.',
    );
  }
  log('neo4j: downloading Neo4j 5.26 Community from Maven Central (once; about 120 MB)…');
  fs.rmSync(LIB_DIR, { recursive: true, force: true });
  // Maven prints one line per artifact it downloads: that is the progress shown.
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '-f',
      POM,
      '-Dorg.slf4j.simpleLogger.log.org.apache.maven.cli.transfer.Slf4jMavenTransferListener=info',
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${LIB_DIR}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) {
    throw new LocalNeo4jError(
      `Maven could not resolve Neo4j (exit ${result.status}). Check access to Maven Central, or set NEO4J_URI.`,
    );
  }
  fs.writeFileSync(LIB_MARKER, `${hash}\n`);
  log('neo4j: jars ready');
}

function ensureLauncherCompiled(): void {
  const compiled = path.join(CLASSES_DIR, 'Launcher.class');
  if (fs.existsSync(compiled) && fs.statSync(compiled).mtimeMs >= fs.statSync(LAUNCHER_SOURCE).mtimeMs) return;
  fs.mkdirSync(CLASSES_DIR, { recursive: true });
  const result = spawnSync('javac', ['-d', CLASSES_DIR, '-cp', path.join(LIB_DIR, '*'), LAUNCHER_SOURCE], {
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      `Could not compile the Neo4j launcher (is a JDK, not only a JRE, installed?): ${result.stderr ?? result.error}`,
    );
  }
}

function launch(options: LocalNeo4jOptions, uri: string, log: (line: string) => void): Promise<LocalNeo4j> {
  const args = [
    `-Xmx${options.heapMb}m`,
    `-Xms${Math.min(options.heapMb, 256)}m`,
    '-XX:+UseG1GC',
    // The flags Neo4j's own packaging passes to the JVM.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-cp',
    `${path.join(LIB_DIR, '*')}${path.delimiter}${CLASSES_DIR}`,
    'Launcher',
    '--home',
    options.dataDir,
    '--port',
    String(options.port),
    '--pagecache-mb',
    String(options.pagecacheMb),
    '--exit-on-stdin-eof',
  ];
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderrTail: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail.push(chunk.toString());
    if (stderrTail.length > 40) stderrTail.shift();
  });

  return new Promise<LocalNeo4j>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new LocalNeo4jError(`the local Neo4j did not start within ${(options.startTimeoutMs ?? 180_000) / 1000} s`),
      );
    }, options.startTimeoutMs ?? 180_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      const tail = stderrTail.join('').trim().split('\n').slice(-8).join('\n');
      reject(new LocalNeo4jError(`the local Neo4j exited during start (code ${code}). ${explain(tail)}`));
    };
    child.once('exit', onExit);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      const version = line.slice(READY_PREFIX.length).split(' ')[1] ?? 'unknown';
      log(`neo4j: Neo4j ${version} ready at ${uri} (data in ${options.dataDir})`);
      const record = { pid: child.pid!, uri, port: options.port, dataDir: options.dataDir };
      child.once('exit', registerLocalNeo4j({ ...record, startedAt: new Date().toISOString() }));
      resolve({ uri, version, ownedByUs: true, pid: child.pid, stop: () => stopChild(child) });
    });
  });
}

function explain(stderrTail: string): string {
  if (/Address already in use|BindException/.test(stderrTail)) {
    return 'Its port is in use: set LOCAL_NEO4J_PORT to a free port.';
  }
  if (/FileLockException|locked by another process/i.test(stderrTail)) {
    return 'Its data folder is in use by another Neo4j: stop it, or set LOCAL_NEO4J_DATA_DIR.';
  }
  return stderrTail;
}

/** SIGTERM runs the launcher's shutdown hook (a clean store); SIGKILL only if it hangs. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A port nobody listens on now, for tests and parallel runs. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
