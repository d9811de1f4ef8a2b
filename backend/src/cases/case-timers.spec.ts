import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar } from '../sla/clock';
import { caseTimers, EffectivePolicy, minutesLeftAt, StoredPause } from './case-timers';

// Mon–Fri 09:00–18:00 UTC; first response within 60 business minutes, resolution within 480 (one working day).
const sla: EffectivePolicy = {
  id: null,
  calendar: defaultBusinessCalendar('UTC'),
  policy: {
    name: 'Test',
    clock: 'business',
    warnAtShare: 0.8,
    rules: { '*': { '*': { firstResponseMinutes: 60, resolutionMinutes: 480 } } },
  },
};
const opened = new Date('2026-11-30T10:00:00Z'); // a Monday
const left = (pauses: StoredPause[], at: string) => minutesLeftAt(sla, 'normal', 'email', opened, opened, pauses, new Date(at));

describe('minutesLeftAt', () => {
  it('counts what each timer had left when a wait began, in working minutes', () => {
    expect(left([{ from: '2026-11-30T10:30:00Z', to: null }], '2026-11-30T10:30:00Z')).toEqual({
      firstResponseMinutesLeft: 30,
      resolutionMinutesLeft: 450,
    });
    // Monday 10:00–18:00 is 480 minutes; Tuesday 09:00–10:00 is 60 more: both targets are overdue by the rest.
    expect(left([], '2026-12-01T10:00:00Z')).toEqual({ firstResponseMinutesLeft: -480, resolutionMinutesLeft: -60 });
    // Saturday does not count: a wait that began on Saturday leaves what Friday evening left.
    const friday = new Date('2026-12-04T17:00:00Z');
    expect(minutesLeftAt(sla, 'normal', 'email', friday, friday, [], new Date('2026-12-05T12:00:00Z'))).toEqual({
      firstResponseMinutesLeft: 0,
      resolutionMinutesLeft: 420,
    });
  });

  it('leaves earlier waits out and matches the deadlines once the wait ends', () => {
    const earlier: StoredPause = { from: '2026-11-30T11:00:00Z', to: '2026-11-30T12:00:00Z' };
    const now = left([earlier, { from: '2026-11-30T13:00:00Z', to: null }], '2026-11-30T13:00:00Z');
    expect(now).toEqual({ firstResponseMinutesLeft: -60, resolutionMinutesLeft: 360 });
    // Resume at 15:00: the resolution deadline is 360 working minutes later (15:00 + 3 h = 18:00, + 3 h Tuesday = 12:00).
    const resumed = caseTimers(sla, 'normal', 'email', opened, opened, [
      earlier,
      { from: '2026-11-30T13:00:00Z', to: '2026-11-30T15:00:00Z' },
    ]);
    expect(resumed.resolutionDue?.toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });
});
