import { addDays, customRange, isoDate, type DateRange } from '$lib/dates';

/** The Churn page's period: the last 3, 6 or 12 calendar months (the current one included) or custom dates. */
export const CHURN_PERIODS = ['3', '6', '12', 'custom'] as const;
export type ChurnPeriodChoice = (typeof CHURN_PERIODS)[number];

export interface ChurnSelection {
  choice: ChurnPeriodChoice;
  /** yyyy-mm-dd, for 'custom'. */
  from: string;
  to: string;
  segment: string;
  plan: string;
}

/**
 * The selection as instants: whole local months from the first of the month N − 1 months ago up to the
 * end of today, so the current month shows what happened so far. Null for missing or reversed dates.
 */
export function churnRange(selection: Pick<ChurnSelection, 'choice' | 'from' | 'to'>, now = new Date()): DateRange | null {
  if (selection.choice !== 'custom') {
    return { from: new Date(now.getFullYear(), now.getMonth() - (Number(selection.choice) - 1), 1), to: addDays(now, 1) };
  }
  return customRange(selection.from, selection.to);
}

export function defaultChurnSelection(now = new Date()): ChurnSelection {
  return { choice: '6', from: isoDate(new Date(now.getFullYear(), now.getMonth() - 5, 1)), to: isoDate(now), segment: '', plan: '' };
}

/** Query string of a churn report (undefined values left out). */
export function churnQuery(values: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') query.set(key, String(value));
  return query.toString();
}
