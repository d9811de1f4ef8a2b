import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, normalizedMutualInformation, purity } from './metrics';

describe('clustering metrics', () => {
  // Contingency [[2,0,0],[0,1,1]]: Σ C(n_ij,2) = 1, rows Σ C = 2, columns Σ C = 1, C(4,2) = 6;
  // ARI = (1 - 2·1/6) / ((2+1)/2 - 2·1/6) = (2/3) / (7/6) = 4/7.
  it('computes ARI by hand', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], [5, 5, 9, 9])).toBe(1);
    // Everything in one cluster: no better than chance.
    expect(adjustedRandIndex([0, 0, 1, 1], [3, 3, 3, 3])).toBe(0);
  });

  // MI = ln 2; H(truth) = ln 2, H(pred) = 1.5 ln 2; NMI = ln 2 / (1.25 ln 2) = 0.8.
  it('computes NMI (arithmetic normalisation) by hand', () => {
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 12);
    expect(normalizedMutualInformation([0, 0, 1, 1], [1, 1, 0, 0])).toBeCloseTo(1, 12);
  });

  it('computes purity by hand', () => {
    expect(purity(['a', 'a', 'b', 'b', 'b'], [1, 1, 1, 2, 2])).toBeCloseTo(4 / 5, 12);
  });

  it('counts unclustered texts (null or -1) as one more cluster', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], [null, -1, null, -1])).toBe(0);
    expect(purity(['a', 'a', 'b', 'b'], [0, 0, -1, null])).toBe(1);
  });
});
