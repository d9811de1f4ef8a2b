import { round1 } from '../metrics/rounding';
import { assertCount } from '../metrics/validate';
import { fromCents, toCents } from './money';

export interface CustomerChurnRate {
  atStart: number;
  lost: number;
  /** lost / atStart as a fraction (0..1), unrounded; null when atStart = 0. */
  rate: number | null;
  /** The rate in percent, 1 decimal; null when atStart = 0. */
  percent: number | null;
  /** Unrounded percent; null when atStart = 0. */
  exact: { percent: number } | null;
}

/**
 * Customer churn rate = customers lost during the period / customers at the start of the period.
 *
 * Worked example: 1000 customers at the start, 200 lost → 200 / 1000 = 0.2 = 20 %.
 *
 * `lost` counts only customers who were there at the start (customers acquired and lost inside the
 * period belong to neither number), so lost > atStart is a RangeError rather than a rate above 100 %.
 */
export function customerChurnRate(input: { atStart: number; lost: number }): CustomerChurnRate {
  const { atStart, lost } = input;
  assertCount(atStart, 'atStart');
  assertCount(lost, 'lost');
  if (lost > atStart) throw new RangeError(`lost ${lost} exceeds atStart ${atStart}`);
  if (atStart === 0) return { atStart, lost, rate: null, percent: null, exact: null };
  const percent = (lost * 100) / atStart;
  return { atStart, lost, rate: lost / atStart, percent: round1(percent), exact: { percent } };
}

export interface RevenueChurnRate {
  /** MRR at the start of the period, 2 decimals (from integer cents). */
  mrrAtStart: number;
  /** MRR lost to cancellations and downgrades of customers present at the start, 2 decimals. */
  mrrLost: number;
  mrrAtStartCents: number;
  mrrLostCents: number;
  /** mrrLost / mrrAtStart as a fraction (0..1), unrounded; null when mrrAtStart = 0. */
  rate: number | null;
  /** The rate in percent, 1 decimal; null when mrrAtStart = 0. */
  percent: number | null;
  exact: { percent: number } | null;
}

/**
 * Gross revenue (MRR) churn rate = MRR lost / MRR at the start of the period, computed on integer
 * cents so the ratio is of exact amounts.
 *
 * Worked example: 50,000.00 MRR at the start, 2,500.00 lost → 250 000 / 5 000 000 cents = 0.05 = 5 %.
 *
 * Gross, not net: expansion revenue is not subtracted, so the rate never goes negative, and
 * mrrLost > mrrAtStart is a RangeError.
 */
export function revenueChurnRate(input: { mrrAtStart: number; mrrLost: number }): RevenueChurnRate {
  const mrrAtStartCents = toCents(input.mrrAtStart, 'mrrAtStart');
  const mrrLostCents = toCents(input.mrrLost, 'mrrLost');
  if (mrrLostCents > mrrAtStartCents) {
    throw new RangeError(`mrrLost ${input.mrrLost} exceeds mrrAtStart ${input.mrrAtStart}`);
  }
  const base = {
    mrrAtStart: fromCents(mrrAtStartCents),
    mrrLost: fromCents(mrrLostCents),
    mrrAtStartCents,
    mrrLostCents,
  };
  if (mrrAtStartCents === 0) return { ...base, rate: null, percent: null, exact: null };
  const percent = (mrrLostCents * 100) / mrrAtStartCents;
  return { ...base, rate: mrrLostCents / mrrAtStartCents, percent: round1(percent), exact: { percent } };
}
