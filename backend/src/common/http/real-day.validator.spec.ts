import { describe, expect, it } from 'vitest';
import { isRealDay } from './real-day.validator';

describe('isRealDay', () => {
  it('accepts real days from 1970 on, leap days only in leap years', () => {
    expect(['1970-01-01', '2026-12-07', '2028-02-29', '2000-02-29', '9999-12-31'].map(isRealDay)).toEqual([true, true, true, true, true]);
  });

  it('refuses days that do not exist, years before 1970 and anything not YYYY-MM-DD', () => {
    const bad = ['2026-02-30', '2026-02-31', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01'];
    expect(bad.map(isRealDay)).toEqual(bad.map(() => false));
    expect(['1969-12-31', '2026-1-1', '2026-01-01T00:00', ' 2026-01-01', '', 20260101, null].map(isRealDay)).toEqual(Array(7).fill(false));
  });
});
