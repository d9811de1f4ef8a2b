import { describe, expect, it } from 'vitest';
import { moneyLostWithoutSubscriptions } from './money-lost';

describe('moneyLostWithoutSubscriptions', () => {
  it('customers × average check × purchases per period', () => {
    // 200 × 2,000.00 × 6 = 2,400,000.00 (200 × 200 000 × 6 = 240 000 000 kopecks)
    expect(moneyLostWithoutSubscriptions({ customersLost: 200, averageCheck: 2000, purchasesPerPeriod: 6 })).toEqual({
      cents: 240_000_000,
      amount: 2_400_000,
    });
  });

  it('keeps kopecks exact', () => {
    // 3 × 19.99 × 7 = 419.79 (3 × 1999 × 7 = 41 979 cents); floats give 419.78999999999996
    expect(moneyLostWithoutSubscriptions({ customersLost: 3, averageCheck: 19.99, purchasesPerPeriod: 7 })).toEqual({
      cents: 41_979,
      amount: 419.79,
    });
  });

  it('rounds a fractional purchase frequency to whole cents', () => {
    // 1 × 0.99 × 0.5 = 49.5 cents → 50 cents
    expect(moneyLostWithoutSubscriptions({ customersLost: 1, averageCheck: 0.99, purchasesPerPeriod: 0.5 }).cents).toBe(50);
    expect(moneyLostWithoutSubscriptions({ customersLost: 0, averageCheck: 100, purchasesPerPeriod: 3 }).cents).toBe(0);
  });

  it('rejects bad inputs', () => {
    expect(() => moneyLostWithoutSubscriptions({ customersLost: 1.5, averageCheck: 1, purchasesPerPeriod: 1 })).toThrow(RangeError);
    expect(() => moneyLostWithoutSubscriptions({ customersLost: 1, averageCheck: -1, purchasesPerPeriod: 1 })).toThrow(RangeError);
    expect(() => moneyLostWithoutSubscriptions({ customersLost: 1, averageCheck: 1, purchasesPerPeriod: -1 })).toThrow(RangeError);
    expect(() => moneyLostWithoutSubscriptions({ customersLost: 1, averageCheck: 1, purchasesPerPeriod: Number.NaN })).toThrow(RangeError);
  });
});
