// Properties over many seeded random cases: the deadline and elapsed-time functions are inverses, and both agree
// with a deliberately naive oracle that walks minute by minute asking Intl for the local wall clock.
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessMinutesBetween, Pause } from './business-time';
import { BusinessCalendar, CALENDAR_24X7, WorkingInterval } from './calendar';

/** mulberry32: small, seedable, good enough for test data. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIN = 60_000;
const ZONES = ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago'];
// DST changes of 2026 in those zones (UTC), where bugs would hide.
const CHANGES = [
  '2026-03-29T01:00Z',
  '2026-10-25T01:00Z',
  '2026-03-08T07:00Z',
  '2026-11-01T06:00Z',
  '2026-04-04T15:00Z',
  '2026-10-03T15:30Z',
  '2026-04-05T03:00Z',
  '2026-09-06T04:00Z',
].map(Date.parse);

const office: WorkingInterval[] = [{ start: '09:00', end: '18:00' }];
const lunch: WorkingInterval[] = [
  { start: '09:00', end: '13:00' },
  { start: '14:00', end: '18:00' },
];
const nights: WorkingInterval[] = [
  { start: '00:00', end: '06:00' },
  { start: '20:00', end: '24:00' },
];
const allDay: WorkingInterval[] = [{ start: '00:00', end: '24:00' }];

const calendarCache = new Map<string, BusinessCalendar[]>();
function calendars(timeZone: string): BusinessCalendar[] {
  if (!calendarCache.has(timeZone)) calendarCache.set(timeZone, makeCalendars(timeZone));
  return calendarCache.get(timeZone)!;
}
function makeCalendars(timeZone: string): BusinessCalendar[] {
  return [
    {
      timeZone,
      workingHours: { 1: office, 2: office, 3: office, 4: office, 5: office },
      holidays: ['2026-03-09', '2026-10-26', '2026-11-02', '2026-04-06'],
    },
    {
      timeZone,
      workingHours: { 1: lunch, 2: lunch, 3: lunch, 4: lunch, 5: lunch, 6: [{ start: '10:00', end: '16:00' }] },
      holidays: ['2026-03-27'],
      extraWorkingDays: [
        { date: '2026-03-29', hours: office },
        { date: '2026-11-01', hours: office },
        { date: '2026-10-04', hours: lunch },
      ],
    },
    { timeZone, workingHours: { 0: nights, 1: nights, 2: nights, 3: nights, 4: nights, 5: nights, 6: nights }, holidays: ['2026-10-24'] },
    { timeZone, workingHours: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay }, holidays: [] },
  ];
}

/** Independent reference: is the minute starting at `t` working time? Offsets are constant within 15-minute UTC buckets in these zones. */
function oracle(cal: BusinessCalendar) {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: cal.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offset = (t: number) => {
    const bucket = Math.floor(t / (15 * MIN)) * 15 * MIN;
    let o = offsets.get(bucket);
    if (o === undefined) {
      const p = Object.fromEntries(fmt.formatToParts(bucket).map((x) => [x.type, Number(x.value)]));
      o = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - bucket;
      offsets.set(bucket, o);
    }
    return o;
  };
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return (t: number): boolean => {
    const wall = new Date(t + offset(t));
    const date = wall.toISOString().slice(0, 10);
    const extra = cal.extraWorkingDays?.find((x) => x.date === date);
    const hours = extra ? extra.hours : cal.holidays.includes(date) ? [] : (cal.workingHours[wall.getUTCDay() as 0] ?? []);
    const m = wall.getUTCHours() * 60 + wall.getUTCMinutes();
    return hours.some((iv) => m >= toMin(iv.start) && m < toMin(iv.end));
  };
}

function randomPauses(rnd: () => number, around: number, wholeMinutes: boolean): Pause[] {
  const n = Math.floor(rnd() * 4);
  return Array.from({ length: n }, () => {
    let from = around + Math.floor((rnd() * 6 - 1) * 86_400_000);
    let len = Math.floor(rnd() * 2 * 86_400_000 * rnd());
    if (wholeMinutes) [from, len] = [Math.floor(from / MIN) * MIN, Math.floor(len / MIN) * MIN];
    return { from: new Date(from), to: new Date(from + len) };
  });
}

