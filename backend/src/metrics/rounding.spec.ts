import { describe, expect, it } from 'vitest';
import { round1, round2, roundTo } from './rounding';

describe('roundTo', () => {
  it('rounds half away from zero', () => {
    expect(round1(2.45)).toBe(2.5);
    expect(round1(-2.45)).toBe(-2.5);
    expect(round1(-0.25)).toBe(-0.3); // Math.round would give −0.2
    expect(round1(54.033471108193666)).toBe(54);
    expect(round2(1.3859292911256331)).toBe(1.39);
  });

  it('rounds values as written, not as stored (1.005 is 1.00499999… in binary)', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(8.345, 2)).toBe(8.35);
  });

  it('never returns −0 and passes non-finite values through', () => {
    expect(Object.is(round1(-0.01), 0)).toBe(true);
    expect(Object.is(round1(-0), 0)).toBe(true);
    expect(round1(Infinity)).toBe(Infinity);
    expect(round1(Number.NaN)).toBeNaN();
  });
});
