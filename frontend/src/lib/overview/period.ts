import { addDays, customRange, isoDate, type DateRange } from '$lib/dates';

/** The home page's period: the last 7, 30 or 90 days (today included) or custom dates. */
export const OVERVIEW_PERIODS = ['7', '30', '90', 'custom'] as const;
export type OverviewPeriodChoice = (typeof OVERVIEW_PERIODS)[number];

export interface OverviewSelection {
  choice: OverviewPeriodChoice;
  /** yyyy-mm-dd, for 'custom'. */
  from: string;
  to: string;
}

export function defaultOverviewSelection(now = new Date()): OverviewSelection {
  return { choice: '30', from: isoDate(addDays(now, -29)), to: isoDate(now) };
}

/**
 * Whole local days: a preset reaches N − 1 days back from today and ends at the start of tomorrow, so the links the
 * server builds (local dates) open the other pages on exactly the same instants. Null for missing or reversed dates.
 */
export function overviewRange(selection: OverviewSelection, now = new Date()): DateRange | null {
  if (selection.choice !== 'custom') {
    const days = Number(selection.choice);
    return { from: addDays(now, -(days - 1)), to: addDays(now, 1) };
  }
  return customRange(selection.from, selection.to);
}
