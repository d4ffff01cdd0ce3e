/** KIND_MISMATCH: each end of a relationship is of a kind its type allows (REL_ENDPOINTS). */
import { REL_ENDPOINTS } from '../../model/vocabulary';
import { ANY_ID } from '../facts.schema';
import { ProblemCode } from '../problems';
import { describeKinds, type ValidationRule } from './context';

export const endpointKinds: ValidationRule = (context) => {
  for (const { at, type, relationship } of context.relationships) {
    if (type === null) continue;
    for (const end of ['from', 'to'] as const) {
      const id = relationship[end];
      if (typeof id !== 'string' || !ANY_ID.test(id)) continue;
      const kind = context.kindOf(id);
      if (!kind || REL_ENDPOINTS[type][end].includes(kind)) continue;
      context.report(
        [...at, end],
        ProblemCode.KIND_MISMATCH,
        `${type} ${end === 'from' ? 'starts at' : 'ends at'} ${describeKinds(REL_ENDPOINTS[type][end])}; "${id}" is a ${kind}`,
      );
    }
  }
};
