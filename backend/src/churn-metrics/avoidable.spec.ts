import { describe, expect, it } from 'vitest';
import { avoidableSplit } from './avoidable';

const map = { price: true, missing_feature: true, moved: false, closed: false };
const of = (...keys: string[]) => keys.map((reasonKey) => ({ reasonKey }));

describe('avoidableSplit', () => {
  it('counts and shares of all cancellations', () => {
    // 3/6 = 50 %, 2/6 = 33.3 %, 1/6 = 16.7 %
    const result = avoidableSplit(of('price', 'price', 'missing_feature', 'moved', 'closed', 'new_key'), map);
    expect(result.total).toBe(6);
    expect(result.avoidable).toEqual({ count: 3, percent: 50 });
    expect(result.unavoidable).toEqual({ count: 2, percent: 33.3 });
    expect(result.unknown).toEqual({ count: 1, percent: 16.7 });
    expect(result.unknownKeys).toEqual(['new_key']);
    expect(result.exact!.avoidable + result.exact!.unavoidable + result.exact!.unknown).toBeCloseTo(100, 12);
  });

  it('does not treat inherited object keys as classified', () => {
    const result = avoidableSplit(of('constructor', 'toString', 'constructor'), map);
    expect(result.unknown.count).toBe(3);
    expect(result.unknownKeys).toEqual(['constructor', 'toString']);
  });

  it('null percents when there are no cancellations', () => {
    expect(avoidableSplit([], map)).toEqual({
      total: 0,
      avoidable: { count: 0, percent: null },
      unavoidable: { count: 0, percent: null },
      unknown: { count: 0, percent: null },
      unknownKeys: [],
      exact: null,
    });
  });

  it('rejects a non-boolean classification', () => {
    expect(() => avoidableSplit(of('price'), { price: 'yes' as unknown as boolean })).toThrow(RangeError);
  });
});
