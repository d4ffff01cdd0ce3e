/** `from`/`to` arguments: partial dates, validated, turned into the days they bound. */
import { badInput, quote } from '../../errors';
import { parsePartialDate } from '../../model/partial-date';

export interface DateWindow {
  /** First day included (YYYY-MM-DD), or null for no lower bound. */
  from: string | null;
  /** Last day included, or null for no upper bound. */
  to: string | null;
}

/**
 * "from 2025-05" starts on the 1st of May, "to 2025-05" ends on the 31st: a window includes every
 * day its bounds can mean. Invalid dates and a `from` after `to` are BAD_USER_INPUT.
 */
export function dateWindow(
  from: string | null | undefined,
  to: string | null | undefined,
  names: [string, string] = ['from', 'to'],
): DateWindow {
  const parse = (value: string | null | undefined, name: string) => {
    if (value === null || value === undefined || value === '') return null;
    const date = parsePartialDate(value);
    if (!date) throw badInput(name, `${quote(value)} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
    return date;
  };
  const start = parse(from, names[0]);
  const end = parse(to, names[1]);
  if (start && end && start.start > end.end) throw badInput(names[0], `must not be after ${names[1]}`);
  return { from: start?.start ?? null, to: end?.end ?? null };
}
