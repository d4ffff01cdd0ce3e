/** KIND_MISMATCH: an entity the graph already holds keeps its kind (a later source cannot turn a Person into a Place). */
import { ProblemCode } from '../problems';
import type { ValidationRule } from './context';

export const graphKinds: ValidationRule = (context) => {
  const known = context.options.knownIds;
  if (!(known instanceof Map)) return;
  for (const { id, at, kind } of context.entities) {
    const knownKind = id === undefined ? undefined : known.get(id);
    if (knownKind && kind && knownKind !== kind) {
      context.report([...at, 'kind'], ProblemCode.KIND_MISMATCH, `"${id}" is already in the graph as a ${knownKind}`);
    }
  }
};
