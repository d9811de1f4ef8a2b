import { describe, expect, it } from 'vitest';
import { addMonths, monthOf, monthRange, monthStart } from './calendar-months';

describe('audit months', () => {
  it('adds months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('months follow the time zone', () => {
    // 21:30 UTC on 31 October is 00:30 on 1 November in Moscow (UTC+3).
    expect(monthOf(new Date('2026-10-31T21:30:00Z'), 'Europe/Moscow')).toBe('2026-11');
    expect(monthOf(new Date('2026-10-31T21:30:00Z'), 'UTC')).toBe('2026-10');
    expect(monthStart('2026-11', 'Europe/Moscow').toISOString()).toBe('2026-10-31T21:00:00.000Z');
  });
});
