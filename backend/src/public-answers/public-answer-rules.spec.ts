import { describe, expect, it } from 'vitest';
import { assertInWorkflow, minutesBetween, stageOf, stepTime } from './public-answer-rules';

describe('public-answer rules', () => {
  it('names the furthest step reached, whatever order the steps were done in', () => {
    const none = { answered: false, hasCase: false, findings: false, compensated: false };
    expect(stageOf(none)).toBe('not_started');
    expect(stageOf({ ...none, answered: true })).toBe('answered');
    expect(stageOf({ ...none, hasCase: true })).toBe('investigating');
    expect(stageOf({ ...none, answered: true, hasCase: true })).toBe('investigating');
    expect(stageOf({ answered: true, hasCase: true, findings: true, compensated: false })).toBe('findings_published');
    expect(stageOf({ answered: true, hasCase: false, findings: true, compensated: false })).toBe('findings_published');
    expect(stageOf({ answered: true, hasCase: true, findings: true, compensated: true })).toBe('compensated');
    expect(stageOf({ answered: false, hasCase: true, findings: false, compensated: true })).toBe('compensated');
  });

  it('measures the time to answer in minutes to 0.1, never negative', () => {
    const posted = new Date('2026-10-05T09:00:00Z');
    expect(minutesBetween(posted, new Date('2026-10-05T12:00:00Z'))).toBe(180);
    expect(minutesBetween(posted, new Date('2026-10-05T09:00:30Z'))).toBe(0.5);
    expect(minutesBetween(posted, new Date('2026-10-05T08:00:00Z'))).toBe(0);
  });

  it('takes a step time not in the future and not before the one it follows', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const posted = new Date('2026-12-07T09:00:00Z');
    expect(stepTime('2026-12-07T10:00:00Z', 'answeredAt', posted, now)).toEqual(new Date('2026-12-07T10:00:00Z'));
    expect(stepTime(undefined, 'answeredAt', posted, now)).toEqual(now);
    // A post whose clock ran ahead of ours: left out, the time is the post's.
    expect(stepTime(undefined, 'answeredAt', new Date('2026-12-07T12:30:00Z'), now)).toEqual(new Date('2026-12-07T12:30:00Z'));
    expect(stepTime('2026-12-07T08:59:59Z', 'answeredAt', posted, now)).toMatchObject({ field: 'answeredAt' });
    expect(stepTime('2026-12-07T12:05:00Z', 'answeredAt', posted, now)).toMatchObject({ field: 'answeredAt' });
  });

  it('lets only negative originals in', () => {
    expect(() => assertInWorkflow({ sentiment: -1, duplicateOf: null })).not.toThrow();
    expect(() => assertInWorkflow({ sentiment: 0, duplicateOf: null })).toThrow(/negative/);
    expect(() => assertInWorkflow({ sentiment: -1, duplicateOf: 'x' })).toThrow(/copy/);
  });
});
