/**
 * Which Neo4j a CLI command uses when NEO4J_URI is unset: the configured local port as before,
 * unless the project's Neo4j already runs on another port (its run file says so). Then the command
 * uses it when it holds the configured data folder, and otherwise refuses rather than start a
 * second, empty graph beside it.
 */
import { appError, ErrorCode } from '../errors';
import { isListening } from './local-neo4j';
import { canonicalDir, RUN_DIR, type RunningLocalNeo4j, recordedLocalNeo4js } from './local-neo4j-registry';

export type LocalTarget =
  /** Nothing of the project runs elsewhere, or something already listens on the configured port. */
  | { kind: 'configured' }
  /** The project's Neo4j over the configured data folder runs on another port: use that one. */
  | { kind: 'running'; neo4j: RunningLocalNeo4j };

/**
 * Where a command should find the project's Neo4j when NEO4J_URI is unset. Refuses (CONFLICT,
 * saying how to point at it) when it would start a new Neo4j while another runs on another port
 * over another data folder: the command would otherwise write into an empty graph nobody reads.
 */
export async function chooseLocalTarget(
  configured: { port: number; dataDir: string },
  runDir = RUN_DIR,
): Promise<LocalTarget> {
  if (await isListening(configured.port)) return { kind: 'configured' };
  const others = (await runningLocalNeo4js(runDir)).filter((n) => n.port !== configured.port);
  const dataDir = canonicalDir(configured.dataDir);
  const same = others.find((n) => n.dataDir === dataDir);
  if (same) return { kind: 'running', neo4j: same };
  if (others.length === 0) return { kind: 'configured' };
  const list = others.map((n) => `  ${n.uri} (data in ${n.dataDir}, pid ${n.pid}, since ${n.startedAt})`).join('\n');
  const first = others[0]!;
  throw appError(
    ErrorCode.CONFLICT,
    `nothing listens on LOCAL_NEO4J_PORT=${configured.port}, but the project's Neo4j runs elsewhere:\n${list}\n` +
      'Starting a new one here would use another, separate graph. Point the command at the running one with ' +
      `NEO4J_URI=${first.uri} or LOCAL_NEO4J_PORT=${first.port}; or stop it first.`,
    { running: others },
  );
}

/** The recorded Neo4j servers that run and answer on their port (a pid can be reused after a crash). */
export async function runningLocalNeo4js(runDir = RUN_DIR): Promise<RunningLocalNeo4j[]> {
  const alive: RunningLocalNeo4j[] = [];
  for (const entry of recordedLocalNeo4js(runDir)) if (await isListening(entry.port)) alive.push(entry);
  return alive;
}
