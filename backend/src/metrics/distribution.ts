import { assertCesAnswer, type CesAnswer, type CesScale } from './ces';
import { round1 } from './rounding';
import type { CesScoreCount, ScoreCount } from './score-counts';
import { totalOfCounts } from './score-counts';
import { assertScores } from './validate';

export interface DistributionBin {
  score: number;
  count: number;
  /** count / n in percent, 1 decimal; null when n = 0. */
  percent: number | null;
}

export interface Distribution {
  n: number;
  /** One bin per score value from min to max, empty ones included, in ascending order. */
  bins: DistributionBin[];
}

/** Counts per integer score in [min, max], every value present even when its count is 0. */
export function scoreDistribution(scores: readonly number[], min: number, max: number): Distribution {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) {
    throw new RangeError(`invalid score range ${min}..${max}`);
  }
  assertScores(scores, min, max, 'score');
  const counts = new Array<number>(max - min + 1).fill(0);
  for (const score of scores) counts[score - min]++;
  const n = scores.length;
  return {
    n,
    bins: counts.map((count, i) => ({ score: min + i, count, percent: n === 0 ? null : round1((count * 100) / n) })),
  };
}

/** 0..10 for NPS questions. */
export function npsDistribution(scores: readonly number[]): Distribution {
  return scoreDistribution(scores, 0, 10);
}

/** 1..scaleMax for rating questions (CSAT is ratingDistribution(scores, 5)). */
export function ratingDistribution(scores: readonly number[], scaleMax: number): Distribution {
  return scoreDistribution(scores, 1, scaleMax);
}

/** CES answers split by their own scale, since a 4 of 5 and a 4 of 7 are different bins. */
export function cesDistribution(answers: readonly CesAnswer[]): Record<CesScale, Distribution | null> {
  const scores: Record<CesScale, number[]> = { 5: [], 7: [] };
  answers.forEach((answer, i) => {
    assertCesAnswer(answer, `CES answer[${i}]`);
    scores[answer.scaleMax].push(answer.score);
  });
  return {
    5: scores[5].length ? ratingDistribution(scores[5], 5) : null,
    7: scores[7].length ? ratingDistribution(scores[7], 7) : null,
  };
}

/** scoreDistribution from answers counted per score (e.g. a SQL GROUP BY score): the same bins. */
export function scoreDistributionFromCounts(counts: readonly ScoreCount[], min: number, max: number): Distribution {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) {
    throw new RangeError(`invalid score range ${min}..${max}`);
  }
  const n = totalOfCounts(counts, min, max, 'score');
  const bins = new Array<number>(max - min + 1).fill(0);
  for (const { score, count } of counts) if (count > 0) bins[score - min] += count;
  return {
    n,
    bins: bins.map((count, i) => ({ score: min + i, count, percent: n === 0 ? null : round1((count * 100) / n) })),
  };
}

/** cesDistribution from answers counted per scale and score. */
export function cesDistributionFromCounts(counts: readonly CesScoreCount[]): Record<CesScale, Distribution | null> {
  const byScale: Record<CesScale, CesScoreCount[]> = { 5: [], 7: [] };
  counts.forEach((c, i) => {
    if (c.count === 0) return;
    assertCesAnswer(c, `CES count[${i}]`);
    byScale[c.scaleMax].push(c);
  });
  const on = (scale: CesScale) => (byScale[scale].length ? scoreDistributionFromCounts(byScale[scale], 1, scale) : null);
  return { 5: on(5), 7: on(7) };
}
