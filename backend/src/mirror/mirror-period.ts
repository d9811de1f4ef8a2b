import { addMonths, monthOf, startOfLocalDay } from '../metrics';

export const MIRROR_PERIODS = ['month', 'quarter'] as const;
export type MirrorPeriod = (typeof MIRROR_PERIODS)[number];

/*
 * Periods are calendar months or quarters in the workspace's time zone (as the service audit's months), named by
 * their first day 'YYYY-MM-01'; they compare as text.
 */

/** First day of the month or quarter containing `at` in `timeZone`. */
export function periodStartOf(period: MirrorPeriod, at: Date, timeZone: string): string {
  const month = monthOf(at, timeZone);
  const m = Number(month.slice(5, 7));
  return `${period === 'quarter' ? addMonths(month, -((m - 1) % 3)) : month}-01`;
}

/** The first day after the period that starts on `start`. */
export function periodEndOf(period: MirrorPeriod, start: string): string {
  return `${addMonths(start.slice(0, 7), period === 'quarter' ? 3 : 1)}-01`;
}

/** The period before the one that starts on `start`. */
export function previousPeriod(period: MirrorPeriod, start: string): string {
  return `${addMonths(start.slice(0, 7), period === 'quarter' ? -3 : -1)}-01`;
}

/** The first instant of local day `day` (YYYY-MM-DD, may overflow the month: '2026-12-35' is 4 January) in `timeZone`. */
export function localDayStart(day: string, timeZone: string, plusDays = 0): Date {
  const [year, month, d] = day.split('-').map(Number);
  const civil = new Date(Date.UTC(year, month - 1, d + plusDays));
  return new Date(startOfLocalDay({ year: civil.getUTCFullYear(), month: civil.getUTCMonth() + 1, day: civil.getUTCDate() }, timeZone));
}

/** When answers for the period that starts on `start` stop being taken: local midnight `graceDays` after it ends. */
export function periodClosesAt(period: MirrorPeriod, start: string, graceDays: number, timeZone: string): Date {
  return localDayStart(periodEndOf(period, start), timeZone, graceDays);
}

/**
 * The periods staff may still answer at `now`: the current one, and the one before while its grace days last
 * (answers for last month can come in during the first local days of this one).
 */
export function openPeriods(period: MirrorPeriod, graceDays: number, now: Date, timeZone: string): string[] {
  const current = periodStartOf(period, now, timeZone);
  const previous = previousPeriod(period, current);
  return now < periodClosesAt(period, previous, graceDays, timeZone) ? [current, previous] : [current];
}
