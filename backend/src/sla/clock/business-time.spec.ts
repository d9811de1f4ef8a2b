import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessMinutesBetween } from './business-time';
import { BusinessCalendar, CALENDAR_24X7, defaultBusinessCalendar, WorkingInterval } from './calendar';
import { withRussianProductionCalendar } from './russian-calendar';

// Every expectation below is computed by hand; offsets are written into the ISO strings.
const at = (iso: string) => new Date(iso);
const everyDay = (timeZone: string, hours: WorkingInterval[]): BusinessCalendar => ({
  timeZone,
  workingHours: { 0: hours, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: hours },
  holidays: [],
});
const moscow = defaultBusinessCalendar('Europe/Moscow'); // Mon–Fri 09:00–18:00, UTC+3 all year

describe('addBusinessTime: weekends and working hours (Moscow, Mon–Fri 09–18)', () => {
  it('Friday 17:00 + 2 business hours → Monday 10:00', () => {
    // Fri 2026-02-06 17:00–18:00 = 60 min; Sat/Sun off; Mon 09:00 + 60 = 10:00.
    expect(addBusinessTime(at('2026-02-06T17:00+03:00'), 120, moscow)).toEqual(at('2026-02-09T10:00+03:00'));
  });

  it('starting on Saturday starts the clock Monday 09:00', () => {
    // Sat 11:23 → clock starts Mon 09:00; + 90 = 10:30.
    expect(addBusinessTime(at('2026-02-07T11:23+03:00'), 90, moscow)).toEqual(at('2026-02-09T10:30+03:00'));
    // + 9 h fills Monday exactly: the deadline is Monday 18:00, not Tuesday 09:00.
    expect(addBusinessTime(at('2026-02-07T11:23+03:00'), 540, moscow)).toEqual(at('2026-02-09T18:00+03:00'));
    // + 9 h 1 min spills one minute into Tuesday.
    expect(addBusinessTime(at('2026-02-07T11:23+03:00'), 541, moscow)).toEqual(at('2026-02-10T09:01+03:00'));
  });

  it('starting before opening or after closing waits for the next working moment', () => {
    // Mon 07:15 → 09:00 + 30 = 09:30. Mon 19:40 → Tue 09:00 + 30 = 09:30.
    expect(addBusinessTime(at('2026-02-09T07:15+03:00'), 30, moscow)).toEqual(at('2026-02-09T09:30+03:00'));
    expect(addBusinessTime(at('2026-02-09T19:40+03:00'), 30, moscow)).toEqual(at('2026-02-10T09:30+03:00'));
  });

  it('counts days: 20 business days from Monday 09:00 end Friday 18:00 of the fourth week', () => {
    // 20 × 540 min = 4 weeks of Mon–Fri; Mon 2026-02-09 + 4 weeks − 3 days = Fri 2026-03-06 18:00.
    expect(addBusinessTime(at('2026-02-09T09:00+03:00'), 20 * 540, moscow)).toEqual(at('2026-03-06T18:00+03:00'));
  });

  it('zero minutes is the start itself; bad input is rejected', () => {
    expect(addBusinessTime(at('2026-02-07T11:23+03:00'), 0, moscow)).toEqual(at('2026-02-07T11:23+03:00'));
    expect(() => addBusinessTime(at('2026-02-07T11:23+03:00'), -5, moscow)).toThrow(/non-negative/);
    expect(() => addBusinessTime(new Date('nope'), 5, moscow)).toThrow(/start is not a valid date/);
  });

  it('keeps seconds and fractions of minutes', () => {
    // Mon 09:00:30 + 0.5 min = 09:01:00.
    expect(addBusinessTime(at('2026-02-09T09:00:30+03:00'), 0.5, moscow)).toEqual(at('2026-02-09T09:01:00+03:00'));
  });
});

