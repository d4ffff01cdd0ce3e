/**
 * "Did you mean": the one existing id an unknown reference most likely meant, or none. Only ids
 * of the same kind (the same prefix) are candidates. Two tests, in order:
 * 1. a typo: the edit distance between the slugs (insertions, deletions, substitutions and
 *    swaps of two neighbours, case-insensitive) is at most 40% of the typed slug's length;
 * 2. a shortened id: every word of the typed slug (at least one not a number) is a word of the
 *    candidate's slug (`person:zelensky` → `person:volodymyr-zelensky`), the fewest extra words
 *    winning.
 * A tie for the best candidate suggests nothing: a wrong hint costs more than no hint.
 * graphql-js's suggestionList does the first test, but it is internal to graphql and keeps the
 * distances to itself, which a tie needs.
 */

const RELATIVE_DISTANCE = 0.4;

export function suggestId(id: string, candidates: Iterable<string>): string | undefined {
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = id.slice(0, colon + 1);
  const slug = id.slice(colon + 1);
  const slugs = new Set<string>();
  for (const candidate of candidates) {
    if (candidate !== id && candidate.startsWith(prefix)) slugs.add(candidate.slice(prefix.length));
  }
  if (slugs.size === 0) return undefined;
  const byEdits = closestByEdits(slug, slugs);
  if (byEdits === null) return undefined;
  const best = byEdits ?? closestByWords(slug, slugs);
  return best === undefined ? undefined : prefix + best;
}

/** The unique closest slug within the distance bound; null for a tie, undefined for none. */
function closestByEdits(slug: string, slugs: Iterable<string>): string | null | undefined {
  const bound = Math.max(1, Math.floor(slug.length * RELATIVE_DISTANCE));
  let best: string | null | undefined;
  let bestDistance = bound + 1;
  for (const candidate of slugs) {
    const distance = editDistance(slug.toLowerCase(), candidate.toLowerCase(), Math.min(bound, bestDistance));
    if (distance > bound) continue;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    } else if (distance === bestDistance) {
      best = null;
    }
  }
  return best;
}

function closestByWords(slug: string, slugs: Iterable<string>): string | undefined {
  const typed = words(slug);
  if (!typed.some((word) => /[a-z]/i.test(word))) return undefined;
  let best: string | undefined;
  let bestExtra = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const candidate of slugs) {
    const own = words(candidate);
    if (!typed.every((word) => own.includes(word))) continue;
    const extra = own.length - typed.length;
    if (extra < bestExtra) {
      best = candidate;
      bestExtra = extra;
      tie = false;
    } else if (extra === bestExtra) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

function words(slug: string): string[] {
  return slug
    .toLowerCase()
    .split(/[-._]+/)
    .filter((word) => word.length > 0);
}

/**
 * Optimal-string-alignment distance of `a` and `b`, or `bound + 1` as soon as it must exceed
 * `bound` (rows whose minimum passes the bound end the computation early).
 */
export function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return bound + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, bound + 1);
}
