import { clampInterval, type Interval, roundInterval } from './interval';
import { Z_95 } from './normal';
import { type ProportionEstimate, proportionEstimate } from './proportion';
import { round2 } from './rounding';
import { assertScore } from './validate';

/** CES scales in use; the scale is stored with each answer because surveys may change it. */
export type CesScale = 5 | 7;

export interface CesAnswer {
  /** 1..scaleMax. */
  score: number;
  scaleMax: CesScale;
}

/** Mean effort score of the answers on one scale. */
export interface CesMean {
  scaleMax: CesScale;
  n: number;
  /** 2 decimals. */
  mean: number;
  /** Sample standard deviation (n − 1), 2 decimals; null when n < 2. */
  standardDeviation: number | null;
  /** 1.96 · s/√n, 2 decimals; null when n < 2. */
  marginOfError: number | null;
  /** mean ± marginOfError clamped to 1..scaleMax, 2 decimals; null when n < 2. */
  interval: Interval | null;
  exact: {
    mean: number;
    /** Sample variance s² (n − 1 denominator); null when n < 2. Welch tests use it. */
    variance: number | null;
    standardDeviation: number | null;
    marginOfError: number | null;
    interval: Interval | null;
  };
}

export interface CesSummary {
  /** All answers, every scale. */
  n: number;
  /** Share agreeing (5–7 on 1–7, 4–5 on 1–5), pooled over scales, with a 95 % Wilson interval. */
  agree: ProportionEstimate;
  /** The one scale present, 'mixed' when both are, null when there are no answers. */
  scale: CesScale | 'mixed' | null;
  /** Mean per scale; null for a scale with no answers. Never pooled across scales. */
  byScale: Record<CesScale, CesMean | null>;
}

/** Lowest score that counts as "agree" (low effort) on each scale. */
export const CES_AGREE_MIN: Readonly<Record<CesScale, number>> = { 5: 4, 7: 5 };

/**
 * CES from answers that carry their own scale.
 *
 * % agree is decided per answer by its own scale, so it can be pooled across scales. Means are not:
 * a 4 on 1–5 and a 4 on 1–7 mean different things, and mapping one scale linearly onto the other
 * assumes equal spacing of differently worded anchors, which nobody has measured for our surveys. So
 * means are reported per scale, and the headline for a mixed survey is % agree.
 *
 * The margin of the mean uses z = 1.96 (normal approximation); for n below ~30 a Student t quantile
 * would give a somewhat wider interval.
 */
export function cesSummary(answers: readonly CesAnswer[]): CesSummary {
  const byScaleScores: Record<CesScale, number[]> = { 5: [], 7: [] };
  let agreeing = 0;
  answers.forEach((answer, i) => {
    assertCesAnswer(answer, `CES answer[${i}]`);
    byScaleScores[answer.scaleMax].push(answer.score);
    if (answer.score >= CES_AGREE_MIN[answer.scaleMax]) agreeing++;
  });
  const five = byScaleScores[5].length;
  const seven = byScaleScores[7].length;
  return {
    n: answers.length,
    agree: proportionEstimate(agreeing, answers.length),
    scale: five && seven ? 'mixed' : five ? 5 : seven ? 7 : null,
    byScale: { 5: meanOf(byScaleScores[5], 5), 7: meanOf(byScaleScores[7], 7) },
  };
}

/** Throws a RangeError unless scaleMax is 5 or 7 and score is an integer in 1..scaleMax. */
export function assertCesAnswer(answer: CesAnswer, what = 'CES answer'): void {
  if (answer.scaleMax !== 5 && answer.scaleMax !== 7) {
    throw new RangeError(`${what}.scaleMax is ${String(answer.scaleMax)}; expected 5 or 7`);
  }
  assertScore(answer.score, 1, answer.scaleMax, `${what}.score`);
}

function meanOf(scores: readonly number[], scaleMax: CesScale): CesMean | null {
  const n = scores.length;
  if (n === 0) return null;
  const mean = scores.reduce((sum, score) => sum + score, 0) / n;
  if (n < 2) {
    return {
      scaleMax,
      n,
      mean: round2(mean),
      standardDeviation: null,
      marginOfError: null,
      interval: null,
      exact: { mean, variance: null, standardDeviation: null, marginOfError: null, interval: null },
    };
  }
  // Two-pass variance: numerically stable and exact enough for small integer scores.
  const variance = scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / (n - 1);
  const standardDeviation = Math.sqrt(variance);
  const marginOfError = (Z_95 * standardDeviation) / Math.sqrt(n);
  const interval = clampInterval(mean - marginOfError, mean + marginOfError, 1, scaleMax);
  return {
    scaleMax,
    n,
    mean: round2(mean),
    standardDeviation: round2(standardDeviation),
    marginOfError: round2(marginOfError),
    interval: roundInterval(interval, round2),
    exact: { mean, variance, standardDeviation, marginOfError, interval },
  };
}
