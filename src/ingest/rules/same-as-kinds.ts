/**
 * KIND_MISMATCH: SAME_AS says two ids are one actor, so both are of one kind — a person is not
 * the same actor as a delegation, even when a source names a delegation by its head.
 */
import { REL_ENDPOINTS, RelType } from '../../model/vocabulary';
import { ProblemCode } from '../problems';
import type { ValidationRule } from './context';

export const sameAsKinds: ValidationRule = (context) => {
  const { from: fromKinds, to: toKinds } = REL_ENDPOINTS[RelType.SAME_AS];
  for (const { at, type, relationship } of context.relationships) {
    const { from, to } = relationship;
    if (type !== RelType.SAME_AS || typeof from !== 'string' || typeof to !== 'string') continue;
    const fromKind = context.kindOf(from);
    const toKind = context.kindOf(to);
    // An end of a kind SAME_AS does not take at all is endpoint-kinds' to report.
    if (!fromKind || !toKind || !fromKinds.includes(fromKind) || !toKinds.includes(toKind)) continue;
    if (fromKind !== toKind) {
      context.report(
        [...at, 'to'],
        ProblemCode.KIND_MISMATCH,
        `SAME_AS joins two ids of one actor, so of one kind: "${from}" is a ${fromKind}, "${to}" a ${toKind}`,
      );
    }
  }
};
