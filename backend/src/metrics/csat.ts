import { proportionEstimate } from './proportion';
import type { Interval } from './interval';
import { countAtLeast, type ScoreCount, totalOfCounts } from './score-counts';
import { assertScores } from './validate';

export interface CsatSummary {
  /** Answered responses on the 1–5 scale. */
  n: number;
  /** Answers of 4 or 5. */
  satisfied: number;
  /** satisfied / n in percent, 1 decimal; null when n = 0. */
  csat: number | null;
  /** Half-width of the 95 % Wilson interval, percentage points, 1 decimal; null when n = 0. */
  marginOfError: number | null;
  /** 95 % Wilson score interval in percent (asymmetric around csat), 1 decimal; null when n = 0. */
  interval: Interval | null;
  /** Unrounded values; null when n = 0. */
  exact: { csat: number; marginOfError: number; interval: Interval } | null;
}

/** Lowest score that counts as satisfied on the 1–5 CSAT scale. */
export const CSAT_SATISFIED_MIN = 4;

/**
 * CSAT = share of 4–5 answers on a 1–5 scale, with a 95 % Wilson score interval (see proportion.ts for
 * why Wilson and not the normal/Wald interval).
 */
export function csatSummary(scores: readonly number[]): CsatSummary {
  assertScores(scores, 1, 5, 'CSAT score');
  return csatOf(scores.filter((score) => score >= CSAT_SATISFIED_MIN).length, scores.length);
}

/** The same summary from answers counted per 1–5 score (e.g. a SQL GROUP BY score); equal to csatSummary of the answers. */
export function csatFromCounts(counts: readonly ScoreCount[]): CsatSummary {
  const n = totalOfCounts(counts, 1, 5, 'CSAT score');
  return csatOf(countAtLeast(counts, CSAT_SATISFIED_MIN), n);
}

function csatOf(satisfied: number, n: number): CsatSummary {
  const estimate = proportionEstimate(satisfied, n);
  return {
    n: estimate.n,
    satisfied,
    csat: estimate.percent,
    marginOfError: estimate.marginOfError,
    interval: estimate.interval,
    exact: estimate.exact && {
      csat: estimate.exact.percent,
      marginOfError: estimate.exact.marginOfError,
      interval: estimate.exact.interval,
    },
  };
}
