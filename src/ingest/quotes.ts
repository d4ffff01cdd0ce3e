/** Finding evidence quotes in a source text, and saying why a quote that is not there nearly is. */

/** Where a quote starts in `text`: its `occurrence`-th appearance (from 1), or how often it appears. */
export function locateQuote(text: string, quote: string, occurrence = 1): { offset: number } | { count: number } {
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
