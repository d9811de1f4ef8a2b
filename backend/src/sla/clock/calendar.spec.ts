import { describe, expect, it } from 'vitest';
import { addBusinessTime } from './business-time';
import {
  CALENDAR_24X7,
  compileCalendar,
  defaultBusinessCalendar,
  InvalidCalendarError,
  validateCalendar,
  workingDayMinutes,
} from './calendar';
import { russianStatutoryHolidays, withRussianProductionCalendar } from './russian-calendar';
import { instantOfWall, localDayOf, offsetAt } from './tz';

describe('validateCalendar', () => {
  it('accepts the defaults and 24×7', () => {
    expect(validateCalendar(defaultBusinessCalendar('Europe/Moscow'))).toEqual([]);
    expect(validateCalendar(CALENDAR_24X7)).toEqual([]);
  });

  it('names every problem in words', () => {
    const problems = validateCalendar({
      timeZone: 'Mars/Olympus',
      workingHours: {
        1: [{ start: '18:00', end: '09:00' }],
        2: [
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '18:00' },
        ],
        3: [{ start: '9:00', end: '25:00' }],
        9: [],
      },
      holidays: ['2026-02-30', 'tomorrow'],
      extraWorkingDays: [
        { date: '2026-02-28', hours: [] },
        { date: '2026-02-28', hours: [] },
        { date: '2026-13-01', hours: [] },
      ],
    });
    expect(problems).toEqual([
      'timeZone "Mars/Olympus" is not a known IANA time zone (e.g. Europe/Moscow, America/New_York)',
      'workingHours: "9" is not a weekday (use 0 = Sunday … 6 = Saturday)',
      'workingHours Monday, interval 1 (18:00–09:00): end must be after start (overnight shifts are not supported; split them at midnight)',
      'workingHours Tuesday: intervals 09:00–13:00 and 12:00–18:00 overlap',
      'workingHours Wednesday, interval 1: start "9:00" is not a time from 00:00 to 23:59',
      'workingHours Wednesday, interval 1: end "25:00" is not a time from 00:00 to 24:00',
      'holidays: "2026-02-30" is not a date YYYY-MM-DD',
      'holidays: "tomorrow" is not a date YYYY-MM-DD',
      'extraWorkingDays: 2026-02-28 is listed twice',
      'extraWorkingDays: "2026-13-01" is not a date YYYY-MM-DD',
    ]);
  });

  it('rejects a calendar without any working time, a missing zone, and contradictions', () => {
    expect(validateCalendar({ timeZone: 'UTC', workingHours: { 1: [] }, holidays: [] })).toEqual([
      'workingHours has no working time on any weekday, so no deadline could ever be reached',
    ]);
    expect(validateCalendar({ workingHours: { 1: [{ start: '09:00', end: '18:00' }] }, holidays: [] })).toEqual([
      'timeZone is required (an IANA name such as Europe/Moscow)',
    ]);
    expect(
      validateCalendar({
        ...defaultBusinessCalendar('UTC'),
        holidays: ['2026-05-02'],
        extraWorkingDays: [{ date: '2026-05-02', hours: [{ start: '09:00', end: '18:00' }] }],
      }),
    ).toEqual(['2026-05-02 is both a holiday and an extra working day']);
    expect(validateCalendar(null)).toEqual(['calendar must be an object']);
    // Touching intervals are fine (they merge).
    expect(
      validateCalendar({
        timeZone: 'UTC',
        workingHours: {
          1: [
            { start: '09:00', end: '13:00' },
            { start: '13:00', end: '24:00' },
          ],
        },
        holidays: [],
      }),
    ).toEqual([]);
  });

  it('the clock refuses an invalid calendar with the problems listed', () => {
    const bad = { timeZone: 'Europe/Nowhere', workingHours: { 1: [{ start: '18:00', end: '09:00' }] }, holidays: [] };
    expect(() => addBusinessTime(new Date(), 60, bad)).toThrow(InvalidCalendarError);
    let error: unknown;
    try {
      compileCalendar(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidCalendarError);
    expect((error as InvalidCalendarError).problems).toHaveLength(2);
    expect((error as Error).message).toBe(
      'Invalid business calendar: timeZone "Europe/Nowhere" is not a known IANA time zone (e.g. Europe/Moscow, America/New_York); ' +
        'workingHours Monday, interval 1 (18:00–09:00): end must be after start (overnight shifts are not supported; split them at midnight)',
    );
  });
});

describe('compileCalendar', () => {
  it('reuses the compiled calendar for an equal calendar loaded afresh', () => {
    const cal = defaultBusinessCalendar('Asia/Kolkata');
    const compiledOnce = compileCalendar(cal);
    expect(compileCalendar(cal)).toBe(compiledOnce);
    expect(compileCalendar(JSON.parse(JSON.stringify(cal)))).toBe(compiledOnce);
    expect(compileCalendar({ ...cal, holidays: ['2026-01-26'] })).not.toBe(compiledOnce);
    // Monday 2026-02-09 09:00–18:00 IST = 03:30Z–12:30Z.
    expect(compiledOnce.intervalsOn(Date.UTC(2026, 1, 9) / 86_400_000)).toEqual([
      Date.parse('2026-02-09T03:30Z'),
      Date.parse('2026-02-09T12:30Z'),
    ]);
  });
});

