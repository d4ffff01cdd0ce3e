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
import { graphIsEmpty, type LoadResult, loadPlan } from './load';
import { planFromFacts } from './plan';
import { type ParseOptions, type Problem, parseFactsDocument } from './validate';

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
 * Validates and loads one document. References to ids that are not in the document are looked
 * up in the graph (a second source may point at nodes the first created).
 */
export async function importFacts(
  executor: Executor,
  text: string,
  fileName: string,
  readTextFile: (relative: string) => string = (relative) =>
    fs.readFileSync(path.resolve(path.dirname(fileName), relative), 'utf8'),
  limits: Pick<ParseOptions, 'maxAliasCount'> = {},
): Promise<LoadResult> {
  const graph = await graphContext(executor, text);
  const result = parseFactsDocument(text, fileName, { readTextFile, ...limits, ...graph });
  if (!result.ok) throw invalidDocument(path.basename(fileName), result.problems);
  return loadPlan(executor, planFromFacts(result.document));
}

export function importFactsFile(
  executor: Executor,
  file: string,
  limits: Pick<ParseOptions, 'maxAliasCount'> = {},
): Promise<LoadResult> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw appError(ErrorCode.BAD_USER_INPUT, `cannot read ${file}: ${(error as Error).message}`);
  }
  return importFacts(executor, text, absolute, undefined, limits);
}

/** Loads the article when the graph has no entities yet; says whether it did. */
export async function seedIfEmpty(executor: Executor): Promise<LoadResult | null> {
  if (!(await graphIsEmpty(executor))) return null;
  return importFactsFile(executor, SEED_FILE);
}
