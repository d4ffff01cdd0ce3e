/** DUPLICATE_ID: an id names one entity in a document (the source's id included). */
import { ProblemCode } from '../problems';
import type { ValidationRule } from './context';

export const uniqueIds: ValidationRule = (context) => {
  for (const { id, index, at, kind } of context.entities) {
    if (id === undefined) continue;
    const earlier = context.declared.get(id);
    if (earlier === undefined || earlier.index === index) continue;
    const where = earlier.index === -1 ? 'as the source id' : `at entities[${earlier.index}]`;
    const other = earlier.kind && earlier.kind !== kind ? ` (a ${earlier.kind})` : '';
    context.report([...at, 'id'], ProblemCode.DUPLICATE_ID, `"${id}" is already declared ${where}${other}`);
  }
};
