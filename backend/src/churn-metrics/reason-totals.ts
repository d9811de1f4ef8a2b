import { round1 } from '../metrics/rounding';
import type { ReasonCancellation } from './reasons-by-month';

export interface ReasonTotal {
  reasonKey: string;
  /** Cancellations that picked this reason. */
  count: number;
  /** Cancellations whose flow offered it (the picked reason always counts as offered). */
  offered: number;
  /** count / offered in percent, 1 decimal; null when never offered. */
  percent: number | null;
}

/**
 * Per-reason totals over a whole period, with the same rule as reasonsByMonth: a reason's share is
 * taken only over the flows that offered it. Sorted by count (most picked first), then key.
 *
 * Worked example: 5 cancellations; "price" offered in all 5 and picked 3 times → 3/5 = 60 %;
 * "support" offered in 2 of them and picked in both → 2/2 = 100 %, not 2/5 = 40 %.
 */
export function reasonTotals(cancellations: readonly ReasonCancellation[]): ReasonTotal[] {
  const counts = new Map<string, { count: number; offered: number }>();
  const cell = (key: string) => {
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { count: 0, offered: 0 }));
    return c;
  };
  cancellations.forEach((c, i) => {
    if (typeof c.reasonKey !== 'string') throw new RangeError(`cancellations[${i}].reasonKey is not a string`);
    if (!Array.isArray(c.offeredReasonKeys)) throw new RangeError(`cancellations[${i}].offeredReasonKeys is not an array`);
    const picked = cell(c.reasonKey);
    picked.count++;
    picked.offered++;
    for (const key of new Set(c.offeredReasonKeys)) if (key !== c.reasonKey) cell(key).offered++;
  });
  return [...counts.entries()]
    .map(([reasonKey, { count, offered }]) => ({
      reasonKey,
      count,
      offered,
      percent: offered === 0 ? null : round1((count * 100) / offered),
    }))
    .sort((a, b) => b.count - a.count || (a.reasonKey < b.reasonKey ? -1 : a.reasonKey > b.reasonKey ? 1 : 0));
}
