/** INVALID_DATE: a relationship's `until` is not before its `since` (an office held from … to …). */
import { parsePartialDate } from '../../model/partial-date';
import { ProblemCode } from '../problems';
import { isObj, type ValidationRule } from './context';

export const periodOrder: ValidationRule = (context) => {
  for (const { at, relationship } of context.relationships) {
    const props = isObj(relationship.props) ? relationship.props : {};
    const since = typeof props.since === 'string' ? parsePartialDate(props.since) : null;
    const until = typeof props.until === 'string' ? parsePartialDate(props.until) : null;
    if (since && until && since.start > until.end) {
      context.report(
        [...at, 'props', 'until'],
        ProblemCode.INVALID_DATE,
        `until (${until.value}) is before since (${since.value})`,
      );
    }
  }
};
