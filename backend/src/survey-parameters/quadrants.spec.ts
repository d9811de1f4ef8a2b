import { describe, expect, it } from 'vitest';
import { median, splitQuadrants } from './quadrants';

describe('importance–satisfaction quadrants', () => {
  it('splits both axes at the median of the parameters', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const split = splitQuadrants([
      { id: 'delivery', correlation: 0.8, mean: 2.5 },
      { id: 'price', correlation: 0.6, mean: 4.2 },
      { id: 'extras', correlation: 0.1, mean: 4.5 },
      { id: 'payment', correlation: 0.2, mean: 3.1 },
      { id: 'new', correlation: null, mean: 4 },
    ]);
    // Medians of the four complete ones: importance (0.2 + 0.6) / 2 = 0.4, satisfaction (3.1 + 4.2) / 2 = 3.65.
    expect(split.importance).toBeCloseTo(0.4, 10);
    expect(split.satisfaction).toBeCloseTo(3.65, 10);
    expect(Object.fromEntries(split.quadrants)).toEqual({
      delivery: 'fix_first',
      price: 'keep_up',
      extras: 'overdelivering',
      payment: 'low_priority',
      new: null,
    });
  });

  it('gives no quadrant with fewer than two complete parameters', () => {
    expect(splitQuadrants([{ id: 'a', correlation: 0.5, mean: 3 }]).quadrants.get('a')).toBeNull();
  });
});
