/** QUOTE_NOT_FOUND: a QUOTE statement's `text` is the source's own words, so it is verbatim in the source. */
import { NodeKind, StatementKind } from '../../model/vocabulary';
import { ProblemCode } from '../problems';
import { locateQuote, nearMissHint } from '../quotes';
import type { ValidationRule } from './context';

export const quoteStatementText: ValidationRule = (context) => {
  const { text } = context;
  if (text === undefined) return;
  for (const { at, kind, entity } of context.entities) {
    if (kind !== NodeKind.Statement || entity.statementKind !== StatementKind.QUOTE) continue;
    if (typeof entity.text !== 'string' || !('count' in locateQuote(text, entity.text))) continue;
    context.report(
      [...at, 'text'],
      ProblemCode.QUOTE_NOT_FOUND,
      `a QUOTE statement's text must be verbatim in the source${nearMissHint(text, entity.text)}`,
    );
  }
};
