import { addMonthsToFirst, formatCivilMonth } from '../metrics/civil-date';
import { assertTimeZone, localDate, startOfLocalDay } from '../metrics/zoned-time';

export interface MonthWindow {
  /** "2024-03" */
  label: string;
  /** Local start of the month. */
  start: Date;
  /** Local start of the next month, or asOf for the current month. */
  end: Date;
  /** True for the month containing asOf (it has not ended). */
  partial: boolean;
}

/**
 * The last `count` calendar months of `timeZone` ending at asOf, oldest first; the last one is the month
 * containing the instant just before asOf, cut at asOf. So asOf = the first instant of a month ends the
 * series with the month before it, complete. For monthly trends of rates computed per month.
 *
 * Worked examples (UTC): asOf 2026-03-15, count 3 → 2026-01 [1 Jan, 1 Feb), 2026-02 [1 Feb, 1 Mar),
 * 2026-03 [1 Mar, 15 Mar) partial; asOf 2026-04-01T00:00 → 2026-01, 2026-02, 2026-03, all complete.
 */
export function lastMonths(asOf: Date, count: number, timeZone: string): MonthWindow[] {
  const now = asOf instanceof Date ? asOf.getTime() : Number.NaN;
  if (Number.isNaN(now)) throw new RangeError('asOf must be a valid Date');
  if (!Number.isInteger(count) || count < 1 || count > 120) throw new RangeError(`count is ${String(count)}; expected 1..120`);
  assertTimeZone(timeZone);
  const today = localDate(now - 1, timeZone);
  const current = { year: today.year, month: today.month, day: 1 };
  const windows: MonthWindow[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const month = addMonthsToFirst(current, -k);
    const start = startOfLocalDay(month, timeZone);
    const next = startOfLocalDay(addMonthsToFirst(month, 1), timeZone);
    windows.push({ label: formatCivilMonth(month), start: new Date(start), end: new Date(Math.min(next, now)), partial: next > now });
  }
  return windows;
}
