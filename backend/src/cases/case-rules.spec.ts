import { describe, expect, it } from 'vitest';
import { isLowScore, priorityFor, roundRobin } from './case-rules';

describe('case rules', () => {
  it('finds detractors and low scores on each scale', () => {
    expect([0, 6, 7, 10].map((s) => isLowScore('nps', s, 10))).toEqual([true, true, false, false]);
    expect([1, 2, 3].map((s) => isLowScore('csat', s, 5))).toEqual([true, true, false]);
    expect([2, 3].map((s) => isLowScore('ces', s, 5))).toEqual([true, false]);
    expect([3, 4].map((s) => isLowScore('ces', s, 7))).toEqual([true, false]);
    expect(isLowScore('custom', 0, 10)).toBe(false);
    expect(isLowScore('nps', null, 10)).toBe(false);
  });

  it('raises priority with its reasons', () => {
    const base = { customerMrr: null, highMrrThreshold: 1000, repeated: false };
    expect(priorityFor({ ...base, source: 'response' })).toEqual({ priority: 'normal', reasons: [] });
    expect(priorityFor({ ...base, source: 'cancellation', repeated: true })).toEqual({
      priority: 'high',
      reasons: ['cancellation', 'repeated_complaint'],
    });
    expect(priorityFor({ ...base, source: 'mention', customerMrr: 1000 })).toEqual({ priority: 'high', reasons: ['high_mrr'] });
    expect(priorityFor({ ...base, source: 'mention', customerMrr: 5, highMrrThreshold: 0 }).priority).toBe('normal');
    expect(priorityFor({ ...base, source: 'cluster' })).toEqual({ priority: 'high', reasons: ['known_issue'] });
  });

  it('rotates round robin over the team', () => {
    expect([0, 1, 2, 3].map((c) => roundRobin(['a', 'b', 'c'], c).ownerId)).toEqual(['a', 'b', 'c', 'a']);
    expect(roundRobin([], 5)).toEqual({ ownerId: null, next: 5 });
  });
});
