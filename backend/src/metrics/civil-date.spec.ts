import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsToFirst,
  compareCivilDates,
  formatCivilDate,
  formatCivilMonth,
  formatIsoWeek,
  isoWeek,
  isoWeekday,
  startOfIsoWeek,
} from './civil-date';

describe('civil dates', () => {
  it('adds days across month ends and leap days', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2023, month: 2, day: 28 }, 1)).toEqual({ year: 2023, month: 3, day: 1 });
    expect(addDays({ year: 2024, month: 12, day: 30 }, 7)).toEqual({ year: 2025, month: 1, day: 6 });
  });

  it('steps to the first of later months', () => {
    expect(addMonthsToFirst({ year: 2024, month: 12, day: 15 }, 1)).toEqual({ year: 2025, month: 1, day: 1 });
    expect(addMonthsToFirst({ year: 2024, month: 1, day: 31 }, 1)).toEqual({ year: 2024, month: 2, day: 1 });
  });

  it('finds Monday-start ISO weeks', () => {
    // 31 March 2024 was a Sunday, so its week began on Monday 25 March.
    expect(isoWeekday({ year: 2024, month: 3, day: 31 })).toBe(7);
    expect(startOfIsoWeek({ year: 2024, month: 3, day: 31 })).toEqual({ year: 2024, month: 3, day: 25 });
    expect(startOfIsoWeek({ year: 2024, month: 3, day: 25 })).toEqual({ year: 2024, month: 3, day: 25 });
  });

  it.each([
    // 1 Jan 2024 is a Monday → week 1 starts that day; 25 Mar is day 85 → ⌊84/7⌋ + 1 = 13.
    [{ year: 2024, month: 1, day: 1 }, '2024-W01'],
    [{ year: 2024, month: 3, day: 25 }, '2024-W13'],
    // Monday 30 Dec 2024: its Thursday is 2 Jan 2025 → 2025-W01.
    [{ year: 2024, month: 12, day: 30 }, '2025-W01'],
    // Friday 1 Jan 2021: its Thursday is 31 Dec 2020, the 53rd Thursday of 2020.
    [{ year: 2021, month: 1, day: 1 }, '2020-W53'],
  ])('%j is in %s', (date, label) => {
    expect(formatIsoWeek(date)).toBe(label);
    expect(isoWeek(date).week).toBe(Number(label.slice(-2)));
  });

  it('formats and compares', () => {
    expect(formatCivilDate({ year: 2024, month: 3, day: 5 })).toBe('2024-03-05');
    expect(formatCivilMonth({ year: 2024, month: 3, day: 5 })).toBe('2024-03');
    expect(compareCivilDates({ year: 2024, month: 3, day: 5 }, { year: 2024, month: 3, day: 6 })).toBeLessThan(0);
    expect(compareCivilDates({ year: 2024, month: 3, day: 5 }, { year: 2024, month: 3, day: 5 })).toBe(0);
  });
});
