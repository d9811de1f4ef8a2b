import type { FunnelStatus } from './funnel';

export const FUNNEL_STATUSES: readonly FunnelStatus[] = [
  'new',
  'one_purchase',
  'repeat',
  'lost_early',
  'lost_after_one_purchase',
  'lost_after_long_cooperation',
];

export const LOST_STATUSES: readonly FunnelStatus[] = ['lost_early', 'lost_after_one_purchase', 'lost_after_long_cooperation'];

export interface FunnelCount {
  status: FunnelStatus;
  count: number;
}

export interface LostByReason {
  status: FunnelStatus;
  /** Lost customers with this status. */
  total: number;
  /** Per reason key (a cancellation reason, "inactive", or "unknown"), most frequent first, then by key. */
  reasons: { reasonKey: string; count: number }[];
}

export interface FunnelBreakdown {
  /** Every status in funnel order, zeros included. */
  statuses: FunnelCount[];
  /** Lost customers of the period per lost status (all three, zeros included) and reason. */
  lost: LostByReason[];
}

/**
 * Counts customers per funnel status and groups the period's lost customers by status × reason, so
 * "lost after one purchase because of price" can be told from "lost after years because they moved".
 *
 * `lostInPeriod` marks the customers whose loss falls in the reported period; `reasonKey` is their
 * cancellation reason, "inactive" for silent churn, or null (counted as "unknown").
 *
 * Worked example: 2 new, 1 repeat, and 3 lost in the period — one-purchase/price, one-purchase/price,
 * long/moved → new 2, repeat 1, lost_after_one_purchase 2 {price 2}, lost_after_long_cooperation 1 {moved 1}.
 */
export function funnelBreakdown(
  customers: readonly { status: FunnelStatus; lostInPeriod: boolean; reasonKey: string | null }[],
): FunnelBreakdown {
  const counts = new Map<FunnelStatus, number>(FUNNEL_STATUSES.map((s) => [s, 0]));
  const lost = new Map<FunnelStatus, Map<string, number>>(LOST_STATUSES.map((s) => [s, new Map()]));
  customers.forEach((c, i) => {
    const count = counts.get(c.status);
    if (count === undefined) throw new RangeError(`customers[${i}].status "${String(c.status)}" is not a funnel status`);
    counts.set(c.status, count + 1);
    const reasons = lost.get(c.status);
    if (!c.lostInPeriod || !reasons) return;
    const key = c.reasonKey ?? 'unknown';
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  });
  return {
    statuses: FUNNEL_STATUSES.map((status) => ({ status, count: counts.get(status)! })),
    lost: LOST_STATUSES.map((status) => {
      const reasons = [...lost.get(status)!.entries()]
        .map(([reasonKey, count]) => ({ reasonKey, count }))
        .sort((a, b) => b.count - a.count || (a.reasonKey < b.reasonKey ? -1 : 1));
      return { status, total: reasons.reduce((sum, r) => sum + r.count, 0), reasons };
    }),
  };
}
