import type { CesScale, CesSummary } from './ces';
import type { CsatSummary } from './csat';
import { ALPHA, twoSidedPValue } from './normal';
import type { NpsSummary } from './nps';
import { round1, round2 } from './rounding';
import { assertCount } from './validate';

/** Below this many answers on either side a change is never called significant. */
export const DEFAULT_MIN_N = 30;

export interface ComparisonOptions {
  /** Minimum answers on each side before `significant` can be true; default 30. */
  minN?: number;
}

/**
 * Why `significant` was not decided by the test alone:
 * - 'insufficient-sample': a side has fewer than minN answers (or none, or too few for a variance);
 * - 'zero-variance': every answer on each side is alike and the sides differ, so SE = 0 and z is
 *   undefined; the difference is reported as significant with pValue 0 and zScore null.
 */
export type ComparisonReason = 'insufficient-sample' | 'zero-variance';

/** A metric in the current period against the previous one. */
export interface Comparison {
  /** Metric value now, rounded like the metric (NPS points, percent, or mean 2 decimals); null when n = 0. */
  current: number | null;
  previous: number | null;
  /** current − previous (points, percentage points, or scale points); null when a side is empty. */
  change: number | null;
  /** change / SE; null when a side is empty or SE = 0 with a non-zero change. */
  zScore: number | null;
  /** Two-sided p-value from the standard normal; null when it cannot be computed. */
  pValue: number | null;
  /** pValue < 0.05 and both sides have at least minN answers. */
  significant: boolean;
  reason: ComparisonReason | null;
  n: { current: number; previous: number };
  minN: number;
  /** Unrounded values, in the same units; null when a side is empty. */
  exact: { current: number; previous: number; change: number; standardError: number | null } | null;
}

/**
 * NPS change with a z-test: SE = √(Var₁ + Var₂) with Var = (p + d − (p − d)²)/n for each period
 * (independent samples), z = ΔNPS / SE.
 */
export function compareNps(current: NpsSummary, previous: NpsSummary, options: ComparisonOptions = {}): Comparison {
  const se = current.exact && previous.exact ? Math.sqrt(current.exact.variance + previous.exact.variance) * 100 : null;
  return decide(current.exact?.nps ?? null, previous.exact?.nps ?? null, se, current.n, previous.n, minNOf(options), round1);
}

/** CSAT change with a two-proportion z-test (see compareProportions). */
export function compareCsat(current: CsatSummary, previous: CsatSummary, options: ComparisonOptions = {}): Comparison {
  return compareProportions({ count: current.satisfied, n: current.n }, { count: previous.satisfied, n: previous.n }, options);
}

/** CES % agree change with a two-proportion z-test (agree is per answer, so scales may be mixed). */
export function compareCesAgree(current: CesSummary, previous: CesSummary, options: ComparisonOptions = {}): Comparison {
  return compareProportions(
    { count: current.agree.count, n: current.agree.n },
    { count: previous.agree.count, n: previous.agree.n },
    options,
  );
}

/**
 * CES mean change on one scale (means of different scales are never compared). n counts only the
 * answers on that scale.
 */
export function compareCesMean(current: CesSummary, previous: CesSummary, scaleMax: CesScale, options: ComparisonOptions = {}): Comparison {
  const side = (summary: CesSummary): MeanInput => {
    const mean = summary.byScale[scaleMax];
    if (!mean) return { mean: 0, variance: null, n: 0 };
    return { mean: mean.exact.mean, variance: mean.exact.variance, n: mean.n };
  };
  return compareMeans(side(current), side(previous), options);
}

export interface ProportionInput {
  count: number;
  n: number;
}

/**
 * Two-proportion z-test, values in percent. The test uses the pooled SE √(p̄(1 − p̄)(1/n₁ + 1/n₂)),
 * p̄ = (x₁ + x₂)/(n₁ + n₂): the standard choice, as under H₀ (p₁ = p₂) both sides share one p.
 */
