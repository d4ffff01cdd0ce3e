/** Finding evidence quotes in a source text, and saying why a quote that is not there nearly is. */

type Located = { offset: number } | { count: number };

/**
 * The answers for the last text searched: a document's quotes are each looked up by the rules and
 * again when it is resolved, and one quote often supports an entity and its relationships (a
 * generated document of 40k quotes spent 4.4 s in indexOf without this).
 */
let cachedText: string | undefined;
let cached = new Map<string, Located>();

/** Where a quote starts in `text`: its `occurrence`-th appearance (from 1), or how often it appears. */
export function locateQuote(text: string, quote: string, occurrence = 1): Located {
  if (text !== cachedText) {
    cachedText = text;
    cached = new Map();
  }
  const key = `${occurrence}\u0000${quote}`;
  let found = cached.get(key);
  if (!found) {
    found = search(text, quote, occurrence);
    cached.set(key, found);
  }
  return found;
}

function search(text: string, quote: string, occurrence: number): Located {
  let count = 0;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    count += 1;
    if (count === occurrence) return { offset: at };
  }
  return { count };
}

/** Says why a quote that is not verbatim looks close: the usual copying slips. */
export function nearMissHint(text: string, quote: string): string {
  const fold = (s: string) =>
    s
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201C\u201D]/g, '"')
      .replace(/[\u2013\u2014]/g, '-')
      .replace(/\s+/g, ' ')
      .toLowerCase();
  return fold(text).includes(fold(quote))
    ? ' (it is there with different spacing, case, quotes or dashes: copy the characters exactly)'
    : '';
}
