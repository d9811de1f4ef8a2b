import { describe, expect, it } from 'vitest';
import { proportionEstimate, wilsonInterval } from './proportion';

describe('wilsonInterval', () => {
  it('7 of 10', () => {
    // p̂ = 0.7, z² = 1.96² = 3.8416, 1 + z²/n = 1.38416
    // centre = (0.7 + 3.8416/20) / 1.38416 = 0.89208 / 1.38416 = 0.644492
    // half   = 1.96/1.38416 · √(0.21/10 + 3.8416/400) = 1.416021 · √0.030604 = 1.416021 · 0.174940 = 0.247719
    // → [0.396773, 0.892211]
    const { lower, upper } = wilsonInterval(7, 10);
    expect(lower).toBeCloseTo(0.396773, 6);
    expect(upper).toBeCloseTo(0.892211, 6);
  });

  it('stays inside [0, 1] and has width at 0 % and 100 %', () => {
    // 10 of 10: centre = (1 + 0.19208)/1.38416 = 0.861277; half = 1.416021 · √(0 + 0.009604) = 0.138770
    // → [0.722507, 1]. 0 of 10 mirrors it: [0, 0.277493].
    expect(wilsonInterval(10, 10).lower).toBeCloseTo(0.72246, 5);
    expect(wilsonInterval(10, 10).upper).toBe(1);
    expect(wilsonInterval(0, 10).lower).toBe(0);
    expect(wilsonInterval(0, 10).upper).toBeCloseTo(0.27754, 5);
  });

  it('rejects impossible input', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  });
});

describe('proportionEstimate', () => {
  it('reports percent, half-width and interval rounded, exact values unrounded', () => {
    const estimate = proportionEstimate(7, 10);
    expect(estimate).toMatchObject({
      n: 10,
      count: 7,
      percent: 70,
      marginOfError: 24.8, // (89.2211 − 39.6773) / 2 = 24.7719
      interval: { lower: 39.7, upper: 89.2 },
    });
    expect(estimate.exact?.percent).toBe(70);
    expect(estimate.exact?.marginOfError).toBeCloseTo(24.7719, 4);
  });

  it('is all null for n = 0', () => {
    expect(proportionEstimate(0, 0)).toEqual({
      n: 0,
      count: 0,
      percent: null,
      marginOfError: null,
      interval: null,
      exact: null,
    });
  });
});
