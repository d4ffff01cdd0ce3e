/** KIND_MISMATCH: a source's publisher is an Organization. */
import { NodeKind } from '../../model/vocabulary';
import { ANY_ID } from '../facts.schema';
import { ProblemCode } from '../problems';
import type { ValidationRule } from './context';

export const publisherKind: ValidationRule = (context) => {
  const id = context.source.publisherId;
  if (typeof id !== 'string' || !ANY_ID.test(id)) return;
  const kind = context.kindOf(id);
  if (kind && kind !== NodeKind.Organization) {
    context.report(
      ['source', 'publisherId'],
      ProblemCode.KIND_MISMATCH,
      `the publisher must be an Organization, not a ${kind}`,
    );
  }
};
