import { type Interval, roundInterval } from './interval';
import { Z_95 } from './normal';
import { round1 } from './rounding';
import { assertCount } from './validate';

/**
 * A share of answers (CSAT satisfied, CES agree) with its 95 % Wilson score interval.
 *
 * Wilson rather than the textbook Wald p ± z·√(p(1−p)/n): Wald collapses to a zero-width interval at
 * 0 % and 100 % and spills outside 0..100 for small n, which is exactly where dashboards show small
 * segments. Wilson stays inside 0..100 and is asymmetric around p near the ends.
 */
export interface ProportionEstimate {
  /** Answers counted. */
  n: number;
  /** Answers in the category (satisfied, agree). */
  count: number;
  /** count / n in percent, 1 decimal; null when n = 0. */
  percent: number | null;
  /** Half the width of the Wilson interval, in percentage points, 1 decimal. The interval is not
   * centred on `percent`, so use `interval` for the bounds. Null when n = 0. */
  marginOfError: number | null;
  /** 95 % Wilson interval in percent, 1 decimal; null when n = 0. */
  interval: Interval | null;
  /** Unrounded values (percent units); null when n = 0. */
  exact: { percent: number; marginOfError: number; interval: Interval } | null;
}

/**
 * Wilson score interval for `count` successes out of `n`, as fractions (0..1):
 * centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²).
 */
export function wilsonInterval(count: number, n: number, z: number = Z_95): Interval {
  assertCount(count, 'count');
  assertCount(n, 'n');
  if (n === 0) throw new RangeError('wilsonInterval needs n > 0');
  if (count > n) throw new RangeError(`count ${count} exceeds n ${n}`);
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Float noise can leave 1e-17 outside [0, 1] at p = 0 or 1.
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** The share `count / n` with its 95 % Wilson interval, in percent. */
export function proportionEstimate(count: number, n: number): ProportionEstimate {
  assertCount(count, 'count');
  assertCount(n, 'n');
  if (count > n) throw new RangeError(`count ${count} exceeds n ${n}`);
  if (n === 0) {
    return { n, count, percent: null, marginOfError: null, interval: null, exact: null };
  }
  const wilson = wilsonInterval(count, n);
  const exact = {
    percent: (count * 100) / n,
    marginOfError: ((wilson.upper - wilson.lower) / 2) * 100,
    interval: { lower: wilson.lower * 100, upper: wilson.upper * 100 },
  };
  return {
    n,
    count,
    percent: round1(exact.percent),
    marginOfError: round1(exact.marginOfError),
    interval: roundInterval(exact.interval, round1),
    exact,
  };
}
