import { describe, expect, it } from 'vitest';
import { cesDistribution, npsDistribution, ratingDistribution, scoreDistribution } from './distribution';

describe('distributions', () => {
  it('NPS: 11 bins from 0 to 10, empty ones included', () => {
    const distribution = npsDistribution([10, 10, 9, 9, 8, 7, 6, 5, 0, 10]);
    expect(distribution.n).toBe(10);
    expect(distribution.bins.map((bin) => bin.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(distribution.bins.map((bin) => bin.count)).toEqual([1, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3]);
    // 3 of 10 answered 10 → 30 %
    expect(distribution.bins[10]).toEqual({ score: 10, count: 3, percent: 30 });
    expect(distribution.bins[1]).toEqual({ score: 1, count: 0, percent: 0 });
  });

  it('ratings: 1..max', () => {
    // 1 of 3 → 33.3 %, 2 of 3 → 66.7 %
    expect(ratingDistribution([5, 5, 2], 5).bins).toEqual([
      { score: 1, count: 0, percent: 0 },
      { score: 2, count: 1, percent: 33.3 },
      { score: 3, count: 0, percent: 0 },
      { score: 4, count: 0, percent: 0 },
      { score: 5, count: 2, percent: 66.7 },
    ]);
  });

  it('empty input keeps every bin with null percents', () => {
    const distribution = ratingDistribution([], 5);
    expect(distribution.n).toBe(0);
    expect(distribution.bins).toHaveLength(5);
    expect(distribution.bins.every((bin) => bin.count === 0 && bin.percent === null)).toBe(true);
  });

  it('CES: one distribution per scale', () => {
    const distributions = cesDistribution([
      { score: 7, scaleMax: 7 },
      { score: 4, scaleMax: 7 },
      { score: 4, scaleMax: 5 },
    ]);
    expect(distributions[7]?.bins).toHaveLength(7);
    expect(distributions[7]?.bins[3]).toEqual({ score: 4, count: 1, percent: 50 });
    expect(distributions[5]?.bins[3]).toEqual({ score: 4, count: 1, percent: 100 });
    expect(cesDistribution([])).toEqual({ 5: null, 7: null });
  });

  it('rejects out-of-range scores and ranges', () => {
    expect(() => npsDistribution([11])).toThrow(RangeError);
    expect(() => ratingDistribution([0], 5)).toThrow(RangeError);
    expect(() => cesDistribution([{ score: 6, scaleMax: 5 }])).toThrow(RangeError);
    expect(() => scoreDistribution([], 5, 1)).toThrow(RangeError);
  });
});
