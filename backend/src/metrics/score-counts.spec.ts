import { describe, expect, it } from 'vitest';
import { type CesAnswer, cesFromCounts, cesSummary } from './ces';
import { csatFromCounts, csatSummary } from './csat';
import { cesDistribution, cesDistributionFromCounts, ratingDistribution, scoreDistributionFromCounts } from './distribution';
import { npsFromScoreCounts, npsSummary } from './nps';
import { round2 } from './rounding';
import { countScores, type CesScoreCount } from './score-counts';

/** Deterministic pseudo-random numbers (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const scoresOf = (next: () => number, n: number, min: number, max: number) =>
  Array.from({ length: n }, () => min + Math.floor(next() * (max - min + 1)));
/** Skewed sizes: empty, 1, 2 and a few hundred, where the edge cases live. */
const sizeOf = (next: () => number) => [0, 1, 2, 3, Math.floor(next() * 40), Math.floor(next() * 700)][Math.floor(next() * 6)];
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

/** Counts in a shuffled order with some zero counts mixed in, as a GROUP BY over rollups may return them. */
function shuffledCounts(next: () => number, scores: number[], min: number, max: number) {
  const counts = [...countScores(scores), { score: min + Math.floor(next() * (max - min + 1)), count: 0 }];
  return counts.sort(() => next() - 0.5);
}

describe('summaries from counts equal the summaries from answers', () => {
  it.each(SEEDS)('NPS, seed %i', (seed) => {
    const next = random(seed);
    const scores = scoresOf(next, sizeOf(next), 0, 10);
    expect(npsFromScoreCounts(shuffledCounts(next, scores, 0, 10))).toEqual(npsSummary(scores));
  });

  it.each(SEEDS)('CSAT and the 1–5 distribution, seed %i', (seed) => {
    const next = random(seed);
    const scores = scoresOf(next, sizeOf(next), 1, 5);
    const counts = shuffledCounts(next, scores, 1, 5);
    expect(csatFromCounts(counts)).toEqual(csatSummary(scores));
    expect(scoreDistributionFromCounts(counts, 1, 5)).toEqual(ratingDistribution(scores, 5));
  });

  it.each(SEEDS)('CES on 5, 7 and mixed scales, seed %i', (seed) => {
    const next = random(seed);
    const answers: CesAnswer[] = Array.from({ length: sizeOf(next) }, () => {
      const scaleMax = next() < 0.3 ? 5 : 7;
      return { scaleMax, score: 1 + Math.floor(next() * scaleMax) };
    });
    const counts: CesScoreCount[] = ([5, 7] as const).flatMap((scaleMax) =>
      shuffledCounts(
        next,
        answers.filter((a) => a.scaleMax === scaleMax).map((a) => a.score),
        1,
        scaleMax,
      ).map((c) => ({ ...c, scaleMax })),
    );
    expect(cesFromCounts(counts.sort(() => next() - 0.5))).toEqual(cesSummary(answers));
    expect(cesDistributionFromCounts(counts)).toEqual(cesDistribution(answers));
    // Whatever order the answers come in, the summary is the same to the last bit.
    expect(cesSummary([...answers].reverse())).toEqual(cesSummary(answers));
  });
});

describe('CES means from counts against the per-answer two-pass variance they replace', () => {
  it.each(SEEDS)('seed %i: rounded values equal, exact ones within 1e-12', (seed) => {
    const next = random(seed);
    const scores = scoresOf(next, 2 + Math.floor(next() * 500), 1, 7);
    const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    const variance = scores.reduce((sum, s) => sum + (s - mean) ** 2, 0) / (scores.length - 1);
    const byCounts = cesSummary(scores.map((score) => ({ score, scaleMax: 7 }))).byScale[7]!;
    expect(byCounts.exact.mean).toBe(mean);
    expect(Math.abs(byCounts.exact.variance! - variance)).toBeLessThanOrEqual(1e-12 * Math.max(1, variance));
    expect(byCounts.standardDeviation).toBe(round2(Math.sqrt(variance)));
  });

  it('counts are checked like answers: a score off the scale or a negative count throws', () => {
    expect(() => npsFromScoreCounts([{ score: 11, count: 1 }])).toThrow(RangeError);
    expect(() => csatFromCounts([{ score: 0, count: 2 }])).toThrow(RangeError);
    expect(() => cesFromCounts([{ score: 6, count: 1, scaleMax: 5 }])).toThrow(RangeError);
    expect(() => npsFromScoreCounts([{ score: 5, count: -1 }])).toThrow(RangeError);
    // A score counted 0 times was never given, as an empty array of answers.
    expect(npsFromScoreCounts([{ score: 42, count: 0 }])).toEqual(npsSummary([]));
  });
});
