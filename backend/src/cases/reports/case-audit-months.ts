// The traffic-light audit's case measures per touchpoint and calendar month: the same measurement as the SLA
// reports (business time of each case's own policy, pauses left out), summarised per month bucket.
import { timeSeries } from '../../metrics';
import { median } from './case-report-formulas';
import type { MeasuredCase } from './case-report-formulas';

/** One touchpoint's cases opened in one month. Times are medians of the cases whose timer stopped. */
export interface TouchpointMonthCases {
  touchpointId: string;
  /** 'YYYY-MM' in the report's time zone. */
  month: string;
  cases: number;
  medianFirstResponseMinutes: number | null;
  /** Median resolution time in working days of each case's own calendar (minutes ÷ its usual working day). */
  medianResolutionDays: number | null;
  /** Cases reopened by a low follow-up. */
  reopened: number;
  /** Cases that missed at least one SLA target (breach job flag or late stop). */
  breached: number;
}

/** A measured case with what the month grid needs. */
export type AuditMeasuredCase = MeasuredCase & { at: Date; touchpointId: string; reopened: boolean; resolutionDays: number | null };

export function auditMonths(
  cases: readonly AuditMeasuredCase[],
  period: { from: Date; to: Date; timeZone: string },
): TouchpointMonthCases[] {
  const byTouchpoint = new Map<string, AuditMeasuredCase[]>();
  for (const c of cases) {
    const list = byTouchpoint.get(c.touchpointId);
    if (list) list.push(c);
    else byTouchpoint.set(c.touchpointId, [c]);
  }
  const out: TouchpointMonthCases[] = [];
  for (const [touchpointId, items] of byTouchpoint) {
    for (const point of timeSeries(items, { ...period, interval: 'month', maxBuckets: 60 }, (month) => month)) {
      if (point.count === 0) continue;
      const month = point.value;
      out.push({
        touchpointId,
        month: point.label,
        cases: month.length,
        medianFirstResponseMinutes: median(month.flatMap((c) => (c.firstResponse.minutes === null ? [] : [c.firstResponse.minutes]))),
        medianResolutionDays: median(month.flatMap((c) => (c.resolutionDays === null ? [] : [c.resolutionDays]))),
        reopened: month.filter((c) => c.reopened).length,
        breached: month.filter((c) => c.firstResponse.outcome === 'missed' || c.resolution.outcome === 'missed').length,
      });
    }
  }
  return out;
}
