const DAY_MS = 86_400_000;

export interface InactivityCustomer {
  externalId: string;
  /** Last activity (purchase, login, answer). */
  lastSeenAt: Date;
  /** Set when the customer cancelled explicitly; such customers are churned, not inactive. */
  cancelledAt?: Date | null;
}

export interface InactiveEntry {
  externalId: string;
  lastSeenAt: Date;
  /** Whole 24-hour days since lastSeenAt (floor). */
  daysInactive: number;
}

export interface InactiveCustomers {
  /** Inactive for ≥ sleepingDays but < inactiveDays and not cancelled: about to be lost, reactivate. */
  sleeping: InactiveEntry[];
  /** Inactive for ≥ inactiveDays and not cancelled: lost by inactivity (silent churn). */
  lostByInactivity: InactiveEntry[];
  /** Not cancelled and seen less than sleepingDays ago (or after `now`). */
  active: number;
  /** Customers with cancelledAt set, left out of both lists whatever their activity. */
  cancelled: number;
  thresholds: { sleepingDays: number; inactiveDays: number };
}

/**
 * Splits customers who did not cancel by how long they have been silent:
 *
 *   idle < sleepingDays                  → active (counted only)
 *   sleepingDays ≤ idle < inactiveDays   → sleeping
 *   idle ≥ inactiveDays                  → lostByInactivity
 *
 * idle = now − lastSeenAt in elapsed time, 24-hour days (no calendar or time zone: 90 days is
 * 90 × 24 h). Both bounds are inclusive at the lower end, so a customer idle exactly 90 days with
 * inactiveDays = 90 is lost. sleepingDays defaults to inactiveDays / 2 (45 of 90) and may be
 * fractional; with sleepingDays = inactiveDays nobody is sleeping.
 *
 * Any customer with cancelledAt is excluded (explicit churn is measured by the cancellation metrics).
 * Lists are ordered longest-idle first, the order a reactivation campaign works through.
 *
 * Worked example, now = 1 Apr, inactiveDays = 90 (sleeping from 45): seen 1 Mar (31 d) → active,
 * seen 1 Feb (60 d) → sleeping, seen 1 Dec (121 d) → lost, cancelled on 10 Mar → excluded.
 */
export function inactiveCustomers(
  customers: readonly InactivityCustomer[],
  now: Date,
  inactiveDays: number,
  sleepingDays: number = inactiveDays / 2,
): InactiveCustomers {
  const nowMs = now instanceof Date ? now.getTime() : Number.NaN;
  if (Number.isNaN(nowMs)) throw new RangeError('now must be a valid Date');
  if (!Number.isFinite(inactiveDays) || inactiveDays <= 0) {
    throw new RangeError(`inactiveDays is ${String(inactiveDays)}; expected a positive number`);
  }
  if (!Number.isFinite(sleepingDays) || sleepingDays <= 0 || sleepingDays > inactiveDays) {
    throw new RangeError(`sleepingDays is ${String(sleepingDays)}; expected a number in (0, ${inactiveDays}]`);
  }
  const sleepingMs = sleepingDays * DAY_MS;
  const inactiveMs = inactiveDays * DAY_MS;
  const sleeping: InactiveEntry[] = [];
  const lostByInactivity: InactiveEntry[] = [];
  let active = 0;
  let cancelled = 0;
  customers.forEach((customer, i) => {
    const seen = customer.lastSeenAt instanceof Date ? customer.lastSeenAt.getTime() : Number.NaN;
    if (Number.isNaN(seen)) throw new RangeError(`customers[${i}].lastSeenAt is not a valid Date`);
    if (customer.cancelledAt != null) {
      if (!(customer.cancelledAt instanceof Date) || Number.isNaN(customer.cancelledAt.getTime())) {
        throw new RangeError(`customers[${i}].cancelledAt is not a valid Date`);
      }
      cancelled++;
      return;
    }
    const idle = nowMs - seen;
    const entry = { externalId: customer.externalId, lastSeenAt: customer.lastSeenAt, daysInactive: Math.floor(idle / DAY_MS) };
    if (idle >= inactiveMs) lostByInactivity.push(entry);
    else if (idle >= sleepingMs) sleeping.push(entry);
    else active++;
  });
  const longestIdleFirst = (a: InactiveEntry, b: InactiveEntry) => a.lastSeenAt.getTime() - b.lastSeenAt.getTime();
  sleeping.sort(longestIdleFirst);
  lostByInactivity.sort(longestIdleFirst);
  return { sleeping, lostByInactivity, active, cancelled, thresholds: { sleepingDays, inactiveDays } };
}
