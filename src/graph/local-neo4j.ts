/**
 * The project's own Neo4j, for machines without Docker: when NEO4J_URI is unset, diplograph
 * resolves Neo4j 5.26 Community from Maven Central (scripts/neo4j/pom.xml, once; later starts
 * are offline), compiles the small embedded launcher (scripts/neo4j/Launcher.java) and runs it
 * with Bolt on 127.0.0.1. Needs Java 17+ and Maven on the PATH. Supervised (the server's own),
 * it is restarted with backoff when it dies, and says so through `state` and `onStateChange`.
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
  /** Where its death and failed restarts go; `log` when not given. */
  warn?: (line: string) => void;
  startTimeoutMs?: number;
  /** Restart it, with backoff, whenever it exits without `stop()` having been asked. */
  supervise?: boolean;
}

/** `up` once it answers; `down` from its death until a restart begins; `starting` meanwhile. */
export type LocalNeo4jState = 'up' | 'down' | 'starting';

export interface LocalNeo4j {
  uri: string;
  version: string;
  /** False when a server was already listening on the port and we reuse it. */
  ownedByUs: boolean;
  /** The process running now; a restart gives a new one. */
  readonly pid?: number;
  readonly state: LocalNeo4jState;
  /** Calls `listener` on every change of `state`. */
  onStateChange(listener: (state: LocalNeo4jState) => void): void;
  stop(): Promise<void>;
}

/** First restart 1 s after a death, doubling up to 30 s while it keeps failing. */
const RESTART_FIRST_DELAY_MS = 1_000;
const RESTART_MAX_DELAY_MS = 30_000;
/** A run this long counts as healthy: the next death starts the backoff afresh. */
const HEALTHY_RUN_MS = 60_000;

/** Starts the project's Neo4j, or reuses one already listening on the port. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const uri = `bolt://127.0.0.1:${options.port}`;
  if (await isListening(options.port)) {
    log(`neo4j: something already listens on port ${options.port}; using it as ${uri}`);
    return {
      uri,
      version: 'unknown',
      ownedByUs: false,
      state: 'up',
      onStateChange: () => undefined,
      stop: async () => undefined,
    };
  }
  ensureToolchain();
  ensureJars(log);
  ensureLauncherCompiled();
  fs.mkdirSync(options.dataDir, { recursive: true });
  const first = await launch(options, uri, log);
  return new OwnedNeo4j(options, uri, log, options.warn ?? log, first);
}

/**
 * A Neo4j process of ours. Supervised, its unexpected exit is logged (a warning with the exit
 * code or signal) and followed by restarts, 1 s, 2 s, 4 s … 30 s apart, until one is ready;
 * the recovery is logged with the outage's length.
 */
class OwnedNeo4j implements LocalNeo4j {
  readonly ownedByUs = true;
  readonly version: string;
  state: LocalNeo4jState = 'up';
  private child: ChildProcess;
  private startedAt = Date.now();
  private stopping = false;
  private delayMs = RESTART_FIRST_DELAY_MS;
  private downSince: number | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  /** The process of a restart not yet ready, so that `stop()` can end it too. */
  private starting: ChildProcess | undefined;
  private readonly listeners: ((state: LocalNeo4jState) => void)[] = [];

  constructor(
    private readonly options: LocalNeo4jOptions,
    readonly uri: string,
    private readonly log: (line: string) => void,
    private readonly warn: (line: string) => void,
    first: Launched,
  ) {
    this.version = first.version;
    this.child = first.child;
    this.watch(first.child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  onStateChange(listener: (state: LocalNeo4jState) => void): void {
    this.listeners.push(listener);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await Promise.all([stopChild(this.child), this.starting && stopChild(this.starting)]);
  }

  private watch(child: ChildProcess): void {
    child.once('exit', (code, signal) => {
      if (this.stopping || !this.options.supervise) return;
      const ranMs = Date.now() - this.startedAt;
      if (ranMs >= HEALTHY_RUN_MS) this.delayMs = RESTART_FIRST_DELAY_MS;
      this.downSince = Date.now();
      this.warn(
        `neo4j: the local Neo4j (pid ${child.pid}) died (${code === null ? `signal ${signal}` : `exit code ${code}`}) ` +
          `after ${seconds(ranMs)} s; restarting it in ${seconds(this.delayMs)} s`,
      );
      this.setState('down');
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, RESTART_MAX_DELAY_MS);
    this.restartTimer = setTimeout(() => void this.restart(), delay);
    // A pending restart must not keep a process alive that has nothing else to do.
    this.restartTimer.unref();
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    this.setState('starting');
    let launched: Launched;
    try {
      launched = await launch(
        this.options,
        this.uri,
        () => undefined,
        (child) => {
          this.starting = child;
        },
      );
    } catch (error) {
      this.starting = undefined;
      if (this.stopping) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.warn(`neo4j: restarting the local Neo4j failed: ${reason}; next try in ${seconds(this.delayMs)} s`);
      this.setState('down');
      this.scheduleRestart();
      return;
    }
    this.starting = undefined;
    this.child = launched.child;
    this.startedAt = Date.now();
    if (this.stopping) {
      await stopChild(launched.child);
      return;
    }
    this.watch(launched.child);
    const outage = this.downSince === undefined ? 0 : Date.now() - this.downSince;
    this.downSince = undefined;
    this.log(`neo4j: the local Neo4j is back (pid ${launched.child.pid}) after an outage of ${seconds(outage)} s`);
    this.setState('up');
  }

  private setState(state: LocalNeo4jState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

interface Launched {
  child: ChildProcess;
  version: string;
}

/**
 * The class path of the resolved Neo4j jars (resolving them first if needed), for the tools that
 * run on them offline, such as the importer (src/graph/neo4j-import.ts).
 */
export function neo4jClasspath(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  ensureToolchain();
  ensureJars(log);
  return path.join(LIB_DIR, '*');
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

function launch(
  options: LocalNeo4jOptions,
  uri: string,
  log: (line: string) => void,
  onSpawn?: (child: ChildProcess) => void,
): Promise<Launched> {
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
  onSpawn?.(child);
  const stderrTail: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail.push(chunk.toString());
    if (stderrTail.length > 40) stderrTail.shift();
  });

  return new Promise<Launched>((resolve, reject) => {
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
      // A run file while it runs, so the CLI finds it (local-neo4j-registry.ts); each restart too.
      const record = { pid: child.pid!, uri, port: options.port, dataDir: options.dataDir };
      child.once('exit', registerLocalNeo4j({ ...record, startedAt: new Date().toISOString() }));
      resolve({ child, version });
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
