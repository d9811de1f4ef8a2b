import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar } from './calendar';
import { deadlines, defaultSlaPolicy, SlaPolicy, targetFor, validateSlaPolicy } from './policy';

const at = (iso: string) => new Date(iso);
const moscow = defaultBusinessCalendar('Europe/Moscow'); // Mon–Fri 09–18: a business day is 540 min

describe('defaultSlaPolicy + targetFor', () => {
  const policy = defaultSlaPolicy(moscow);

  it('answers social and chat within 1 business hour, email within 1 business day', () => {
    expect(targetFor(policy, 'normal', 'social')).toEqual({ firstResponseMinutes: 60, resolutionMinutes: 3 * 540, clock: 'business' });
    expect(targetFor(policy, 'normal', 'chat').firstResponseMinutes).toBe(60);
    expect(targetFor(policy, 'normal', 'email').firstResponseMinutes).toBe(540);
    expect(targetFor(policy, 'normal', 'survey').firstResponseMinutes).toBe(540);
  });

  it('resolves by priority: urgent 4 h, high 1 day, normal 3 days, low 5 days', () => {
    expect(targetFor(policy, 'urgent', 'email')).toEqual({ firstResponseMinutes: 60, resolutionMinutes: 240, clock: 'business' });
    expect(targetFor(policy, 'high', 'chat')).toEqual({ firstResponseMinutes: 60, resolutionMinutes: 540, clock: 'business' });
    expect(targetFor(policy, 'low', 'email')).toEqual({ firstResponseMinutes: 540, resolutionMinutes: 2700, clock: 'business' });
  });

  it('falls back: unknown priority → normal, unknown channel → the any-channel rule', () => {
    expect(targetFor(policy, 'critical', 'fax')).toEqual({ firstResponseMinutes: 540, resolutionMinutes: 1620, clock: 'business' });
  });

  it('sizes "a business day" to the calendar: 8 h with a lunch break', () => {
    const lunch = [
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ];
    const p = defaultSlaPolicy({ ...moscow, workingHours: { 1: lunch, 2: lunch, 3: lunch, 4: lunch, 5: lunch } });
    expect(targetFor(p, 'low', 'email')).toEqual({ firstResponseMinutes: 480, resolutionMinutes: 2400, clock: 'business' });
  });

  it('takes each field from the most specific rule that sets it', () => {
    const p: SlaPolicy = {
      ...policy,
      rules: { ...policy.rules, urgent: { ...policy.rules.urgent, chat: { firstResponseMinutes: 15, clock: 'calendar' } } },
    };
    // urgent/chat sets first response and clock; resolution comes from urgent/*.
    expect(targetFor(p, 'urgent', 'chat')).toEqual({ firstResponseMinutes: 15, resolutionMinutes: 240, clock: 'calendar' });
    expect(targetFor(p, 'urgent', 'social')).toEqual({ firstResponseMinutes: 60, resolutionMinutes: 240, clock: 'business' });
    // null switches a target off.
    const none: SlaPolicy = { ...policy, rules: { ...policy.rules, low: { '*': { resolutionMinutes: null } } } };
    expect(targetFor(none, 'low', 'email').resolutionMinutes).toBeNull();
  });
});