describe('holidays and the Russian production calendar', () => {
  // Example 2026 decree input: statutory 1–8 Jan + Jan 9 and Dec 31 moved off.
  const ru2026 = withRussianProductionCalendar(moscow, 2026, { daysOff: ['2026-01-09', '2026-12-31'] });

  it('skips the New Year holidays', () => {
    // Wed 2025-12-31 17:00–18:00 = 60; Thu 1 … Fri 9 Jan off; Sat 10, Sun 11 off; Mon 12 Jan 09:00 + 60 = 10:00.
    expect(addBusinessTime(at('2025-12-31T17:00+03:00'), 120, ru2026)).toEqual(at('2026-01-12T10:00+03:00'));
    // Elapsed Wed 09:00 → Mon 12 Jan 18:00: 9 h + 9 h.
    expect(businessMinutesBetween(at('2025-12-31T09:00+03:00'), at('2026-01-12T18:00+03:00'), ru2026)).toBe(1080);
  });

  it('skips a single weekday holiday', () => {
    // Mon 2026-02-23 is a holiday: Fri 20 Feb 17:00 + 2 h → Fri 60, Mon off, Tue 24 09:00 + 60 = 10:00.
    expect(addBusinessTime(at('2026-02-20T17:00+03:00'), 120, ru2026)).toEqual(at('2026-02-24T10:00+03:00'));
  });

  it('works an extra Saturday (and a shortened pre-holiday day)', () => {
    // Example 2025 decree: Sat 1 Nov works (shortened to 09–17 before the 4 Nov holiday), Mon 3 Nov is off.
    const ru2025 = withRussianProductionCalendar(moscow, 2025, {
      workingDays: ['2025-11-01'],
      shortDays: ['2025-11-01'],
      daysOff: ['2025-11-03'],
    });
    // Fri 31 Oct 17:00–18:00 = 60; Sat 1 Nov 09:00 + 60 = 10:00.
    expect(addBusinessTime(at('2025-10-31T17:00+03:00'), 120, ru2025)).toEqual(at('2025-11-01T10:00+03:00'));
    // 10 h: Fri 60 + Sat 09–17 480 = 540; Sun off, Mon 3 off, Tue 4 holiday; Wed 5 09:00 + 60 = 10:00.
    expect(addBusinessTime(at('2025-10-31T17:00+03:00'), 600, ru2025)).toEqual(at('2025-11-05T10:00+03:00'));
    // Without the decree the same ticket lands on Mon 3 Nov 10:00.
    expect(addBusinessTime(at('2025-10-31T17:00+03:00'), 120, moscow)).toEqual(at('2025-11-03T10:00+03:00'));
  });
});

describe('split days (lunch 13:00–14:00)', () => {
  const lunch: WorkingInterval[] = [
    { start: '09:00', end: '13:00' },
    { start: '14:00', end: '18:00' },
  ];
  const split: BusinessCalendar = { ...moscow, workingHours: { 1: lunch, 2: lunch, 3: lunch, 4: lunch, 5: lunch } };

  it('jumps over lunch', () => {
    // Mon 12:30–13:00 = 30, lunch, 14:00 + 30 = 14:30.
    expect(addBusinessTime(at('2026-02-09T12:30+03:00'), 60, split)).toEqual(at('2026-02-09T14:30+03:00'));
    // Starting at lunch: the clock starts 14:00; + 60 = 15:00.
    expect(addBusinessTime(at('2026-02-09T13:20+03:00'), 60, split)).toEqual(at('2026-02-09T15:00+03:00'));
    // Ending exactly when lunch starts: 12:00 + 60 = 13:00.
    expect(addBusinessTime(at('2026-02-09T12:00+03:00'), 60, split)).toEqual(at('2026-02-09T13:00+03:00'));
  });

  it('a split day has 8 business hours', () => {
    expect(businessMinutesBetween(at('2026-02-09T00:00+03:00'), at('2026-02-10T00:00+03:00'), split)).toBe(480);
    // 12:00 → 15:00 wall = 3 h minus lunch = 120.
    expect(businessMinutesBetween(at('2026-02-09T12:00+03:00'), at('2026-02-09T15:00+03:00'), split)).toBe(120);
  });
});

