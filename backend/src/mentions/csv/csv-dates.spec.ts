import { describe, expect, it } from 'vitest';
import { parseMentionDate } from './csv-dates';

describe('parseMentionDate', () => {
  it('takes ISO with a zone as written', () => {
    expect(parseMentionDate('2026-11-30T09:15:00Z', 'Europe/Moscow')).toBe('2026-11-30T09:15:00.000Z');
    expect(parseMentionDate('2026-11-30T09:15:00+03:00', 'UTC')).toBe('2026-11-30T06:15:00.000Z');
  });

  it('reads wall-clock forms in the given zone (UTC by default)', () => {
    expect(parseMentionDate('30.11.2026 09:15', 'UTC')).toBe('2026-11-30T09:15:00.000Z');
    expect(parseMentionDate('30.11.2026 09:15', 'Europe/Moscow')).toBe('2026-11-30T06:15:00.000Z');
    expect(parseMentionDate('2026-11-30 09:15:30', 'Europe/Moscow')).toBe('2026-11-30T06:15:30.000Z');
    expect(parseMentionDate('1.2.2026', 'UTC')).toBe('2026-02-01T00:00:00.000Z');
    expect(parseMentionDate('2026-11-30', 'Asia/Vladivostok')).toBe('2026-11-29T14:00:00.000Z');
  });

  it('follows daylight saving time', () => {
    // New York: EST (−5) in January, EDT (−4) in July.
    expect(parseMentionDate('2026-01-15 12:00', 'America/New_York')).toBe('2026-01-15T17:00:00.000Z');
    expect(parseMentionDate('2026-07-15 12:00', 'America/New_York')).toBe('2026-07-15T16:00:00.000Z');
  });

  it('refuses impossible and unknown forms', () => {
    for (const bad of ['31.02.2026', '2026-13-01', '30.11.2026 25:00', 'вчера', '11/30/2026', '']) {
      expect(parseMentionDate(bad, 'UTC')).toBeNull();
    }
  });
});
