import type { NewWarning } from './customer-warnings.repository';
import type { WarningRule } from './warning-rules';

/** How far before a cancellation a warning still counts as "warned first", and after one as not a false alarm. */
export const WARNING_HORIZON_DAYS = 90;
const DAY = 86_400_000;

export interface BacktestResult {
  from: string;
  to: string;
  /** Customers who cancelled within the period. */
  cancelled: number;
  /** Of those, warned in the WARNING_HORIZON_DAYS before they cancelled. */
  warnedFirst: number;
  share: number;
  /** Days between the first warning (within the horizon) and the cancellation. */
  medianDaysBefore: number | null;
  p25DaysBefore: number | null;
  /** Customers warned at all. */
  warnedCustomers: number;
  /** Warned customers who did not cancel within WARNING_HORIZON_DAYS of any of their warnings (judged only for warnings that old). */
  falseAlarms: number;
  falseAlarmShare: number;
  byRule: Record<WarningRule, { warnings: number; warnedFirst: number }>;
}

const quantile = (sorted: number[], q: number): number | null => {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return Math.round((sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)) * 10) / 10;
};

/** Measures a replayed warning history against who cancelled and when (first cancellation per customer). */
export function backtest(warnings: readonly NewWarning[], cancelledAt: ReadonlyMap<string, Date>, from: Date, to: Date): BacktestResult {
  const byCustomer = new Map<string, NewWarning[]>();
  for (const w of warnings) byCustomer.set(w.customerExternalId, [...(byCustomer.get(w.customerExternalId) ?? []), w]);
  const byRule = {
    rhythm_break: { warnings: 0, warnedFirst: 0 },
    payments_stopped: { warnings: 0, warnedFirst: 0 },
    usage_drop: { warnings: 0, warnedFirst: 0 },
    rfm_at_risk: { warnings: 0, warnedFirst: 0 },
  };
  for (const w of warnings) byRule[w.rule].warnings += 1;

  let cancelled = 0;
  const daysBefore: number[] = [];
  for (const [customer, at] of cancelledAt) {
    if (at < from || at > to) continue;
    cancelled += 1;
    const before = (byCustomer.get(customer) ?? []).filter(
      (w) => w.raisedAt.getTime() < at.getTime() && w.raisedAt.getTime() >= at.getTime() - WARNING_HORIZON_DAYS * DAY,
    );
    if (before.length === 0) continue;
    daysBefore.push((at.getTime() - Math.min(...before.map((w) => w.raisedAt.getTime()))) / DAY);
    for (const rule of new Set(before.map((w) => w.rule))) byRule[rule].warnedFirst += 1;
  }

  let falseAlarms = 0;
  const judgedBy = to.getTime() - WARNING_HORIZON_DAYS * DAY;
  for (const [customer, list] of byCustomer) {
    const judged = list.filter((w) => w.raisedAt.getTime() <= judgedBy);
    if (judged.length === 0) continue;
    const at = cancelledAt.get(customer)?.getTime();
    const followed =
      at !== undefined && judged.some((w) => at > w.raisedAt.getTime() && at - w.raisedAt.getTime() <= WARNING_HORIZON_DAYS * DAY);
    if (!followed) falseAlarms += 1;
  }

  daysBefore.sort((a, b) => a - b);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    cancelled,
    warnedFirst: daysBefore.length,
    share: cancelled ? Math.round((daysBefore.length / cancelled) * 1000) / 1000 : 0,
    medianDaysBefore: quantile(daysBefore, 0.5),
    p25DaysBefore: quantile(daysBefore, 0.25),
    warnedCustomers: byCustomer.size,
    falseAlarms,
    falseAlarmShare: byCustomer.size ? Math.round((falseAlarms / byCustomer.size) * 1000) / 1000 : 0,
    byRule,
  };
}