describe('workingDayMinutes', () => {
  it('is the usual day length', () => {
    expect(workingDayMinutes(defaultBusinessCalendar('UTC'))).toBe(540);
    const lunch = [
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ];
    // Mon–Thu 8 h, Fri 7 h (short Friday): the most common length wins.
    expect(
      workingDayMinutes({
        timeZone: 'UTC',
        workingHours: { 1: lunch, 2: lunch, 3: lunch, 4: lunch, 5: [{ start: '09:00', end: '16:00' }] },
        holidays: [],
      }),
    ).toBe(480);
    expect(workingDayMinutes(CALENDAR_24X7)).toBe(1440);
  });
});

describe('Russian production calendar helper', () => {
  it('lists the statutory holidays of a year', () => {
    expect(russianStatutoryHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
      '2027-02-23',
      '2027-03-08',
      '2027-05-01',
      '2027-05-09',
      '2027-06-12',
      '2027-11-04',
    ]);
  });

  it('merges decree days off, working Saturdays and short days into a new, valid calendar', () => {
    const base = defaultBusinessCalendar('Europe/Moscow');
    const cal = withRussianProductionCalendar(base, 2025, {
      daysOff: ['2025-11-03'],
      workingDays: ['2025-11-01'],
      shortDays: ['2025-11-01', '2025-12-30'],
    });
    expect(base.holidays).toEqual([]); // input untouched
    expect(cal.holidays).toContain('2025-11-03');
    expect(cal.holidays).toContain('2025-11-04');
    expect(cal.holidays).toHaveLength(15);
    expect(cal.extraWorkingDays).toEqual([
      { date: '2025-11-01', hours: [{ start: '09:00', end: '17:00' }] }, // working Saturday, shortened
      { date: '2025-12-30', hours: [{ start: '09:00', end: '17:00' }] }, // Tuesday before the New Year holidays
    ]);
    expect(validateCalendar(cal)).toEqual([]);
  });

  it('shortens the last interval of a split day, and accepts explicit hours', () => {
    const lunch = [
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ];
    const base = { timeZone: 'Europe/Moscow', workingHours: { 1: lunch, 2: lunch, 3: lunch, 4: lunch, 5: lunch }, holidays: [] };
    const cal = withRussianProductionCalendar(base, 2026, {
      shortDays: ['2026-04-30'],
      workingDays: [{ date: '2026-06-13', hours: [{ start: '10:00', end: '15:00' }] }],
    });
    expect(cal.extraWorkingDays).toEqual([
      {
        date: '2026-04-30',
        hours: [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '17:00' },
        ],
      },
      { date: '2026-06-13', hours: [{ start: '10:00', end: '15:00' }] },
    ]);
  });
});

describe('tz helpers', () => {
  it('resolve skipped and repeated wall times', () => {
    const wall = (iso: string) => Date.parse(`${iso}Z`);
    // Berlin 2026-03-29 02:30 does not exist → the jump, 01:00Z.
    expect(new Date(instantOfWall('Europe/Berlin', wall('2026-03-29T02:30'))).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // Berlin 2026-10-25 02:30 occurs at 00:30Z (CEST) and 01:30Z (CET) → the first.
    expect(new Date(instantOfWall('Europe/Berlin', wall('2026-10-25T02:30'))).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // New York 2026-03-08 02:15 does not exist → 07:00Z; Kolkata is a plain +05:30.
    expect(new Date(instantOfWall('America/New_York', wall('2026-03-08T02:15'))).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(instantOfWall('Asia/Kolkata', wall('2026-02-09T10:00'))).toISOString()).toBe('2026-02-09T04:30:00.000Z');
    // Santiago skips midnight: 2026-09-06 00:00 → the jump at 04:00Z (01:00 -03).
    expect(new Date(instantOfWall('America/Santiago', wall('2026-09-06T00:00'))).toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('reads offsets and local days', () => {
    expect(offsetAt('Australia/Lord_Howe', Date.parse('2026-04-04T14:59Z'))).toBe(11 * 3_600_000);
    expect(offsetAt('Australia/Lord_Howe', Date.parse('2026-04-04T15:00Z'))).toBe(10.5 * 3_600_000);
    // 2026-02-08T22:00Z is already Monday 9 Feb in Moscow (day 20493 since 1970-01-01).
    expect(localDayOf('Europe/Moscow', Date.parse('2026-02-08T22:00Z'))).toBe(Date.UTC(2026, 1, 9) / 86_400_000);
  });
});
