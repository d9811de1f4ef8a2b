import { describe, expect, it } from 'vitest';
import { assertSafeCents, fromCents, toCents } from './money';

describe('toCents', () => {
  it('converts amounts with up to 2 decimals to integer cents', () => {
    expect(toCents(2000, 'x')).toBe(200_000);
    // 49.99 * 100 = 4998.999999999999 in floats → 4999
    expect(toCents(49.99, 'x')).toBe(4999);
    expect(toCents(12.5, 'x')).toBe(1250);
    expect(toCents(0, 'x')).toBe(0);
  });

  it('rejects a third decimal, negatives and non-finite values', () => {
    expect(() => toCents(49.995, 'x')).toThrow(RangeError);
    expect(() => toCents(-1, 'x')).toThrow(RangeError);
    expect(() => toCents(Number.NaN, 'x')).toThrow(RangeError);
    expect(() => toCents(Number.POSITIVE_INFINITY, 'x')).toThrow(RangeError);
    expect(() => toCents(1e20, 'x')).toThrow(RangeError);
  });

  it('round-trips through fromCents', () => {
    expect(fromCents(toCents(0.1, 'a') + toCents(0.2, 'b'))).toBe(0.3);
    expect(() => assertSafeCents(2 ** 53, 'total')).toThrow(RangeError);
    expect(() => assertSafeCents(100, 'total')).not.toThrow();
  });
});
