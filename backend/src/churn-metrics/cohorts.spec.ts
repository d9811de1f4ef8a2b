import { describe, expect, it } from 'vitest';
import { cohortRetention } from './cohorts';

const utc = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('cohortRetention', () => {
  it('retained share per month offset, the month of asOf so far, null for months not begun', () => {
    const result = cohortRetention(
      [
        { firstSeenAt: utc('2024-01-03'), lostAt: utc('2024-01-15') },
        { firstSeenAt: utc('2024-01-10'), lostAt: utc('2024-02-10') },
        { firstSeenAt: utc('2024-01-20'), lostAt: null },
        { firstSeenAt: utc('2024-01-31'), lostAt: utc('2024-05-01') }, // lost after asOf: retained
        { firstSeenAt: utc('2024-03-05'), lostAt: null },
        { firstSeenAt: utc('2024-03-06'), lostAt: utc('2024-03-30') },
      ],
      { asOf: new Date('2024-04-01T00:00:00Z'), timeZone: 'UTC' },
    );
    expect(result.maxOffset).toBe(3);
    expect(result.rows.map((r) => [r.label, r.size])).toEqual([
      ['2024-01', 4],
      ['2024-02', 0],
      ['2024-03', 2],
      ['2024-04', 0],
    ]);
    // January: end of Jan 3/4 = 75 %, end of Feb 2/4 = 50 %, end of Mar 50 %, April begins at asOf → null
    expect(result.rows[0].retention.map((c) => c?.percent ?? null)).toEqual([75, 50, 50, null]);
    expect(result.rows[0].retention.map((c) => c?.partial ?? null)).toEqual([false, false, false, null]);
    expect(result.rows[0].retention[0]).toEqual({ retained: 3, share: 0.75, percent: 75, partial: false });
    // February: empty cohort → all null
    expect(result.rows[1].retention).toEqual([null, null, null, null]);
    // March: end of March 1/2 = 50 %; later offsets not begun
    expect(result.rows[2].retention.map((c) => c?.percent ?? null)).toEqual([50, null, null, null]);
    expect(result.rows[3].retention).toEqual([null, null, null, null]);
    expect(result.rows[0].start).toEqual(new Date('2024-01-01T00:00:00Z'));
  });

  it('lost exactly at the end of the month counts as retained at that offset', () => {
    const result = cohortRetention([{ firstSeenAt: utc('2024-01-10'), lostAt: new Date('2024-02-01T00:00:00Z') }], {
      asOf: new Date('2024-03-01T00:00:00Z'),
      timeZone: 'UTC',
    });
    // end of Jan = 1 Feb 00:00; lostAt ≥ end → retained at 0; lost before end of Feb → 0 at 1
    expect(result.rows[0].retention.map((c) => c?.retained ?? null)).toEqual([1, 0, null]);
  });

  it('a cancellation in the month of asOf stops counting at once, in that month', () => {
    // Hand-computed, asOf 10 Apr: January cohort of 4 — lost 15 Jan, lost 10 Feb, cancelled 5 Apr, still here.
    const result = cohortRetention(
      [
        { firstSeenAt: utc('2024-01-03'), lostAt: utc('2024-01-15') },
        { firstSeenAt: utc('2024-01-10'), lostAt: utc('2024-02-10') },
        { firstSeenAt: utc('2024-01-20'), lostAt: utc('2024-04-05') },
        { firstSeenAt: utc('2024-01-31'), lostAt: null },
        // April cohort: one first seen 2 Apr and cancelled 8 Apr, one still here → 1/2 so far
        { firstSeenAt: utc('2024-04-02'), lostAt: utc('2024-04-08') },
        { firstSeenAt: utc('2024-04-03'), lostAt: null },
      ],
      { asOf: new Date('2024-04-10T00:00:00Z'), timeZone: 'UTC' },
    );
    expect(result.rows[0].retention.map((c) => c && [c.retained, c.percent, c.partial])).toEqual([
      [3, 75, false],
      [2, 50, false],
      [2, 50, false],
      [1, 25, true],
    ]);
    expect(result.rows[3].retention.map((c) => c && [c.retained, c.percent, c.partial])).toEqual([[1, 50, true], null, null, null]);
  });

  it('uses the local month of the time zone', () => {
    // 31 Jan 22:00 UTC is 1 Feb 01:00 in Moscow (UTC+3)
    const result = cohortRetention([{ firstSeenAt: new Date('2024-01-31T22:00:00Z'), lostAt: null }], {
      asOf: new Date('2024-03-15T00:00:00Z'),
      timeZone: 'Europe/Moscow',
    });
    expect(result.rows.map((r) => [r.label, r.size])).toEqual([
      ['2024-02', 1],
      ['2024-03', 0],
    ]);
    expect(result.rows[0].start).toEqual(new Date('2024-01-31T21:00:00Z'));
    expect(result.rows[0].retention.map((c) => c?.percent ?? null)).toEqual([100, 100]); // March so far
  });

  it('no customers: a single empty row for the month of asOf; later customers are ignored', () => {
    const asOf = new Date('2024-04-10T00:00:00Z');
    const expected = { maxOffset: 0, rows: [{ label: '2024-04', start: new Date('2024-04-01T00:00:00Z'), size: 0, retention: [null] }] };
    expect(cohortRetention([], { asOf, timeZone: 'UTC' })).toEqual(expected);
    expect(cohortRetention([{ firstSeenAt: utc('2024-05-01'), lostAt: null }], { asOf, timeZone: 'UTC' })).toEqual(expected);
  });

  it('rejects bad input', () => {
    const asOf = new Date('2024-04-10T00:00:00Z');
    expect(() => cohortRetention([], { asOf: new Date('x'), timeZone: 'UTC' })).toThrow(RangeError);
    expect(() => cohortRetention([], { asOf, timeZone: 'Nowhere/Here' })).toThrow(RangeError);
    expect(() => cohortRetention([{ firstSeenAt: utc('2024-02-01'), lostAt: utc('2024-01-01') }], { asOf, timeZone: 'UTC' })).toThrow(
      RangeError,
    );
    expect(() => cohortRetention([{ firstSeenAt: new Date('x'), lostAt: null }], { asOf, timeZone: 'UTC' })).toThrow(RangeError);
    expect(() => cohortRetention([{ firstSeenAt: utc('1990-01-01'), lostAt: null }], { asOf, timeZone: 'UTC', maxMonths: 12 })).toThrow(
      RangeError,
    );
  });
});
