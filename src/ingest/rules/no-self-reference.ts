/** SELF_REFERENCE: no relationship runs from an entity to itself. */
import { ProblemCode } from '../problems';
import type { ValidationRule } from './context';

export const noSelfReference: ValidationRule = (context) => {
  for (const { at, relationship } of context.relationships) {
    const { from, to } = relationship;
    if (typeof from === 'string' && from === to) {
      context.report([...at, 'to'], ProblemCode.SELF_REFERENCE, `"${from}" cannot be related to itself`);
    }
  }
};
