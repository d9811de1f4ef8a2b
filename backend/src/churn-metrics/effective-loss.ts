const DAY_MS = 86_400_000;

export type LossCause = 'cancelled' | 'inactive';

export interface EffectiveLoss {
  /** When the customer counts as lost; null while still a customer (as of `asOf`). */
  lostAt: Date | null;
  cause: LossCause | null;
}

/**
 * When a customer counts as lost, explicit or silent: their first cancellation, or the moment they
 * had been inactive for `inactiveDays` (lastSeenAt + inactiveDays × 24 h), whichever came first, as
 * long as it is not after `asOf`. A loss is never dated before firstSeenAt (imported histories can
 * carry a cancellation older than the customer record): it is moved to firstSeenAt.
 *
 * Only the current lastSeenAt is known, so a customer who was silent for a while and came back is
 * not counted as lost in the past: the rule looks at their latest activity only.
 *
 * Worked example, inactiveDays 90, asOf 1 Jun: last seen 1 Jan, no cancellation → lost 1 Apr
 * (inactive); last seen 1 Jan, cancelled 10 Feb → lost 10 Feb (cancelled); last seen 1 May → not lost.
 */
export function effectiveLoss(
  customer: { firstSeenAt: Date; lastSeenAt: Date; cancelledAt: Date | null },
  inactiveDays: number,
  asOf: Date,
): EffectiveLoss {
  const first = time(customer.firstSeenAt, 'firstSeenAt');
  const seen = time(customer.lastSeenAt, 'lastSeenAt');
  const now = time(asOf, 'asOf');
  if (!Number.isFinite(inactiveDays) || inactiveDays <= 0) {
    throw new RangeError(`inactiveDays is ${String(inactiveDays)}; expected a positive number`);
  }
  const cancelled = customer.cancelledAt === null ? null : time(customer.cancelledAt, 'cancelledAt');
  const inactive = Math.max(seen, first) + inactiveDays * DAY_MS;
  let at: number | null = null;
  let cause: LossCause | null = null;
  if (cancelled !== null && cancelled <= now) {
    at = cancelled;
    cause = 'cancelled';
  }
  if (inactive <= now && (at === null || inactive < at)) {
    at = inactive;
    cause = 'inactive';
  }
  return at === null ? { lostAt: null, cause: null } : { lostAt: new Date(Math.max(at, first)), cause };
}

function time(value: Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not a valid Date`);
  return ms;
}

export interface PeriodLosses {
  /** Customers first seen before `from` and not lost before it. */
  atStart: number;
  /** Of those, lost in [from, to). */
  lost: number;
}

/**
 * The customer-churn base of a period with silent churn included: who was there at `from` and who of
 * them was lost (by cancellation or inactivity, see effectiveLoss) before `to`. Customers who arrive
 * during the period count in neither number, as in customerChurnRate.
 *
 * Worked example, period March: A first seen in January, still there; B first seen in January, lost
 * 10 March; C lost 20 February; D first seen 5 March and lost 20 March → atStart 2 (A, B), lost 1 (B).
 */
export function lossesInPeriod(customers: readonly { firstSeenAt: Date; lostAt: Date | null }[], from: Date, to: Date): PeriodLosses {
  const start = time(from, 'from');
  const end = time(to, 'to');
  let atStart = 0;
  let lost = 0;
  customers.forEach((c, i) => {
    const first = time(c.firstSeenAt, `customers[${i}].firstSeenAt`);
    const lostAt = c.lostAt === null ? null : time(c.lostAt, `customers[${i}].lostAt`);
    if (first >= start || (lostAt !== null && lostAt < start)) return;
    atStart++;
    if (lostAt !== null && lostAt < end) lost++;
  });
  return { atStart, lost };
}
