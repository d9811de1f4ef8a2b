import { describe, expect, it } from 'vitest';
import { assertTimeZone, localDate, localDateTime, offsetAt, startOfLocalDay } from './zoned-time';

const utc = (iso: string): number => Date.parse(iso);
const day = (year: number, month: number, dayOfMonth: number) => ({ year, month, day: dayOfMonth });
const HOUR = 3_600_000;

describe('localDateTime / offsetAt', () => {
  it('reads the wall clock of a zone', () => {
    // Yekaterinburg is UTC+5 all year: 19:00Z on 31 Jan is midnight on 1 Feb.
    expect(localDateTime(utc('2024-01-31T19:00:00Z'), 'Asia/Yekaterinburg')).toEqual({
      year: 2024,
      month: 2,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
    });
    expect(localDate(utc('2024-01-31T18:59:59Z'), 'Asia/Yekaterinburg')).toEqual(day(2024, 1, 31));
  });

  it('follows DST', () => {
    // Berlin: CET (+1) until 01:00Z on 31 Mar 2024, then CEST (+2).
    expect(offsetAt(utc('2024-03-31T00:59:59Z'), 'Europe/Berlin')).toBe(1 * HOUR);
    expect(offsetAt(utc('2024-03-31T01:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
    // Kathmandu is +05:45.
    expect(offsetAt(utc('2024-06-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(5.75 * HOUR);
  });

  it('rejects unknown zones with a RangeError', () => {
    expect(() => assertTimeZone('Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => assertTimeZone('Europe/Berlin')).not.toThrow();
  });
});

describe('startOfLocalDay', () => {
  it.each([
    // Berlin, spring 2024: 31 Mar starts at 00:00 CET = 23:00Z the day before; 1 Apr at 00:00 CEST = 22:00Z.
    ['Europe/Berlin', day(2024, 3, 31), '2024-03-30T23:00:00.000Z'],
    ['Europe/Berlin', day(2024, 4, 1), '2024-03-31T22:00:00.000Z'],
    // Berlin, autumn 2024: 27 Oct starts in CEST (22:00Z), 28 Oct in CET (23:00Z): a 25-hour day.
    ['Europe/Berlin', day(2024, 10, 27), '2024-10-26T22:00:00.000Z'],
    ['Europe/Berlin', day(2024, 10, 28), '2024-10-27T23:00:00.000Z'],
    ['Asia/Yekaterinburg', day(2024, 2, 1), '2024-01-31T19:00:00.000Z'],
    // +05:45: midnight 1 Jan 2024 is 18:15Z on 31 Dec.
    ['Asia/Kathmandu', day(2024, 1, 1), '2023-12-31T18:15:00.000Z'],
    ['UTC', day(2024, 2, 29), '2024-02-29T00:00:00.000Z'],
    // Havana, 3 Nov 2024: clocks fall back 01:00 → 00:00, so midnight happens at 04:00Z (−4) and again
    // at 05:00Z (−5); the day starts at the first.
    ['America/Havana', day(2024, 11, 3), '2024-11-03T04:00:00.000Z'],
    // Cairo, 26 Apr 2024: clocks jump 00:00 → 01:00, so there is no midnight; the day starts at the jump,
    // 22:00Z on 25 Apr (00:00 EET = 01:00 EEST).
    ['Africa/Cairo', day(2024, 4, 26), '2024-04-25T22:00:00.000Z'],
    // Santiago, 8 Sep 2024: 00:00 → 01:00 at 04:00Z.
    ['America/Santiago', day(2024, 9, 8), '2024-09-08T04:00:00.000Z'],
  ])('%s %j starts at %s', (timeZone, date, expected) => {
    expect(new Date(startOfLocalDay(date, timeZone)).toISOString()).toBe(expected);
  });

  it('gives a skipped day (Pacific/Apia, 30 Dec 2011) zero length', () => {
    // Apia jumped from 29 Dec 23:59:59 (−10) to 31 Dec 00:00 (+14) at 10:00Z on 30 Dec.
    const skipped = startOfLocalDay(day(2011, 12, 30), 'Pacific/Apia');
    const next = startOfLocalDay(day(2011, 12, 31), 'Pacific/Apia');
    expect(new Date(skipped).toISOString()).toBe('2011-12-30T10:00:00.000Z');
    expect(next).toBe(skipped);
  });
});
