import { describe, expect, it } from 'vitest';
import { gapOf, meanOf, thresholdFor } from './mirror-gap';

const sums = (scores: number[]) => ({
  n: scores.length,
  sum: scores.reduce((a, b) => a + b, 0),
  sumSquares: scores.reduce((a, b) => a + b * b, 0),
});

describe('mirror gap', () => {
  it('mean and margin: 2, 4, 4, 5 → 3.75, s = 1.258, margin 1.96·1.258/2 = 1.23', () => {
    expect(meanOf(sums([2, 4, 4, 5]))).toEqual({ n: 4, mean: 3.75, marginOfError: 1.23 });
    expect(meanOf(sums([4]))).toEqual({ n: 1, mean: 4, marginOfError: null });
    expect(meanOf(sums([]))).toEqual({ n: 0, mean: null, marginOfError: null });
  });

  it('gap = staff − customers, direction and blind spot strictly above the threshold', () => {
    const g = gapOf(sums([2, 3]), sums([4, 4]), 0.5);
    expect([g.gap, g.direction, g.blindSpot]).toEqual([1.5, 'staff_higher', true]);
    const edge = gapOf(sums([4]), sums([4.5]), 0.5);
    expect([edge.gap, edge.blindSpot]).toEqual([0.5, false]);
    const lower = gapOf(sums([5]), sums([4]), 0.5);
    expect([lower.gap, lower.direction, lower.blindSpot]).toEqual([-1, 'staff_lower', true]);
    expect(gapOf(sums([]), sums([4]), 0.5)).toMatchObject({ gap: null, direction: null, blindSpot: false });
  });

  it('thresholds: rating points scale from 1–5 to 1–7; NPS as set', () => {
    expect(thresholdFor('rating', 1, 5, { blindSpotRating: 0.5, blindSpotNps: 1 })).toBe(0.5);
    expect(thresholdFor('rating', 1, 7, { blindSpotRating: 0.5, blindSpotNps: 1 })).toBe(0.75);
    expect(thresholdFor('nps', 0, 10, { blindSpotRating: 0.5, blindSpotNps: 1 })).toBe(1);
  });
});
