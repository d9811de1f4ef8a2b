import { describe, expect, it } from 'vitest';
import { clampInterval, roundInterval } from './interval';
import { round1 } from './rounding';

describe('interval helpers', () => {
  it('clamps to the metric range', () => {
    expect(clampInterval(-120.5, 40, -100, 100)).toEqual({ lower: -100, upper: 40 });
    expect(clampInterval(80, 134, -100, 100)).toEqual({ lower: 80, upper: 100 });
  });

  it('rounds both ends', () => {
    expect(roundInterval({ lower: -34.033471, upper: 74.033471 }, round1)).toEqual({ lower: -34, upper: 74 });
  });
});
