import { describe, expect, it } from 'vitest';
import { csatSummary } from './csat';

describe('csatSummary', () => {
  it('7 of 10 satisfied = 70 % with a Wilson interval', () => {
    // satisfied (4–5): 5,5,4,4,5,4,5 = 7; not: 3,2,1 → CSAT = 7/10 = 70 %
    // Wilson (see proportion.spec): [39.6773 %, 89.2211 %], half-width 24.7719
    const summary = csatSummary([5, 5, 4, 4, 5, 4, 5, 3, 2, 1]);
    expect(summary).toMatchObject({
      n: 10,
      satisfied: 7,
      csat: 70,
      marginOfError: 24.8,
      interval: { lower: 39.7, upper: 89.2 },
    });
    expect(summary.exact?.csat).toBe(70);
    expect(summary.exact?.interval.lower).toBeCloseTo(39.6773, 4);
  });

  it('3 is not satisfied', () => {
    expect(csatSummary([3, 3, 4]).satisfied).toBe(1);
  });

  it('empty input gives nulls', () => {
    expect(csatSummary([])).toEqual({ n: 0, satisfied: 0, csat: null, marginOfError: null, interval: null, exact: null });
  });

  it.each([[[0]], [[6]], [[4.5]]])('rejects %j with a RangeError', (scores) => {
    expect(() => csatSummary(scores)).toThrow(RangeError);
  });
});
