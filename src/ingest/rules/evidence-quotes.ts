/**
 * QUOTE_NOT_FOUND: every evidence quote, of entities and relationships, is verbatim in the source
 * text, at the occurrence it names (the first by default).
 */
import { ProblemCode } from '../problems';
import { locateQuote, nearMissHint } from '../quotes';
import { isObj, type ValidationContext, type ValidationRule } from './context';

export const evidenceQuotes: ValidationRule = (context) => {
  if (context.text === undefined) return;
  for (const { at, entity } of context.entities) checkEvidence(context, context.text, entity.evidence, at);
  for (const { at, relationship } of context.relationships) {
    checkEvidence(context, context.text, relationship.evidence, at);
  }
};

function checkEvidence(context: ValidationContext, text: string, evidence: unknown, at: (string | number)[]): void {
  if (!Array.isArray(evidence)) return;
  evidence.forEach((item, j) => {
    if (!isObj(item) || typeof item.quote !== 'string' || item.quote.length === 0) return;
    const occurrence = typeof item.occurrence === 'number' && item.occurrence >= 1 ? item.occurrence : 1;
    const found = locateQuote(text, item.quote, occurrence);
    if ('offset' in found) return;
    const message =
      found.count > 0
        ? `the quote occurs ${found.count} time(s) in the source, not ${occurrence}`
        : `the quote is not verbatim in the source text${nearMissHint(text, item.quote)}`;
    context.report([...at, 'evidence', j, 'quote'], ProblemCode.QUOTE_NOT_FOUND, message);
  });
}
