import type { LifecycleStage } from '../customers/customers.dto';
import { assertCount } from '../metrics/validate';

const DAY_MS = 86_400_000;

export type FunnelStatus = 'new' | 'one_purchase' | 'repeat' | 'lost_after_one_purchase' | 'lost_after_long_cooperation' | 'lost_early';

export interface FunnelThresholds {
  /** Orders from which a customer is a repeat customer; default 3. */
  repeatOrders: number;
  /** Orders that make a lost customer's cooperation long; default 3. */
  longCooperationOrders: number;
  /** Days from firstSeenAt to lostAt that make cooperation long; default 180. */
  longCooperationDays: number;
}

export const DEFAULT_FUNNEL_THRESHOLDS: FunnelThresholds = {
  repeatOrders: 3,
  longCooperationOrders: 3,
  longCooperationDays: 180,
};

export interface FunnelInput {
  orderCount: number;
  lifecycleStage: LifecycleStage;
  firstSeenAt: Date;
  lostAt: Date | null;
  now: Date;
}

/**
 * Where a customer stands in the purchase funnel.
 *
 * Lost = lostAt is set and not after `now`, or lifecycleStage is 'left' (a cancellation flow sets it;
 * the loss is then dated `now` when lostAt is missing). A lostAt in the future is not a loss yet.
 *
 * Lost customers, first rule that matches:
 *   1. long cooperation — orderCount ≥ 3, or ≥ 180 days (24-hour days) from firstSeenAt to the loss
 *      → 'lost_after_long_cooperation'. Checked first, so a one-order subscriber of a year is a
 *      long-cooperation loss.
 *   2. exactly one order → 'lost_after_one_purchase' (the first purchase did not convince them).
 *   3. otherwise → 'lost_early': no order, or 2 orders, within the first 180 days.
 *
 * Customers not lost:
 *   orderCount ≥ 3, or lifecycleStage 'repeat' → 'repeat';
 *   1–2 orders → 'one_purchase' (has bought, not yet a regular);
 *   0 orders → 'new'.
 *
 * Worked examples: 5 orders, lost → long cooperation; 1 order, lost after 30 days → after one purchase;
 * 1 order, lost after 200 days → long cooperation; 0 orders, lost after 10 days → lost early.
 */
export function funnelStatus(input: FunnelInput, thresholds: FunnelThresholds = DEFAULT_FUNNEL_THRESHOLDS): FunnelStatus {
  const { orderCount, lifecycleStage } = input;
  assertCount(orderCount, 'orderCount');
  assertCount(thresholds.repeatOrders, 'repeatOrders');
  assertCount(thresholds.longCooperationOrders, 'longCooperationOrders');
  if (!Number.isFinite(thresholds.longCooperationDays) || thresholds.longCooperationDays < 0) {
    throw new RangeError(`longCooperationDays is ${String(thresholds.longCooperationDays)}; expected a non-negative number`);
  }
  const now = validTime(input.now, 'now');
  const first = validTime(input.firstSeenAt, 'firstSeenAt');
  const lostAt = input.lostAt === null ? null : validTime(input.lostAt, 'lostAt');
  if (lostAt !== null && lostAt < first) throw new RangeError('lostAt is before firstSeenAt');

  const lostAtOrBefore = lostAt !== null && lostAt <= now;
  if (lostAtOrBefore || lifecycleStage === 'left') {
    const lostMs = lostAtOrBefore ? lostAt : now;
    const tenureDays = (lostMs - first) / DAY_MS;
    if (orderCount >= thresholds.longCooperationOrders || tenureDays >= thresholds.longCooperationDays) {
      return 'lost_after_long_cooperation';
    }
    if (orderCount === 1) return 'lost_after_one_purchase';
    return 'lost_early';
  }
  if (orderCount >= thresholds.repeatOrders || lifecycleStage === 'repeat') return 'repeat';
  if (orderCount >= 1) return 'one_purchase';
  return 'new';
}

function validTime(value: Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not a valid Date`);
  return ms;
}
