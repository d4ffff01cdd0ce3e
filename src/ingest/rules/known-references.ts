/**
 * UNKNOWN_REFERENCE: `from`, `to` and `publisherId` name an id this document declares or the
 * graph holds. When one existing id is close (see suggest.ts), the message asks "did you mean"
 * and the problem carries it as `suggestion`; candidates are the document's ids, the graph's ids
 * it mentions and the graph's near ids (`ParseOptions.candidates`).
 */
import { ANY_ID } from '../facts.schema';
import { type Path, ProblemCode } from '../problems';
import { suggestId } from '../suggest';
import type { ValidationContext, ValidationRule } from './context';

/** Bounds the work on a document full of unknown ids: the later ones get no suggestion. */
const MAX_SUGGESTIONS = 100;

export const knownReferences: ValidationRule = (context) => {
  const suggest = suggester(context);
  const check = (at: Path, id: unknown, message: (id: string) => string) => {
    if (typeof id !== 'string' || !ANY_ID.test(id) || context.kindOf(id) !== null) return;
    const suggestion = suggest(id);
    if (suggestion === undefined) context.report(at, ProblemCode.UNKNOWN_REFERENCE, message(id));
    else {
      context.report(at, ProblemCode.UNKNOWN_REFERENCE, `${message(id)}; did you mean "${suggestion}"?`, {
        suggestion,
      });
    }
  };
  check(['source', 'publisherId'], context.source.publisherId, (id) => `no entity "${id}"`);
  for (const { at, relationship } of context.relationships) {
    for (const end of ['from', 'to'] as const) {
      check([...at, end], relationship[end], (id) => `no entity "${id}" in this document or the graph`);
    }
  }
};

function suggester(context: ValidationContext): (id: string) => string | undefined {
  let candidates: string[] | undefined;
  let made = 0;
  return (id) => {
    if (made >= MAX_SUGGESTIONS) return undefined;
    made += 1;
    candidates ??= [
      ...new Set([
        ...context.declared.keys(),
        ...(context.options.knownIds?.keys() ?? []),
        ...(context.options.candidates ?? []),
      ]),
    ];
    return suggestId(id, candidates);
  };
}
