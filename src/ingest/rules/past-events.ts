/**
 * INVALID_DATE: what a source reports as having happened is not dated after the source — a held
 * meeting, a statement, a presence, a refusal. A proposal may name a future date.
 */
import { type PartialDate, parsePartialDate } from '../../model/partial-date';
import { MeetingStatus, NodeKind, RelType } from '../../model/vocabulary';
import { ProblemCode } from '../problems';
import { isObj, type ValidationRule } from './context';

const PAST_RELATIONSHIPS: ReadonlySet<RelType> = new Set([RelType.PRESENT_IN, RelType.DECLINED]);

export const pastEvents: ValidationRule = (context) => {
  const { sourceDate } = context;
  if (sourceDate === null) return;
  const afterSource = (date: PartialDate) =>
    `${date.value} is after the source's date (${sourceDate.value}): the source cannot report it as past`;

  for (const { at, kind, entity } of context.entities) {
    const happened = kind === NodeKind.Statement || (kind === NodeKind.Meeting && entity.status === MeetingStatus.HELD);
    const date = typeof entity.date === 'string' ? parsePartialDate(entity.date) : null;
    if (happened && date && date.start > sourceDate.end) {
      context.report([...at, 'date'], ProblemCode.INVALID_DATE, afterSource(date));
    }
  }
  for (const { at, type, relationship } of context.relationships) {
    if (type === null || !PAST_RELATIONSHIPS.has(type)) continue;
    const props = isObj(relationship.props) ? relationship.props : {};
    const date = typeof props.date === 'string' ? parsePartialDate(props.date) : null;
    if (date && date.start > sourceDate.end) {
      context.report([...at, 'props', 'date'], ProblemCode.INVALID_DATE, afterSource(date));
    }
  }
};