describe('addBusinessTime ⇄ businessMinutesBetween', () => {
  it('round-trips for 2,000 random starts, durations (≤ 20 business days) and pauses in six zones', () => {
    const rnd = prng(20260329);
    let checked = 0;
    for (let i = 0; i < 2000; i++) {
      const zone = ZONES[i % ZONES.length];
      const cal = i % 13 === 0 ? CALENDAR_24X7 : calendars(zone)[Math.floor(rnd() * 4)];
      // Anywhere in 2025–2027, or within days of a DST change; millisecond precision.
      const start =
        rnd() < 0.5
          ? Date.UTC(2025, 0, 1) + Math.floor(rnd() * 3 * 365 * 86_400_000)
          : CHANGES[Math.floor(rnd() * CHANGES.length)] + Math.floor((rnd() - 0.7) * 5 * 86_400_000);
      const minutes = Math.floor(rnd() * 20 * 540) + 1;
      const pauses = rnd() < 0.5 ? randomPauses(rnd, start, false) : [];
      const due = addBusinessTime(new Date(start), minutes, cal, pauses as Array<Pause & { to: Date }>);
      expect(due.getTime()).toBeGreaterThan(start);
      expect(businessMinutesBetween(new Date(start), due, cal, pauses)).toBe(minutes);
      // One millisecond earlier the duration is not yet used up.
      expect(businessMinutesBetween(new Date(start), new Date(due.getTime() - 1), cal, pauses)).toBeLessThan(minutes);
      // And the other way round: the elapsed time up to any moment leads back to (at most) that moment.
      const later = new Date(start + Math.floor(rnd() * 30 * 86_400_000));
      const elapsed = businessMinutesBetween(new Date(start), later, cal, pauses);
      const back = addBusinessTime(new Date(start), elapsed, cal, pauses as Array<Pause & { to: Date }>);
      expect(back.getTime()).toBeLessThanOrEqual(later.getTime());
      expect(businessMinutesBetween(new Date(start), back, cal, pauses)).toBeCloseTo(elapsed, 9);
      checked++;
    }
    expect(checked).toBe(2000);
  });

  it('is monotonic in the duration, and an open pause gives null exactly when it comes first', () => {
    const rnd = prng(7);
    for (let i = 0; i < 500; i++) {
      const cal = calendars(ZONES[i % ZONES.length])[i % 4];
      const start = new Date(CHANGES[i % CHANGES.length] + Math.floor((rnd() - 0.5) * 4 * 86_400_000));
      const a = Math.floor(rnd() * 3000) + 1;
      const b = a + Math.floor(rnd() * 600);
      expect(addBusinessTime(start, b, cal).getTime()).toBeGreaterThanOrEqual(addBusinessTime(start, a, cal).getTime());
      const openFrom = new Date(start.getTime() + Math.floor(rnd() * 5 * 86_400_000));
      const due = addBusinessTime(start, a, cal, [{ from: openFrom, to: null }]);
      const free = addBusinessTime(start, a, cal);
      if (free.getTime() <= openFrom.getTime()) expect(due).toEqual(free);
      else expect(due).toBeNull();
    }
  });
});

describe('agreement with a minute-by-minute oracle', () => {
  it('matches on 160 random cases around DST changes, holidays, split days and pauses', () => {
    const rnd = prng(1103);
    for (let i = 0; i < 160; i++) {
      const zone = ZONES[i % ZONES.length];
      const cal = calendars(zone)[Math.floor(i / ZONES.length) % 4];
      const working = oracle(cal);
      const start = Math.floor((CHANGES[Math.floor(rnd() * CHANGES.length)] + (rnd() - 0.8) * 4 * 86_400_000) / MIN) * MIN;
      const minutes = Math.floor(rnd() * 1200) + 1;
      const pauses = rnd() < 0.5 ? randomPauses(rnd, start, true) : [];
      const paused = (t: number) => pauses.some((p) => t >= p.from.getTime() && t < p.to!.getTime());
      let t = start;
      for (let left = minutes; left > 0; t += MIN) if (working(t) && !paused(t)) left--;
      const context = `${zone} calendar ${Math.floor(i / ZONES.length) % 4} start ${new Date(start).toISOString()} + ${minutes} min`;
      expect(addBusinessTime(new Date(start), minutes, cal, pauses as Array<Pause & { to: Date }>).toISOString(), context).toBe(
        new Date(t).toISOString(),
      );
      // Elapsed over an arbitrary whole-minute window, counted the same naive way.
      const end = start + Math.floor(rnd() * 3 * 1440) * MIN;
      let count = 0;
      for (let u = start; u < end; u += MIN) if (working(u) && !paused(u)) count++;
      expect(businessMinutesBetween(new Date(start), new Date(end), cal, pauses), context).toBe(count);
    }
  });
});
