/**
 * Dates with precision. Sources say "on Friday" (a day) or "since March 2022" (a month); a date
 * keeps the precision it was given, and ranges derive from it: "2022-03" spans 2022-03-01 to
 * 2022-03-31. Stored as ISO strings (`date`, `datePrecision`, `dateStart`, `dateEnd`), which
 * compare correctly as strings.
 */
import { DatePrecision } from './vocabulary';

export interface PartialDate {
  value: string;
  precision: DatePrecision;
  /** First day the date can mean, YYYY-MM-DD. */
  start: string;
  /** Last day the date can mean, YYYY-MM-DD. */
  end: string;
}

const FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns null for anything else or an impossible date. */
export function parsePartialDate(value: string): PartialDate | null {
  const match = FORM.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (month === undefined) {
    return { value, precision: DatePrecision.YEAR, start: `${match[1]}-01-01`, end: `${match[1]}-12-31` };
  }
  const last = daysInMonth(year, month);
  if (day === undefined) {
    return {
      value,
      precision: DatePrecision.MONTH,
      start: `${value}-01`,
      end: `${value}-${String(last).padStart(2, '0')}`,
    };
  }
  if (day < 1 || day > last) return null;
  return { value, precision: DatePrecision.DAY, start: value, end: value };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The partial date stored on a node or relationship under `prefix` (`date` → date, datePrecision…). */
export function storedPartialDate(props: Record<string, unknown>, prefix = 'date'): PartialDate | null {
  const value = props[prefix];
  if (typeof value !== 'string') return null;
  return parsePartialDate(value);
}
