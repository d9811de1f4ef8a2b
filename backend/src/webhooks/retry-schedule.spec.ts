import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-schedule';

describe('retryDelayMs', () => {
  it('doubles from the base after each failure', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 30_000, noJitter))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
  });

  it('caps at six hours and adds at most 10% jitter', () => {
    expect(retryDelayMs(40, 30_000, () => 0)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(1, 30_000, () => 0.999)).toBe(32_997);
    expect(retryDelayMs(1, 30_000, () => 0.5)).toBe(31_500);
  });
});
