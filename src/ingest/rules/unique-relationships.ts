/**
 * DUPLICATE_RELATIONSHIP: one relationship of a type between two entities, unless a `key` tells
 * them apart (two stays in one city); a second report of the same one is a second evidence quote.
 */
import { ProblemCode } from '../problems';
import type { ValidationRule } from './context';

export const uniqueRelationships: ValidationRule = (context) => {
  const seen = new Map<string, number>();
  for (const { at, index, type, relationship } of context.relationships) {
    const { from, to, key } = relationship;
    if (type === null || typeof from !== 'string' || typeof to !== 'string') continue;
    const signature = `${from} ${type} ${to} ${typeof key === 'string' ? key : ''}`;
    const earlier = seen.get(signature);
    if (earlier === undefined) {
      seen.set(signature, index);
      continue;
    }
    context.report(
      at,
      ProblemCode.DUPLICATE_RELATIONSHIP,
      `the same ${type} from "${from}" to "${to}" as relationships[${earlier}]; merge their evidence, or tell them apart with a key`,
    );
  }
};
