import { describe, expect, it } from 'vitest';
import { meanEstimate } from './mean';

describe('meanEstimate', () => {
  it('gives the 95 % margin of a mean from its moments', () => {
    // Scores 1, 2, 3, 4, 5: mean 3, sample variance 2.5, s = 1.5811, MoE = 1.96 · 1.5811 / √5 = 1.3859.
    expect(meanEstimate({ n: 5, mean: 3, variance: 2.5 }, 1, 5)).toEqual({
      n: 5,
      mean: 3,
      standardDeviation: 1.58,
      marginOfError: 1.39,
      interval: { lower: 1.61, upper: 4.39 },
    });
  });

  it('clamps the interval to the scale and has no margin below two answers', () => {
    // Scores 5, 5, 4: mean 4.667, variance 0.3333, MoE = 1.96 · 0.5774 / √3 = 0.6533 → upper 5.32 clamps to 5.
    expect(meanEstimate({ n: 3, mean: 14 / 3, variance: 1 / 3 }, 1, 5).interval).toEqual({ lower: 4.01, upper: 5 });
    expect(meanEstimate({ n: 1, mean: 4, variance: null }, 1, 5)).toMatchObject({ mean: 4, marginOfError: null, interval: null });
    expect(meanEstimate({ n: 0, mean: null, variance: null }, 1, 5).mean).toBeNull();
  });
});
