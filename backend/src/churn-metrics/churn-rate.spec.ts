import { describe, expect, it } from 'vitest';
import { customerChurnRate, revenueChurnRate } from './churn-rate';

describe('customerChurnRate', () => {
  it('lost / customers at start', () => {
    // 200 / 1000 = 0.2 = 20 %
    expect(customerChurnRate({ atStart: 1000, lost: 200 })).toEqual({
      atStart: 1000,
      lost: 200,
      rate: 0.2,
      percent: 20,
      exact: { percent: 20 },
    });
    // 1 / 3 = 33.333… %
    expect(customerChurnRate({ atStart: 3, lost: 1 }).percent).toBe(33.3);
  });

  it('null when there were no customers at the start', () => {
    expect(customerChurnRate({ atStart: 0, lost: 0 })).toEqual({
      atStart: 0,
      lost: 0,
      rate: null,
      percent: null,
      exact: null,
    });
  });

  it('rejects bad counts and more lost than there were', () => {
    expect(() => customerChurnRate({ atStart: 10, lost: 11 })).toThrow(RangeError);
    expect(() => customerChurnRate({ atStart: -1, lost: 0 })).toThrow(RangeError);
    expect(() => customerChurnRate({ atStart: 10, lost: 1.5 })).toThrow(RangeError);
  });
});

describe('revenueChurnRate', () => {
  it('MRR lost / MRR at start, in cents', () => {
    // 250 000 / 5 000 000 cents = 0.05 = 5 %
    expect(revenueChurnRate({ mrrAtStart: 50_000, mrrLost: 2_500 })).toEqual({
      mrrAtStart: 50_000,
      mrrLost: 2_500,
      mrrAtStartCents: 5_000_000,
      mrrLostCents: 250_000,
      rate: 0.05,
      percent: 5,
      exact: { percent: 5 },
    });
  });

  it('works on cents, not floats', () => {
    // 0.3 lost of 0.9: floats would give 0.3 / 0.9 = 0.33333333333333337; cents 30 / 90 = 1/3 exactly
    expect(revenueChurnRate({ mrrAtStart: 0.9, mrrLost: 0.3 }).rate).toBe(30 / 90);
    // 12.34 / 123.45 = 1234 / 12345 = 9.9959…% → 10.0
    expect(revenueChurnRate({ mrrAtStart: 123.45, mrrLost: 12.34 }).percent).toBe(10);
  });

  it('null at zero MRR; rejects loss above start and third decimals', () => {
    expect(revenueChurnRate({ mrrAtStart: 0, mrrLost: 0 }).rate).toBeNull();
    expect(revenueChurnRate({ mrrAtStart: 0, mrrLost: 0 }).percent).toBeNull();
    expect(() => revenueChurnRate({ mrrAtStart: 100, mrrLost: 100.01 })).toThrow(RangeError);
    expect(() => revenueChurnRate({ mrrAtStart: 100, mrrLost: 1.001 })).toThrow(RangeError);
    expect(() => revenueChurnRate({ mrrAtStart: -5, mrrLost: 0 })).toThrow(RangeError);
  });
});
