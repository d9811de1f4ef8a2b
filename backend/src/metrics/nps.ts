import { clampInterval, type Interval, roundInterval } from './interval';
import { Z_95 } from './normal';
import { round1 } from './rounding';
import { type ScoreCount, totalOfCounts } from './score-counts';
import { assertScore, assertScores } from './validate';

/** Promoter (9–10), passive (7–8) or detractor (0–6). */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export interface NpsSummary {
  /** Answered responses (skipped questions are not passed in). */
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** %promoters − %detractors, in points (−100..100), 1 decimal; null when n = 0. */
  nps: number | null;
  /** 95 % margin of error in points, 1 decimal; null when n = 0. */
  marginOfError: number | null;
  /** nps ± marginOfError, clamped to −100..100, 1 decimal; null when n = 0. */
  interval: Interval | null;
  /** Unrounded values; null when n = 0. */
  exact: NpsExact | null;
}

export interface NpsExact {
  nps: number;
  /** Variance of NPS as a fraction (−1..1): (p + d − (p − d)²) / n. Significance tests add these. */
  variance: number;
  marginOfError: number;
  interval: Interval;
}

/** Category of one 0–10 answer. Throws a RangeError outside 0–10 or for a non-integer. */
export function npsCategory(score: number): NpsCategory {
  assertScore(score, 0, 10, 'score');
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/**
 * NPS with its 95 % margin of error from 0–10 answers.
 *
 * NPS is a difference of two proportions from one multinomial sample: with p = promoters/n and
 * d = detractors/n, Var(p − d) = (p + d − (p − d)²) / n, and MoE = 1.96·√Var·100 points (normal
 * approximation). The approximation is poor for small n or near ±100: an all-promoter sample gets a
 * margin of 0 even at n = 3, so read margins with n, and let significance tests apply a minimum n.
 */
export function npsSummary(scores: readonly number[]): NpsSummary {
  assertScores(scores, 0, 10, 'NPS score');
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const score of scores) {
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  }
  return npsFromCounts({ promoters, passives, detractors });
}

/** The same summary from answers counted per 0–10 score (e.g. a SQL GROUP BY score); equal to npsSummary of the answers. */
export function npsFromScoreCounts(counts: readonly ScoreCount[]): NpsSummary {
  totalOfCounts(counts, 0, 10, 'NPS score');
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const { score, count } of counts) {
    if (score >= 9) promoters += count;
    else if (score >= 7) passives += count;
    else detractors += count;
  }
  return npsFromCounts({ promoters, passives, detractors });
}

/** The same summary from pre-aggregated counts (e.g. a SQL GROUP BY). */
export function npsFromCounts(counts: { promoters: number; passives: number; detractors: number }): NpsSummary {
  const { promoters, passives, detractors } = counts;
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`${name} is ${String(value)}; expected a non-negative integer`);
    }
  }
  const n = promoters + passives + detractors;
  if (n === 0) {
    return { n, promoters, passives, detractors, nps: null, marginOfError: null, interval: null, exact: null };
  }
  const p = promoters / n;
  const d = detractors / n;
  // Integer arithmetic first keeps e.g. 20 exactly 20 rather than 19.999999999999996.
  const nps = ((promoters - detractors) * 100) / n;
  // max(0, …) guards against −1e-18 from float noise when every answer is in one category.
  const variance = Math.max(0, (p + d - (p - d) ** 2) / n);
  const marginOfError = Z_95 * Math.sqrt(variance) * 100;
  const interval = clampInterval(nps - marginOfError, nps + marginOfError, -100, 100);
  return {
    n,
    promoters,
    passives,
    detractors,
    nps: round1(nps),
    marginOfError: round1(marginOfError),
    interval: roundInterval(interval, round1),
    exact: { nps, variance, marginOfError, interval },
  };
}
