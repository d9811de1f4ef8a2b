import { describe, expect, it } from 'vitest';
import { responseRate } from './rates';

describe('responseRate', () => {
  it('responses / displays', () => {
    // 37 / 250 = 0.148 = 14.8 %
    expect(responseRate(37, 250)).toEqual({ responses: 37, displays: 250, rate: 0.148, percent: 14.8 });
    // 1 / 3 = 33.333… %
    expect(responseRate(1, 3).percent).toBe(33.3);
    expect(responseRate(1, 3).rate).toBeCloseTo(1 / 3, 15);
  });

  it('null when there were no displays', () => {
    expect(responseRate(0, 0)).toEqual({ responses: 0, displays: 0, rate: null, percent: null });
    expect(responseRate(4, 0).rate).toBeNull();
  });

  it('is not clamped above 100 %, so odd data stays visible', () => {
    // 12 / 10 = 1.2
    expect(responseRate(12, 10)).toEqual({ responses: 12, displays: 10, rate: 1.2, percent: 120 });
  });

  it('rejects negative or fractional counts', () => {
    expect(() => responseRate(-1, 10)).toThrow(RangeError);
    expect(() => responseRate(1, 2.5)).toThrow(RangeError);
  });
});
