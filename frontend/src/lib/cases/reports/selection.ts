import { churnQuery, churnRange, type ChurnPeriodChoice } from '$lib/churn/period';
import { isoDate, type DateRange } from '$lib/dates';
import type { GroupBy, Interval, ReportChannel, ReportPriority } from './types';

/** What the case reports page shows: a period, a grouping, a series interval and optional filters ('' = all). */
export interface ReportSelection {
  choice: ChurnPeriodChoice;
  /** yyyy-mm-dd, for 'custom'. */
  from: string;
  to: string;
  groupBy: GroupBy;
  interval: Interval;
  touchpoint: string;
  /** A user id, 'none' (unassigned) or ''. */
  owner: string;
  channel: string;
  priority: string;
}

export function defaultSelection(now = new Date()): ReportSelection {
  return {
    choice: '3',
    from: isoDate(new Date(now.getFullYear(), now.getMonth() - 2, 1)),
    to: isoDate(now),
    groupBy: 'touchpoint',
    interval: 'week',
    touchpoint: '',
    owner: '',
    channel: '',
    priority: '',
  };
}

/** The period as instants (whole local months up to the end of today, or the custom dates), as on the Churn page. */
export function selectionRange(selection: ReportSelection, now = new Date()): DateRange | null {
  return churnRange(selection, now);
}

/** The query every case report shares: period, time zone and filters (empty ones left out). */
export function reportFilters(selection: ReportSelection, range: DateRange, timeZone: string) {
  const optional = <T extends string>(value: string) => (value === '' ? undefined : (value as T));
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    timeZone,
    touchpoint: optional(selection.touchpoint),
    owner: optional(selection.owner),
    // The filters offer only the API's channels and priorities.
    channel: optional<ReportChannel>(selection.channel),
    priority: optional<ReportPriority>(selection.priority),
  };
}

/** A CSV download link of a report: the same query as the page, as a plain URL the browser downloads. */
export function csvHref(base: string, path: string, query: Record<string, string | undefined>): string {
  return base ? `${base}/${path}?${churnQuery(query)}` : '#';
}
