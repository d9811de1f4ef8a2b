import { round1 } from '../metrics/rounding';
import { timeSeries } from '../metrics/time-buckets';

export interface ReasonCancellation {
  /** When the flow finished with a cancellation. */
  at: Date;
  /** The reason the customer picked. */
  reasonKey: string;
  /** The reasons shown in that flow (A/B tests and per-plan configs show different lists). */
  offeredReasonKeys: readonly string[];
}

export interface ReasonMonthCell {
  reasonKey: string;
  /** Cancellations that month that picked this reason. */
  count: number;
  /** Cancellations that month whose flow offered this reason (the share's denominator). */
  offered: number;
  /** count / offered as a fraction, unrounded; null when it was never offered that month. */
  share: number | null;
  /** The share in percent, 1 decimal; null when it was never offered that month. */
  percent: number | null;
}

export interface ReasonMonth {
  /** "2024-03-01": local date the month starts on. */
  key: string;
  /** "2024-03" */
  label: string;
  /** Month start, or `from` if later. */
  start: Date;
  /** Next month's start, or `to` if earlier. */
  end: Date;
  /** Cancellations that month. */
  total: number;
  /** One cell per reason seen anywhere in the range, sorted by key; zero counts included. */
  reasons: ReasonMonthCell[];
}

/**
 * Reason breakdown per calendar month of `timeZone` over [from, to), every month included even with
 * no cancellations, every reason in every month.
 *
 * A reason's share is taken only over the flows that offered it: a reason added to the list in the
 * middle of March is not diluted by the flows before it existed, and one shown to half the customers
 * in an A/B test is compared with that half. The picked reason always counts as offered, even if
 * offeredReasonKeys omits it (an old record, a free-text "other"), so a share never exceeds 100 %.
 * Consequently the shares of one month need not add up to 100 %.
 *
 * Worked example, March: 4 cancellations; "price" offered in all 4 and picked twice → 2/4 = 50 %;
 * "support" offered only in the 2 flows of the new version and picked once → 1/2 = 50 %, not 1/4.
 */
export function reasonsByMonth(
  cancellations: readonly ReasonCancellation[],
  options: { from: Date; to: Date; timeZone: string; maxMonths?: number },
): ReasonMonth[] {
  const from = options.from instanceof Date ? options.from.getTime() : Number.NaN;
  const to = options.to instanceof Date ? options.to.getTime() : Number.NaN;
  const keys = new Set<string>();
  cancellations.forEach((c, i) => {
    if (typeof c.reasonKey !== 'string') throw new RangeError(`cancellations[${i}].reasonKey is not a string`);
    if (!Array.isArray(c.offeredReasonKeys)) {
      throw new RangeError(`cancellations[${i}].offeredReasonKeys is not an array`);
    }
    const at = c.at instanceof Date ? c.at.getTime() : Number.NaN;
    if (at >= from && at < to) {
      keys.add(c.reasonKey);
      for (const key of c.offeredReasonKeys) keys.add(key);
    }
  });
  const reasonKeys = [...keys].sort();
  const points = timeSeries(
    cancellations,
    { from: options.from, to: options.to, interval: 'month', timeZone: options.timeZone, maxBuckets: options.maxMonths },
    (items) =>
      reasonKeys.map((reasonKey): ReasonMonthCell => {
        let count = 0;
        let offered = 0;
        for (const item of items) {
          const picked = item.reasonKey === reasonKey;
          if (picked) count++;
          if (picked || item.offeredReasonKeys.includes(reasonKey)) offered++;
        }
        if (offered === 0) return { reasonKey, count, offered, share: null, percent: null };
        return { reasonKey, count, offered, share: count / offered, percent: round1((count * 100) / offered) };
      }),
  );
  return points.map((point) => ({
    key: point.key,
    label: point.label,
    start: point.start,
    end: point.end,
    total: point.count,
    reasons: point.value,
  }));
}