describe('DST changes', () => {
  it('Berlin spring forward (2026-03-29): a 09–18 day is still 9 h, and UTC shifts by an hour', () => {
    const berlin = everyDay('Europe/Berlin', [{ start: '09:00', end: '18:00' }]);
    // Sat 28 Mar 17:00 CET (16:00Z) → 17–18 = 60; Sun 29 Mar 09:00 CEST (07:00Z) + 60 = 10:00 CEST (08:00Z).
    expect(addBusinessTime(at('2026-03-28T17:00+01:00'), 120, berlin)).toEqual(at('2026-03-29T10:00+02:00'));
    expect(addBusinessTime(at('2026-03-28T17:00+01:00'), 120, berlin)).toEqual(at('2026-03-29T08:00Z'));
    expect(businessMinutesBetween(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'), berlin)).toBe(540);
  });

  it('Berlin Mon–Fri across the change weekend', () => {
    // Fri 27 Mar 17:00 CET + 2 h → Fri 60; Mon 30 Mar 09:00 CEST + 60 = 10:00 CEST = 08:00Z.
    expect(addBusinessTime(at('2026-03-27T17:00+01:00'), 120, defaultBusinessCalendar('Europe/Berlin'))).toEqual(at('2026-03-30T08:00Z'));
  });

  it('Berlin: a local 24-hour desk has a 23 h day in spring and a 25 h day in autumn', () => {
    const allDay = everyDay('Europe/Berlin', [{ start: '00:00', end: '24:00' }]);
    expect(businessMinutesBetween(at('2026-03-28T12:00Z'), at('2026-03-30T12:00Z'), allDay)).toBe(48 * 60); // real time
    expect(businessMinutesBetween(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'), allDay)).toBe(23 * 60);
    expect(businessMinutesBetween(at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00'), allDay)).toBe(25 * 60);
    // Sat 28 Mar 22:00 CET (21:00Z) + 6 h real = 03:00Z = Sun 05:00 CEST (the wall clock shows 7 h later).
    expect(addBusinessTime(at('2026-03-28T22:00+01:00'), 360, allDay)).toEqual(at('2026-03-29T05:00+02:00'));
    // Sat 24 Oct 23:00 CEST (21:00Z) + 6 h = 03:00Z = Sun 04:00 CET (the wall clock shows 5 h later).
    expect(addBusinessTime(at('2026-10-24T23:00+02:00'), 360, allDay)).toEqual(at('2026-10-25T04:00+01:00'));
  });

  it('Berlin: boundaries inside the skipped and the repeated hour', () => {
    // Sunday 01:00–02:30 + 02:30–05:00 (boundary at 02:30).
    const night = {
      timeZone: 'Europe/Berlin',
      workingHours: {
        0: [
          { start: '01:00', end: '02:30' },
          { start: '02:30', end: '05:00' },
        ],
      },
      holidays: [],
    };
    // Ordinary Sunday 2026-03-22: 4 h.
    expect(businessMinutesBetween(at('2026-03-21T12:00Z'), at('2026-03-23T12:00Z'), night)).toBe(240);
    // 2026-03-29: 02:30 doesn't exist → the jump at 02:00 CET = 01:00Z; 01:00 CET (00:00Z) … 05:00 CEST (03:00Z) = 3 h.
    expect(businessMinutesBetween(at('2026-03-28T12:00Z'), at('2026-03-30T12:00Z'), night)).toBe(180);
    // 2026-10-25: 02:30 occurs twice → the first (CEST, 00:30Z); 01:00 CEST (23:00Z) … 05:00 CET (04:00Z) = 5 h.
    expect(businessMinutesBetween(at('2026-10-24T12:00Z'), at('2026-10-26T12:00Z'), night)).toBe(300);
    // Interval wholly inside the skipped hour (02:10–02:40) has no time that day, 30 min on other Sundays.
    const ghost = { timeZone: 'Europe/Berlin', workingHours: { 0: [{ start: '02:10', end: '02:40' }] }, holidays: [] };
    expect(businessMinutesBetween(at('2026-03-28T12:00Z'), at('2026-03-30T12:00Z'), ghost)).toBe(0);
    expect(businessMinutesBetween(at('2026-03-21T12:00Z'), at('2026-03-23T12:00Z'), ghost)).toBe(30);
  });

  it('New York spring forward (2026-03-08) and fall back (2026-11-01)', () => {
    const ny = everyDay('America/New_York', [{ start: '09:00', end: '18:00' }]);
    // Sat 7 Mar 17:00 EST (22:00Z) + 2 h → 60 on Sat; Sun 8 Mar 09:00 EDT (13:00Z) + 60 = 14:00Z.
    expect(addBusinessTime(at('2026-03-07T17:00-05:00'), 120, ny)).toEqual(at('2026-03-08T14:00Z'));
    // Sat 31 Oct 17:00 EDT (21:00Z) + 2 h → Sun 1 Nov 09:00 EST (14:00Z) + 60 = 15:00Z.
    expect(addBusinessTime(at('2026-10-31T17:00-04:00'), 120, ny)).toEqual(at('2026-11-01T15:00Z'));
    expect(businessMinutesBetween(at('2026-03-08T00:00-05:00'), at('2026-03-09T00:00-04:00'), ny)).toBe(540);
    expect(businessMinutesBetween(at('2026-11-01T00:00-04:00'), at('2026-11-02T00:00-05:00'), ny)).toBe(540);
    // Local 24-hour desk: Sat 31 Oct 23:00 EDT (03:00Z) + 4 h = 07:00Z = 02:00 EST (01:00–02:00 happened twice).
    const allDay = everyDay('America/New_York', [{ start: '00:00', end: '24:00' }]);
    expect(addBusinessTime(at('2026-10-31T23:00-04:00'), 240, allDay)).toEqual(at('2026-11-01T02:00-05:00'));
  });

  it('Lord Howe: half-hour DST makes local days of 24.5 h and 23.5 h', () => {
    const allDay = everyDay('Australia/Lord_Howe', [{ start: '00:00', end: '24:00' }]);
    // 2026-04-05: 00:00 +11 (4 Apr 13:00Z) … 6 Apr 00:00 +10:30 (5 Apr 13:30Z) = 24.5 h.
    expect(businessMinutesBetween(at('2026-04-05T00:00+11:00'), at('2026-04-06T00:00+10:30'), allDay)).toBe(1470);
    // 2026-10-04: 00:00 +10:30 … 5 Oct 00:00 +11 = 23.5 h.
    expect(businessMinutesBetween(at('2026-10-04T00:00+10:30'), at('2026-10-05T00:00+11:00'), allDay)).toBe(1410);
    const office = everyDay('Australia/Lord_Howe', [{ start: '09:00', end: '18:00' }]);
    // Sat 4 Apr 17:30 +11 + 60 → 30 on Sat; Sun 5 Apr 09:00 +10:30 (4 Apr 22:30Z) + 30 = 23:00Z.
    expect(addBusinessTime(at('2026-04-04T17:30+11:00'), 60, office)).toEqual(at('2026-04-04T23:00Z'));
  });
});

describe('half-hour offset (Asia/Kolkata, UTC+05:30, Mon–Fri 10–19)', () => {
  const kolkata: BusinessCalendar = {
    ...defaultBusinessCalendar('Asia/Kolkata'),
    workingHours: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '10:00', end: '19:00' }]])),
  };
  it('Friday 18:00 IST + 2 h → Monday 11:00 IST (05:30Z)', () => {
    // Fri 6 Feb 18:00–19:00 = 60; Mon 9 Feb 10:00 + 60 = 11:00 IST = 05:30Z.
    expect(addBusinessTime(at('2026-02-06T18:00+05:30'), 120, kolkata)).toEqual(at('2026-02-09T05:30Z'));
  });
  it('a UTC-midnight start is 05:30 local, before opening', () => {
    // Mon 9 Feb 00:00Z = 05:30 IST → clock starts 10:00 IST (04:30Z); + 15 = 04:45Z.
    expect(addBusinessTime(at('2026-02-09T00:00Z'), 15, kolkata)).toEqual(at('2026-02-09T04:45Z'));
  });
});

describe('pauses (waiting on the customer)', () => {
  const mon = (hhmm: string) => at(`2026-02-09T${hhmm}+03:00`);
  const tue = (hhmm: string) => at(`2026-02-10T${hhmm}+03:00`);

  it('a pause inside working hours pushes the deadline by its length', () => {
    // Mon 10:00 + 4 h; paused 11:00–12:30: 10–11 = 60, resume 12:30 + 180 = 15:30.
    expect(addBusinessTime(mon('10:00'), 240, moscow, [{ from: mon('11:00'), to: mon('12:30') }])).toEqual(mon('15:30'));
    expect(businessMinutesBetween(mon('10:00'), mon('15:30'), moscow, [{ from: mon('11:00'), to: mon('12:30') }])).toBe(240);
  });

  it('a pause outside working hours changes nothing; one across the night counts only its working part', () => {
    // Mon 17:00 + 2 h = Tue 10:00 with or without a Mon 20:00 – Tue 08:00 pause.
    expect(addBusinessTime(mon('17:00'), 120, moscow, [{ from: mon('20:00'), to: tue('08:00') }])).toEqual(tue('10:00'));
    // Paused Mon 17:30 – Tue 09:30: Mon 17:00–17:30 = 30, Tue 09:30 + 90 = 11:00.
    expect(addBusinessTime(mon('17:00'), 120, moscow, [{ from: mon('17:30'), to: tue('09:30') }])).toEqual(tue('11:00'));
  });

  it('overlapping and nested pauses merge', () => {
    // [11:00, 12:00) ∪ [11:30, 12:30) ∪ [12:15, 12:20) = [11:00, 12:30) → as above, 15:30.
    const pauses = [
      { from: mon('11:30'), to: mon('12:30') },
      { from: mon('11:00'), to: mon('12:00') },
      { from: mon('12:15'), to: mon('12:20') },
    ];
    expect(addBusinessTime(mon('10:00'), 240, moscow, pauses)).toEqual(mon('15:30'));
  });

  it('a ticket opened while paused starts counting when the pause ends', () => {
    // Paused 09:30–11:00, opened 10:00: clock starts 11:00; + 60 = 12:00.
    expect(addBusinessTime(mon('10:00'), 60, moscow, [{ from: mon('09:30'), to: mon('11:00') }])).toEqual(mon('12:00'));
  });

  it('an open pause makes the deadline unknown (null) unless it is reached first', () => {
    expect(addBusinessTime(mon('10:00'), 240, moscow, [{ from: mon('11:00'), to: null }])).toBeNull();
    expect(addBusinessTime(mon('10:00'), 240, moscow, [{ from: mon('11:00') }])).toBeNull();
    // Due 14:00; a pause opened at 15:00, or exactly at 14:00, comes too late to matter.
    expect(addBusinessTime(mon('10:00'), 240, moscow, [{ from: mon('15:00') }])).toEqual(mon('14:00'));
    expect(addBusinessTime(mon('10:00'), 240, moscow, [{ from: mon('14:00') }])).toEqual(mon('14:00'));
    // Elapsed stops at the open pause: 10:00–11:00 = 60.
    expect(businessMinutesBetween(mon('10:00'), mon('18:00'), moscow, [{ from: mon('11:00') }])).toBe(60);
  });

  it('empty or reversed pauses are ignored; invalid dates rejected', () => {
    expect(
      addBusinessTime(mon('10:00'), 60, moscow, [
        { from: mon('10:30'), to: mon('10:30') },
        { from: mon('10:40'), to: mon('10:20') },
      ]),
    ).toEqual(mon('11:00'));
    expect(() => addBusinessTime(mon('10:00'), 60, moscow, [{ from: new Date(NaN), to: mon('10:30') }])).toThrow(/pause 1 start/);
  });
});

describe('24×7 (calendar hours)', () => {
  it('counts every hour', () => {
    // Fri 17:00Z + 2 h = 19:00Z; + 3 days = +72 h over the weekend.
    expect(addBusinessTime(at('2026-02-06T17:00Z'), 120, CALENDAR_24X7)).toEqual(at('2026-02-06T19:00Z'));
    expect(addBusinessTime(at('2026-02-06T17:00Z'), 3 * 1440, CALENDAR_24X7)).toEqual(at('2026-02-09T17:00Z'));
    // Across Berlin's DST night the real time still counts: 24 h later is 24 h later.
    expect(addBusinessTime(at('2026-03-28T12:00+01:00'), 1440, CALENDAR_24X7)).toEqual(at('2026-03-29T13:00+02:00'));
  });
  it('still pauses', () => {
    const pauses = [{ from: at('2026-02-06T18:00Z'), to: at('2026-02-06T19:00Z') }];
    expect(addBusinessTime(at('2026-02-06T17:00Z'), 120, CALENDAR_24X7, pauses)).toEqual(at('2026-02-06T20:00Z'));
    expect(businessMinutesBetween(at('2026-02-06T17:00Z'), at('2026-02-06T20:00Z'), CALENDAR_24X7, pauses)).toBe(120);
  });
});

describe('businessMinutesBetween edges', () => {
  it('is 0 for an empty or reversed range and over a weekend', () => {
    expect(businessMinutesBetween(at('2026-02-09T12:00+03:00'), at('2026-02-09T12:00+03:00'), moscow)).toBe(0);
    expect(businessMinutesBetween(at('2026-02-09T12:00+03:00'), at('2026-02-09T10:00+03:00'), moscow)).toBe(0);
    expect(businessMinutesBetween(at('2026-02-07T00:00+03:00'), at('2026-02-09T00:00+03:00'), moscow)).toBe(0);
  });
  it('counts a whole week as 45 h', () => {
    expect(businessMinutesBetween(at('2026-02-09T00:00+03:00'), at('2026-02-16T00:00+03:00'), moscow)).toBe(45 * 60);
  });
});