export function compareProportions(current: ProportionInput, previous: ProportionInput, options: ComparisonOptions = {}): Comparison {
  for (const [name, side] of [
    ['current', current],
    ['previous', previous],
  ] as const) {
    assertCount(side.count, `${name}.count`);
    assertCount(side.n, `${name}.n`);
    if (side.count > side.n) throw new RangeError(`${name}.count exceeds ${name}.n`);
  }
  const share = (side: ProportionInput): number | null => (side.n ? (side.count * 100) / side.n : null);
  let se: number | null = null;
  if (current.n && previous.n) {
    const pooled = (current.count + previous.count) / (current.n + previous.n);
    se = Math.sqrt(pooled * (1 - pooled) * (1 / current.n + 1 / previous.n)) * 100;
  }
  return decide(share(current), share(previous), se, current.n, previous.n, minNOf(options), round1);
}

export interface MeanInput {
  mean: number;
  /** Sample variance (n − 1 denominator); null when n < 2. */
  variance: number | null;
  n: number;
}

/**
 * Difference of two means, Welch style: SE = √(s₁²/n₁ + s₂²/n₂), z = Δ / SE, p from the standard
 * normal instead of Student's t with Welch–Satterthwaite degrees of freedom. With n ≥ 30 on each side
 * (the default minN) the t and normal p-values differ by little (at t = 2.0 and 58 degrees of freedom,
 * 0.050 against 0.046); lowering minN makes this test optimistic.
 */
export function compareMeans(current: MeanInput, previous: MeanInput, options: ComparisonOptions = {}): Comparison {
  assertCount(current.n, 'current.n');
  assertCount(previous.n, 'previous.n');
  const se =
    current.variance !== null && previous.variance !== null && current.n >= 2 && previous.n >= 2
      ? Math.sqrt(current.variance / current.n + previous.variance / previous.n)
      : null;
  return decide(current.n ? current.mean : null, previous.n ? previous.mean : null, se, current.n, previous.n, minNOf(options), round2);
}

function minNOf(options: ComparisonOptions): number {
  const minN = options.minN ?? DEFAULT_MIN_N;
  if (!Number.isInteger(minN) || minN < 1) throw new RangeError(`minN is ${String(minN)}; expected an integer ≥ 1`);
  return minN;
}

/** Shared z-test bookkeeping; `standardError` is null when it cannot be computed. */
function decide(
  current: number | null,
  previous: number | null,
  standardError: number | null,
  nCurrent: number,
  nPrevious: number,
  minN: number,
  round: (value: number) => number,
): Comparison {
  const base = { n: { current: nCurrent, previous: nPrevious }, minN };
  const enough = nCurrent >= minN && nPrevious >= minN;
  if (current === null || previous === null) {
    return {
      current: current === null ? null : round(current),
      previous: previous === null ? null : round(previous),
      change: null,
      zScore: null,
      pValue: null,
      significant: false,
      reason: 'insufficient-sample',
      ...base,
      exact: null,
    };
  }
  const change = current - previous;
  let zScore: number | null = null;
  let pValue: number | null = null;
  let zeroVariance = false;
  if (standardError !== null && standardError > 0) {
    zScore = change / standardError;
    pValue = twoSidedPValue(zScore);
  } else if (standardError === 0) {
    // Every answer alike on both sides: identical sides are no change, differing sides a certain one.
    zeroVariance = change !== 0;
    zScore = zeroVariance ? null : 0;
    pValue = zeroVariance ? 0 : 1;
  }
  const significant = enough && pValue !== null && pValue < ALPHA;
  return {
    current: round(current),
    previous: round(previous),
    change: round(change),
    zScore,
    pValue,
    significant,
    reason: !enough || pValue === null ? 'insufficient-sample' : zeroVariance ? 'zero-variance' : null,
    ...base,
    exact: { current, previous, change, standardError },
  };
}
