/**
 * Importing a facts document: read → validate (every problem listed, nothing written) → plan →
 * one transaction. Used by the CLI (`seed`, `import FILE`) and at start-up (the article, when
 * the graph is empty).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { appError, ErrorCode } from '../errors';
import type { Executor } from '../graph/executor';
import { graphContext } from './graph-context';
import { graphIsEmpty, loadPlan } from './load';
import { GRAPH_COUNTS } from './load.cypher';
import { planFromFacts } from './plan';
import type { GraphCounts, ImportOptions, ImportReport, RemoveReport } from './report';
import { type Problem, parseFactsDocument } from './validate';

/** The article diplograph ships with, as a facts document. */
export const SEED_FILE = path.join(PROJECT_ROOT, 'seed', '2025-05-17-china-daily-istanbul-talks.facts.yaml');

/** Thrown for a document that cannot be loaded; `problems` lists everything found. */
export function invalidDocument(fileName: string, problems: Problem[]) {
  const first = problems[0];
  const where = first ? `${first.path}${first.line ? ` (line ${first.line})` : ''}: ${first.message}` : '';
  return appError(ErrorCode.INVALID_DOCUMENT, `${fileName}: ${problems.length} problem(s); first: ${where}`, {
    problems,
  });
}

/**
 * Validates and loads one document: all its source says, as that source's claims (claims it made
 * before and no longer makes are retracted). References to ids that are not in the document are
 * looked up in the graph (a second source may point at nodes the first created). A source id
 * already stored with another text is refused (CONFLICT) unless `replace`; `dryRun` reports what
 * the import would do and writes nothing.
 */
export async function importFacts(
  executor: Executor,
  text: string,
  fileName: string,
  readTextFile: (relative: string) => string = (relative) =>
    fs.readFileSync(path.resolve(path.dirname(fileName), relative), 'utf8'),
  options: ImportOptions = {},
): Promise<ImportReport> {
  const graph = await graphContext(executor, text, options);
  const result = parseFactsDocument(text, fileName, { readTextFile, maxAliasCount: options.maxAliasCount, ...graph });
  if (!result.ok) throw invalidDocument(path.basename(fileName), result.problems);
  const loaded = await loadPlan(executor, planFromFacts(result.document), {
    complete: true,
    replace: options.replace,
    dryRun: options.dryRun,
  });
  return loaded.report;
}

/**
 * Takes a source out of the graph in one transaction: its claims go, every value they gave is
 * derived again from the claims left, and what no other source supports goes. Refused (CONFLICT)
 * while another source's relationships need one of the nodes that would go.
 */
export async function removeSource(executor: Executor, sourceId: string): Promise<RemoveReport> {
  const { report } = await loadPlan(
    executor,
    { sourceId, nodes: [], edges: [] },
    { complete: true, removeSource: true },
  );
  return { sourceId, nodes: report.nodes, relationships: report.relationships, milliseconds: report.milliseconds };
}

/** Nodes, relationships, claims and sources in the graph. */
export async function graphCounts(executor: Executor): Promise<GraphCounts> {
  const [row] = await executor.read<GraphCounts>(GRAPH_COUNTS);
  return row ?? { nodes: 0, relationships: 0, claims: 0, sources: 0 };
}

export function importFactsFile(executor: Executor, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw appError(ErrorCode.BAD_USER_INPUT, `cannot read ${file}: ${(error as Error).message}`);
  }
  return importFacts(executor, text, absolute, undefined, options);
}

/** Loads the article when the graph has no entities yet; says whether it did. */
export async function seedIfEmpty(executor: Executor): Promise<ImportReport | null> {
  if (!(await graphIsEmpty(executor))) return null;
  return importFactsFile(executor, SEED_FILE);
}
