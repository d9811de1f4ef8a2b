import { assertCount, assertScore } from './validate';

/** How many answers gave one score: what a SQL GROUP BY score returns instead of the answers themselves. */
export interface ScoreCount {
  score: number;
  count: number;
}

/** A score count on a CES scale. */
export interface CesScoreCount extends ScoreCount {
  scaleMax: 5 | 7;
}

/**
 * Checks counts the way the array versions check answers: every score with a count must be an integer in [min, max]
 * (a score counted 0 times was never answered, so it is not checked). Returns the total.
 */
export function totalOfCounts(counts: readonly ScoreCount[], min: number, max: number, what: string): number {
  let total = 0;
  counts.forEach((c, i) => {
    assertCount(c.count, `${what} count[${i}]`);
    if (c.count > 0) assertScore(c.score, min, max, `${what}[${i}]`);
    total += c.count;
  });
  return total;
}

/** The answers of `counts` with a score of at least `min`. */
export function countAtLeast(counts: readonly ScoreCount[], min: number): number {
  return counts.reduce((sum, c) => (c.score >= min ? sum + c.count : sum), 0);
}

/** Counts of the same score added up, ascending by score: the order every sum over counts uses. */
export function mergeScoreCounts(counts: readonly ScoreCount[]): ScoreCount[] {
  const byScore = new Map<number, number>();
  for (const c of counts) byScore.set(c.score, (byScore.get(c.score) ?? 0) + c.count);
  return [...byScore]
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a - b)
    .map(([score, count]) => ({ score, count }));
}

/** Counts of each distinct score in `scores`, ascending. */
export function countScores(scores: readonly number[]): ScoreCount[] {
  return mergeScoreCounts(scores.map((score) => ({ score, count: 1 })));
}
