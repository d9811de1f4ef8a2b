import { describe, expect, it } from 'vitest';
import { colourOf, thresholdsInOrder } from './audit-measures';

describe('colourOf', () => {
  const lower = { direction: 'lower_better' as const, green: 15, yellow: 60 };
  const higher = { direction: 'higher_better' as const, green: 4.5, yellow: 4 };

  it('lower-better: edges inclusive', () => {
    expect(colourOf(15, lower)).toBe('green');
    expect(colourOf(15.01, lower)).toBe('yellow');
    expect(colourOf(60, lower)).toBe('yellow');
    expect(colourOf(60.01, lower)).toBe('red');
    expect(colourOf(null, lower)).toBe('no_data');
  });

  it('higher-better: mirrored, edges inclusive', () => {
    expect(colourOf(4.5, higher)).toBe('green');
    expect(colourOf(4.49, higher)).toBe('yellow');
    expect(colourOf(4, higher)).toBe('yellow');
    expect(colourOf(3.99, higher)).toBe('red');
  });

  it('compares the value as shown (2 decimals)', () => {
    expect(colourOf(15.004, lower)).toBe('green');
    expect(colourOf(4.4999, higher)).toBe('green');
  });

  it('thresholds must be in order for their direction', () => {
    expect(thresholdsInOrder(lower)).toBe(true);
    expect(thresholdsInOrder({ ...lower, green: 61 })).toBe(false);
    expect(thresholdsInOrder({ ...higher, green: 3 })).toBe(false);
  });
});
