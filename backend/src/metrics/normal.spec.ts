import { describe, expect, it } from 'vitest';
import { normalCdf, twoSidedPValue, Z_95 } from './normal';

describe('normalCdf', () => {
  // Reference values: Φ(z) = ½·erfc(−z/√2) in double precision (Python math.erfc).
  it.each([
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [-1.96, 0.024997895148220435],
    [2.5758293035489004, 0.995], // the 99 % two-sided quantile
    [-3, 0.0013498980316300957],
    [3, 0.9986501019683699],
    [5, 0.9999997133484281],
  ])('Φ(%s) = %s to 1e-14', (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected)).toBeLessThan(1e-14);
  });

  it('keeps relative precision far in the lower tail', () => {
    // Φ(−8) = 6.220960574271819e-16, Φ(−10) = 7.619853024160593e-24: 1 − Φ(8) would be 0 or noise.
    expect(normalCdf(-8) / 6.220960574271819e-16).toBeCloseTo(1, 7);
    expect(normalCdf(-10) / 7.619853024160593e-24).toBeCloseTo(1, 7);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  it('is symmetric and handles infinities and NaN', () => {
    for (const z of [0.1, 0.7, 1.3, 2.2, 4.1, 7.5]) {
      expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
    }
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('is monotonic across the switch to the far-tail formula at 7.07', () => {
    let previous = 0;
    for (let z = -9; z <= 9; z += 0.01) {
      const value = normalCdf(z);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });
});

describe('twoSidedPValue', () => {
  it('is 2·(1 − Φ(|z|))', () => {
    // 2 × (1 − 0.9750021048517795) = 0.049995790296441
    expect(twoSidedPValue(1.96)).toBeCloseTo(0.049995790296441, 13);
    expect(twoSidedPValue(-1.96)).toBeCloseTo(0.049995790296441, 13);
    expect(twoSidedPValue(0)).toBe(1);
    expect(twoSidedPValue(Infinity)).toBe(0);
    // 2 × 6.220960574271819e-16
    expect(twoSidedPValue(-8) / 1.244192114854364e-15).toBeCloseTo(1, 7);
  });

  it('puts Z_95 on the 5 % boundary', () => {
    expect(Z_95).toBe(1.96);
    expect(twoSidedPValue(Z_95)).toBeCloseTo(0.05, 4);
  });
});
