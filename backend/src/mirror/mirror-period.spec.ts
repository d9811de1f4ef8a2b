import { describe, expect, it } from 'vitest';
import { openPeriods, periodClosesAt, periodEndOf, periodStartOf, previousPeriod } from './mirror-period';

describe('mirror periods in a time zone', () => {
  it('names the month and quarter by the local calendar', () => {
    // 31 Dec 14:00 UTC is 1 Jan 00:00 in Vladivostok (UTC+10), still 31 Dec 17:00 in Moscow (UTC+3).
    expect(periodStartOf('month', new Date('2025-12-31T14:00:00Z'), 'Asia/Vladivostok')).toBe('2026-01-01');
    expect(periodStartOf('month', new Date('2025-12-31T14:00:00Z'), 'Europe/Moscow')).toBe('2025-12-01');
    expect(periodStartOf('quarter', new Date('2026-06-30T14:00:00Z'), 'Asia/Vladivostok')).toBe('2026-07-01');
    expect(periodStartOf('quarter', new Date('2026-05-15T00:00:00Z'), 'UTC')).toBe('2026-04-01');
    // New York (UTC−5 in winter): 1 Jan 03:00 UTC is still 31 Dec there.
    expect(periodStartOf('month', new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12-01');
  });

  it('steps periods across years', () => {
    expect(periodEndOf('month', '2025-12-01')).toBe('2026-01-01');
    expect(periodEndOf('quarter', '2025-10-01')).toBe('2026-01-01');
    expect(previousPeriod('month', '2026-01-01')).toBe('2025-12-01');
    expect(previousPeriod('quarter', '2026-01-01')).toBe('2025-10-01');
  });

  it('closes a period at local midnight after its grace days, across a DST change', () => {
    expect(periodClosesAt('month', '2025-12-01', 5, 'Asia/Vladivostok').toISOString()).toBe('2026-01-05T14:00:00.000Z');
    // Berlin: October ends in winter time (UTC+1): 3 Nov 00:00 local = 2 Nov 23:00 UTC.
    expect(periodClosesAt('month', '2026-10-01', 2, 'Europe/Berlin').toISOString()).toBe('2026-11-02T23:00:00.000Z');
    expect(periodClosesAt('month', '2026-10-01', 0, 'UTC').toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(openPeriods('month', 5, new Date('2026-01-05T13:59:59Z'), 'Asia/Vladivostok')).toEqual(['2026-01-01', '2025-12-01']);
    expect(openPeriods('month', 5, new Date('2026-01-05T14:00:00Z'), 'Asia/Vladivostok')).toEqual(['2026-01-01']);
    expect(openPeriods('month', 0, new Date('2025-12-31T14:00:00Z'), 'Asia/Vladivostok')).toEqual(['2026-01-01']);
  });
});
