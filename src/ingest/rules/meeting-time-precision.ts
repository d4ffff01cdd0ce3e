/** INVALID_DATE: a meeting's time of day needs a date given to the day. */
import { parsePartialDate } from '../../model/partial-date';
import { NodeKind } from '../../model/vocabulary';
import { ProblemCode } from '../problems';
import type { ValidationRule } from './context';

export const meetingTimePrecision: ValidationRule = (context) => {
  for (const { at, kind, entity } of context.entities) {
    if (kind !== NodeKind.Meeting || entity.time === undefined) continue;
    const date = typeof entity.date === 'string' ? parsePartialDate(entity.date) : null;
    if (date?.precision === 'DAY') continue;
    context.report(
      [...at, 'time'],
      ProblemCode.INVALID_DATE,
      'a time is more precise than the date: give the day (YYYY-MM-DD) or drop the time',
    );
  }
};
