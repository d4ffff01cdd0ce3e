/**
 * The graph's side of validation, looked up before a document is checked, so that
 * `parseFactsDocument` stays pure: the ids the document mentions that the graph holds (with
 * their kinds), the required relationships those already have (a redeclared delegation need not
 * repeat its REPRESENTS), and, for each id it neither declares nor finds, a few ids of the same
 * kind that "did you mean" can choose from. Three bounded, parameterised reads at most.
 */
import { DEFAULT_SUGGESTION_PROBES, DEFAULT_SUGGESTIONS_PER_PROBE } from '../config';
import type { Executor } from '../graph/executor';
import { ID_PREFIX, NodeKind, type RelType } from '../model/vocabulary';
import { ID_CANDIDATES, KNOWN_ENTITIES } from './graph-context.cypher';
import type { ImportOptions } from './report';
import { knownRelationshipKey, REQUIRED_RELATIONSHIPS } from './rules/required-relationships';

export interface GraphContext {
  knownIds: Map<string, NodeKind>;
  knownRelationships: Set<string>;
  candidates: string[];
}

/** Anything shaped like an id, in YAML or JSON, wherever it stands. */
const ID_LIKE = /\b[a-z]+:[A-Za-z0-9][A-Za-z0-9._-]*/g;
/** An id written as an entity's or the source's own `id` (YAML or JSON): declared, not referred to. */
const DECLARED_ID = /\bid["']?\s*:\s*["']?([a-z]+:[A-Za-z0-9][A-Za-z0-9._-]*)/g;

/** `limits`: config MAX_SUGGESTION_PROBES and SUGGESTIONS_PER_PROBE (their defaults when left out). */
export async function graphContext(
  executor: Executor,
  text: string,
  limits: Pick<ImportOptions, 'suggestionProbes' | 'suggestionsPerProbe'> = {},
): Promise<GraphContext> {
  const ids = [...new Set(Array.from(text.matchAll(ID_LIKE), (m) => m[0]))];
  const types = [...new Set(Object.values(REQUIRED_RELATIONSHIPS).map((required) => required.type))];
  const rows =
    ids.length === 0
      ? []
      : await executor.read<{ id: string; kind: NodeKind; types: RelType[] }>(KNOWN_ENTITIES, { ids, types });
  const knownIds = new Map(rows.map((row) => [row.id, row.kind]));
  const knownRelationships = new Set(
    rows.flatMap((row) => row.types.map((type) => knownRelationshipKey(row.id, type))),
  );

  const declared = new Set(Array.from(text.matchAll(DECLARED_ID), (m) => m[1]!));
  const probes = ids
    .filter((id) => !knownIds.has(id) && !declared.has(id))
    .slice(0, limits.suggestionProbes ?? DEFAULT_SUGGESTION_PROBES)
    .map(probe);
  const candidates =
    probes.length === 0
      ? []
      : (
          await executor.read<{ id: string }>(ID_CANDIDATES, {
            probes,
            limit: limits.suggestionsPerProbe ?? DEFAULT_SUGGESTIONS_PER_PROBE,
          })
        ).map((r) => r.id);
  return { knownIds, knownRelationships, candidates };
}

/**
 * How to look for ids near `id`: its prefix; its prefix and first letters (one for a country's
 * code, two for a slug); its words as a fuzzy Lucene query. The words are [a-z0-9] only, so no
 * Lucene syntax can reach the index from a document.
 */
function probe(id: string): { prefix: string; stem: string; words: string | null } {
  const colon = id.indexOf(':');
  const prefix = id.slice(0, colon + 1);
  const slug = id.slice(colon + 1);
  const stem = prefix + slug.slice(0, prefix === `${ID_PREFIX[NodeKind.Country]}:` ? 1 : 2);
  const words = slug
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3 && /[a-z]/.test(word))
    .map((word) => `${word}~`);
  return { prefix, stem, words: words.length > 0 ? words.join(' ') : null };
}
