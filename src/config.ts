/**
 * Every setting of diplograph: its environment variable, default and validation, in one place.
 * `loadConfig` either returns a complete, typed Config or throws a ConfigError whose message is
 * one line naming the offending variable (main prints it and exits; no stack trace).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The repository root (the folder with package.json), from src/ or from the compiled dist/src/. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '..');
  }
}

/** How far YAML aliases in a facts document may expand (yaml's maxAliasCount); the validator's default too. */
export const DEFAULT_MAX_YAML_ALIASES = 1000;
/** An import's "did you mean" lookups: unknown ids looked up per document (the rest get none)… */
export const DEFAULT_SUGGESTION_PROBES = 100;
/** …and candidate ids fetched per unknown id, per way of finding them. */
export const DEFAULT_SUGGESTIONS_PER_PROBE = 25;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const port = int(1, 65535);

/**
 * Variable name → [schema, default]. The default is a string, as the environment would give it,
 * so defaults pass through the same validation as user values.
 */
const SETTINGS = {
  // 0 picks a free port (tests).
  PORT: [int(0, 65535), '4000'],
  HOST: [z.string().min(1), '127.0.0.1'],
  NODE_ENV: [z.enum(['development', 'production', 'test']), 'development'],
  LOG_LEVEL: [z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'],

  NEO4J_URI: [
    z
      .string()
      .regex(
        /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+(:\d+)?\/?$/,
        'must look like bolt://host:7687 or neo4j://host:7687 (neo4j+s:// for Aura)',
      ),
    undefined,
  ],
  NEO4J_USER: [z.string().min(1), 'neo4j'],
  NEO4J_PASSWORD: [z.string(), ''],
  NEO4J_DATABASE: [z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name'), 'neo4j'],
  NEO4J_CONNECT_TIMEOUT_MS: [int(100, 600000), '120000'],
  // How long a query waits for a pooled connection before UNAVAILABLE (and the cap of a TCP connect).
  NEO4J_ACQUIRE_TIMEOUT_MS: [int(100, 600000), '5000'],

  LOCAL_NEO4J_PORT: [port, '7687'],
  LOCAL_NEO4J_DATA_DIR: [z.string().min(1), path.join(PROJECT_ROOT, '.data', 'neo4j')],
  LOCAL_NEO4J_HEAP_MB: [int(128, 65536), '512'],
  LOCAL_NEO4J_PAGECACHE_MB: [int(16, 65536), '256'],

  QUERY_TIMEOUT_MS: [int(100, 600000), '15000'],
  // Streaming a large export reads for longer than any query should.
  EXPORT_TIMEOUT_MS: [int(1000, 3600000), '600000'],
  // Root fields answered by one compiled statement holding only the selected fields
  // (src/graph/compile); false: per-level batch loaders, as before (tests compare the two).
  SELECTION_COMPILER: [bool, 'true'],
  MAX_QUERY_DEPTH: [int(1, 50), '10'],
  MAX_QUERY_COST: [int(10, 10000000), '50000'],
  MAX_QUERY_ALIASES: [int(1, 1000), '30'],
  // Lexical tokens of one GraphQL document, counted while parsing: a longer one is refused before
  // anything else looks at it (the examples take under 100; the playground's introspection ~300).
  MAX_QUERY_TOKENS: [int(100, 1000000), '2000'],
  MAX_PAGE_SIZE: [int(1, 10000), '100'],
  // The query cost whoMetWhom without actorId adds for its pass over every pair (the total):
  // on 3,150 nodes that pass took 0.3 s where a page took 0.05 s.
  ALL_PAIRS_COST: [int(0, 10000000), '5000'],
  DEFAULT_PAGE_SIZE: [int(1, 10000), '20'],
  MAX_PATH_HOPS: [int(1, 20), '6'],
  MAX_SUBGRAPH_DEPTH: [int(0, 10), '4'],
  MAX_SUBGRAPH_NODES: [int(1, 1000000), '2000'],
  MAX_SUBGRAPH_SEEDS: [int(1, 10000), '100'],
  // Every search word becomes up to three Lucene clauses (exact, prefix, fuzzy); Lucene refuses
  // more than 1024 clauses and fuzzy automata of very long words.
  MAX_SEARCH_LENGTH: [int(1, 1000), '200'],
  MAX_SEARCH_TERMS: [int(1, 300), '16'],
  MAX_EXPORT_INLINE_BYTES: [int(1024, 1073741824), '5242880'],
  MAX_EXPORT_NODES: [int(1, 10000000), '200000'],
  MAX_REQUEST_BYTES: [int(1024, 104857600), '1048576'],
  MAX_YAML_ALIASES: [int(0, 1000000), String(DEFAULT_MAX_YAML_ALIASES)],
  // "Did you mean" for ids a document neither declares nor finds in the graph: how many unknown
  // ids are looked up, and how many candidates each gets per way of finding them.
  MAX_SUGGESTION_PROBES: [int(0, 10000), String(DEFAULT_SUGGESTION_PROBES)],
  SUGGESTIONS_PER_PROBE: [int(1, 1000), String(DEFAULT_SUGGESTIONS_PER_PROBE)],
  // Slow clients: a request's headers, and the whole request, must arrive within these; an idle
  // keep-alive connection is closed after the third. HEADERS must not exceed REQUEST.
  HTTP_HEADERS_TIMEOUT_MS: [int(100, 600000), '10000'],
  HTTP_REQUEST_TIMEOUT_MS: [int(100, 3600000), '30000'],
  HTTP_KEEP_ALIVE_TIMEOUT_MS: [int(100, 600000), '5000'],

  API_KEY: [z.string().min(16, 'must be at least 16 characters'), undefined],
  GRAPHQL_INTROSPECTION: [bool, 'true'],
  SEED_ON_START: [bool, 'true'],
} as const satisfies Record<string, readonly [z.ZodType, string | undefined]>;

type Settings = typeof SETTINGS;
type Value<K extends keyof Settings> = z.output<Settings[K][0]>;
export type Config = {
  [K in keyof Settings]: Settings[K][1] extends string ? Value<K> : Value<K> | undefined;
};

/** The import limits an import takes from config (ImportOptions' limit fields). */
export function importLimits(
  config: Pick<Config, 'MAX_YAML_ALIASES' | 'MAX_SUGGESTION_PROBES' | 'SUGGESTIONS_PER_PROBE'>,
): { maxAliasCount: number; suggestionProbes: number; suggestionsPerProbe: number } {
  return {
    maxAliasCount: config.MAX_YAML_ALIASES,
    suggestionProbes: config.MAX_SUGGESTION_PROBES,
    suggestionsPerProbe: config.SUGGESTIONS_PER_PROBE,
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const [name, [schema, fallback]] of Object.entries(SETTINGS)) {
    const raw = env[name] === '' && fallback !== '' ? undefined : env[name];
    const given = raw ?? fallback;
    if (given === undefined) continue;
    const parsed = (schema as z.ZodType).safeParse(given);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'is invalid';
      throw new ConfigError(name, `invalid configuration: ${name} ${reason} (got ${JSON.stringify(given)})`);
    }
    out[name] = parsed.data;
  }
  const config = out as Config;
  if (config.DEFAULT_PAGE_SIZE > config.MAX_PAGE_SIZE) {
    throw new ConfigError(
      'DEFAULT_PAGE_SIZE',
      `invalid configuration: DEFAULT_PAGE_SIZE must not exceed MAX_PAGE_SIZE (${config.MAX_PAGE_SIZE})`,
    );
  }
  if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      'HTTP_HEADERS_TIMEOUT_MS',
      `invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS (${config.HTTP_REQUEST_TIMEOUT_MS})`,
    );
  }
  return config;
}

/** The names of every setting, for docs and the compose-file test. */
export const SETTING_NAMES = Object.keys(SETTINGS) as (keyof Settings)[];
