import { clampInterval, type Interval, roundInterval } from './interval';
import { Z_95 } from './normal';
import { round2 } from './rounding';

/** Moments of a sample computed elsewhere (e.g. avg() and var_samp() in SQL). */
export interface SampleMoments {
  n: number;
  /** Null when n = 0. */
  mean: number | null;
  /** Sample variance (n − 1 denominator); null when n < 2. */
  variance: number | null;
}

export interface MeanEstimate {
  n: number;
  /** 2 decimals; null when n = 0. */
  mean: number | null;
  /** 2 decimals; null when n < 2. */
  standardDeviation: number | null;
  /** 1.96 · s/√n, 2 decimals; null when n < 2. */
  marginOfError: number | null;
  /** mean ± marginOfError clamped to the scale, 2 decimals; null when n < 2. */
  interval: Interval | null;
}

/**
 * A mean score on a [min, max] scale with its 95 % margin of error (normal approximation, as CES means use), from
 * moments the database already aggregated, so no rows are loaded to compute it.
 */
export function meanEstimate(moments: SampleMoments, min: number, max: number): MeanEstimate {
  const { n, mean, variance } = moments;
  if (n === 0 || mean === null) return { n, mean: null, standardDeviation: null, marginOfError: null, interval: null };
  if (n < 2 || variance === null) return { n, mean: round2(mean), standardDeviation: null, marginOfError: null, interval: null };
  const standardDeviation = Math.sqrt(Math.max(0, variance));
  const marginOfError = (Z_95 * standardDeviation) / Math.sqrt(n);
  return {
    n,
    mean: round2(mean),
    standardDeviation: round2(standardDeviation),
    marginOfError: round2(marginOfError),
    interval: roundInterval(clampInterval(mean - marginOfError, mean + marginOfError, min, max), round2),
  };
}
