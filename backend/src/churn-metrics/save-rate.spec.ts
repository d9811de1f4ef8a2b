import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../metrics/proportion';
import { revenueSaved, saveRate } from './save-rate';

describe('saveRate', () => {
  it('saved / finished flows with a Wilson interval', () => {
    // 30 / 120 = 0.25 = 25 %
    const result = saveRate({ saved: 30, finishedFlows: 120 });
    expect(result.rate).toBe(0.25);
    expect(result.percent).toBe(25);
    expect(result.n).toBe(120);
    expect(result.count).toBe(30);
    // Wilson with z = 1.96: centre (0.25 + 3.8416/240) / (1 + 3.8416/120) ≈ 0.2578, half-width ≈ 0.0767
    // → 0.1812..0.3344 = 18.1 %..33.4 %
    expect(result.interval).toEqual({ lower: 18.1, upper: 33.4 });
    const wilson = wilsonInterval(30, 120);
    expect(result.exact?.interval.lower).toBeCloseTo(wilson.lower * 100, 12);
  });

  it('all saved keeps the interval inside 0..100', () => {
    const result = saveRate({ saved: 5, finishedFlows: 5 });
    expect(result.percent).toBe(100);
    expect(result.interval?.upper).toBe(100);
    expect(result.interval?.lower).toBeLessThan(100);
  });

  it('null when no flow finished', () => {
    const result = saveRate({ saved: 0, finishedFlows: 0 });
    expect(result.rate).toBeNull();
    expect(result.percent).toBeNull();
    expect(result.interval).toBeNull();
  });

  it('rejects more saved than finished and bad counts', () => {
    expect(() => saveRate({ saved: 6, finishedFlows: 5 })).toThrow(RangeError);
    expect(() => saveRate({ saved: -1, finishedFlows: 5 })).toThrow(RangeError);
    expect(() => saveRate({ saved: 1, finishedFlows: 2.5 })).toThrow(RangeError);
  });
});

describe('revenueSaved', () => {
  it('sums MRR in cents', () => {
    // 4999 + 1999 + 2 = 7000 cents = 70.00; 7000 / 3 = 2333.33… cents → 23.33
    expect(revenueSaved([49.99, 19.99, 0.02])).toEqual({
      count: 3,
      totalCents: 7000,
      total: 70,
      average: 23.33,
      exact: { average: 70 / 3 },
    });
    // floats: 0.1 + 0.2 = 0.30000000000000004; cents: 10 + 20 = 30
    expect(revenueSaved([0.1, 0.2]).total).toBe(0.3);
  });

  it('empty list: zero total, null average', () => {
    expect(revenueSaved([])).toEqual({ count: 0, totalCents: 0, total: 0, average: null, exact: null });
  });

  it('rejects negative or over-precise amounts', () => {
    expect(() => revenueSaved([10, -1])).toThrow(RangeError);
    expect(() => revenueSaved([1.234])).toThrow(RangeError);
  });
});
