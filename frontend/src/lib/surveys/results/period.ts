import type { MetricsInterval } from '$lib/api/types';
import { addDays, customRange, isoDate, type DateRange } from '$lib/dates';

/** The period choices of the results page: the last 7, 30 or 90 days (today included), or custom dates. */
export const PERIOD_CHOICES = ['7', '30', '90', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];
export const INTERVALS = ['day', 'week', 'month'] as const satisfies readonly MetricsInterval[];

export interface PeriodSelection {
  choice: PeriodChoice;
  /** yyyy-mm-dd, for 'custom'. */
  from: string;
  to: string;
  interval: MetricsInterval;
}

const DAY_MS = 86_400_000;

/** The selection as instants; null for custom dates that are missing or reversed. */
export function periodRange(selection: PeriodSelection, now = new Date()): DateRange | null {
  if (selection.choice !== 'custom') {
    const tomorrow = addDays(now, 1);
    return { from: addDays(tomorrow, -Number(selection.choice)), to: tomorrow };
  }
  return customRange(selection.from, selection.to);
}

/** The last 30 days by day: the page's starting point. */
export function defaultSelection(now = new Date()): PeriodSelection {
  return { choice: '30', from: isoDate(addDays(now, -29)), to: isoDate(now), interval: 'day' };
}

/** A sensible grouping for a range: days up to ~3 months, then weeks, then months. */
export function suggestedInterval(range: DateRange): MetricsInterval {
  const days = (range.to.getTime() - range.from.getTime()) / DAY_MS;
  if (days <= 92) return 'day';
  if (days <= 366) return 'week';
  return 'month';
}