describe('deadlines', () => {
  const policy = defaultSlaPolicy(moscow);

  it('business hours: a normal social ticket on Friday 17:00', () => {
    const d = deadlines(at('2026-02-06T17:00+03:00'), targetFor(policy, 'normal', 'social'), moscow);
    // First response 60: Fri 17:00 + 60 = 18:00; warning at 48 min = 17:48.
    expect(d.firstResponseDue).toEqual(at('2026-02-06T18:00+03:00'));
    expect(d.firstResponseWarnAt).toEqual(at('2026-02-06T17:48+03:00'));
    // Resolution 1620: Fri 60 (1560 left), Mon 540 (1020), Tue 540 (480), Wed 09:00 + 480 = 17:00.
    expect(d.resolutionDue).toEqual(at('2026-02-11T17:00+03:00'));
    // Warning at 80% = 1296: Fri 60 (1236), Mon 540 (696), Tue 540 (156), Wed 09:00 + 156 = 11:36.
    expect(d.resolutionWarnAt).toEqual(at('2026-02-11T11:36+03:00'));
  });

  it('calendar hours: the same ticket, urgent with a 24×7 clock', () => {
    const target = { firstResponseMinutes: 60, resolutionMinutes: 240, clock: 'calendar' as const };
    // Fri 17:00 MSK = 14:00Z: first response 15:00Z (warn 14:48Z), resolution 18:00Z (warn 192 min = 17:12Z).
    expect(deadlines(at('2026-02-06T17:00+03:00'), target, moscow)).toEqual({
      firstResponseDue: at('2026-02-06T15:00Z'),
      firstResponseWarnAt: at('2026-02-06T14:48Z'),
      resolutionDue: at('2026-02-06T18:00Z'),
      resolutionWarnAt: at('2026-02-06T17:12Z'),
    });
  });

  it('waiting on the customer: closed pauses push, an open pause makes later moments unknown', () => {
    const target = targetFor(policy, 'high', 'chat'); // 60 / 540
    const opened = at('2026-02-09T10:00+03:00');
    // Paused 10:30–12:00: first response 10:00–10:30 + 12:00–12:30 → 12:30; resolution 540 → 30 + 12:00–18:00 (360) → Tue 09:00 + 150 = 11:30.
    const closed = deadlines(opened, target, moscow, [{ from: at('2026-02-09T10:30+03:00'), to: at('2026-02-09T12:00+03:00') }]);
    expect(closed.firstResponseDue).toEqual(at('2026-02-09T12:30+03:00'));
    expect(closed.resolutionDue).toEqual(at('2026-02-10T11:30+03:00'));
    // Open pause from 10:50: 48-min first-response warning (10:48) is reached before it, the rest is unknown.
    const open = deadlines(opened, target, moscow, [{ from: at('2026-02-09T10:50+03:00'), to: null }]);
    expect(open).toEqual({
      firstResponseDue: null,
      firstResponseWarnAt: at('2026-02-09T10:48+03:00'),
      resolutionDue: null,
      resolutionWarnAt: null,
    });
  });

  it('no target, no deadline; a custom warning share', () => {
    const d = deadlines(
      at('2026-02-09T10:00+03:00'),
      { firstResponseMinutes: null, resolutionMinutes: 100, clock: 'business' },
      moscow,
      [],
      0.5,
    );
    expect(d).toEqual({
      firstResponseDue: null,
      firstResponseWarnAt: null,
      resolutionDue: at('2026-02-09T11:40+03:00'),
      resolutionWarnAt: at('2026-02-09T10:50+03:00'),
    });
  });
});

describe('validateSlaPolicy', () => {
  it('accepts the default and lists problems in words', () => {
    expect(validateSlaPolicy(defaultSlaPolicy())).toEqual([]);
    expect(
      validateSlaPolicy({
        name: ' ',
        clock: 'wall',
        warnAtShare: 1.5,
        rules: { critical: { email: { firstResponseMinutes: 0 } }, normal: { fax: { resolutionMinutes: '3d', clock: 'sometimes' } } },
      }),
    ).toEqual([
      'name is required',
      'clock must be "business" or "calendar"',
      'warnAtShare must be a number between 0 and 1 (e.g. 0.8)',
      'rules: unknown priority "critical" (use urgent, high, normal, low or *)',
      'rules critical/email: firstResponseMinutes must be a positive number of minutes or null',
      'rules: unknown channel "fax" (use social, chat, messenger, email, web_form, phone, survey, review, in_person, other or *)',
      'rules normal/fax: resolutionMinutes must be a positive number of minutes or null',
      'rules normal/fax: clock must be "business" or "calendar"',
    ]);
  });
});
