import { clampInterval, type Interval, roundInterval } from './interval';
import { Z_95 } from './normal';
import { type ProportionEstimate, proportionEstimate } from './proportion';
import { round2 } from './rounding';
import { type CesScoreCount, countScores, mergeScoreCounts, type ScoreCount } from './score-counts';
import { assertCount, assertScore } from './validate';

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
  answers.forEach((answer, i) => assertCesAnswer(answer, `CES answer[${i}]`));
  const countsOn = (scaleMax: CesScale) =>
    countScores(answers.filter((a) => a.scaleMax === scaleMax).map((a) => a.score)).map((c) => ({ ...c, scaleMax }));
  return cesFromCounts([...countsOn(5), ...countsOn(7)]);
}

/**
 * The same summary from answers counted per scale and score (e.g. a SQL GROUP BY). cesSummary goes through here, so
 * both give the same numbers to the last bit whatever order the answers come in.
 */
export function cesFromCounts(counts: readonly CesScoreCount[]): CesSummary {
  const byScale: Record<CesScale, ScoreCount[]> = { 5: [], 7: [] };
  let agreeing = 0;
  let n = 0;
  counts.forEach((c, i) => {
    assertCount(c.count, `CES count[${i}].count`);
    if (c.count === 0) return;
    assertCesAnswer(c, `CES count[${i}]`);
    byScale[c.scaleMax].push(c);
    if (c.score >= CES_AGREE_MIN[c.scaleMax]) agreeing += c.count;
    n += c.count;
  });
  const five = meanOf(mergeScoreCounts(byScale[5]), 5);
  const seven = meanOf(mergeScoreCounts(byScale[7]), 7);
  return {
    n,
    agree: proportionEstimate(agreeing, n),
    scale: five && seven ? 'mixed' : five ? 5 : seven ? 7 : null,
    byScale: { 5: five, 7: seven },
  };
}

/** Throws a RangeError unless scaleMax is 5 or 7 and score is an integer in 1..scaleMax. */
export function assertCesAnswer(answer: CesAnswer, what = 'CES answer'): void {
  if (answer.scaleMax !== 5 && answer.scaleMax !== 7) {
    throw new RangeError(`${what}.scaleMax is ${String(answer.scaleMax)}; expected 5 or 7`);
  }
  assertScore(answer.score, 1, answer.scaleMax, `${what}.score`);
}

/** Mean and spread of counts merged per score (ascending), so the sums run in one fixed order. */
function meanOf(counts: readonly ScoreCount[], scaleMax: CesScale): CesMean | null {
  const n = counts.reduce((total, c) => total + c.count, 0);
  if (n === 0) return null;
  // Integer sum: exact, so the mean is the correctly rounded quotient.
  const mean = counts.reduce((sum, c) => sum + c.score * c.count, 0) / n;
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
  // Two-pass variance (deviations from the mean, not Σx² − nμ²): numerically stable; one term per score, not per answer.
  const variance = counts.reduce((sum, c) => sum + c.count * (c.score - mean) ** 2, 0) / (n - 1);
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
