import { describe, expect, it } from 'vitest';
import { reasonsByMonth } from './reasons-by-month';

const tz = 'Europe/Moscow'; // UTC+3 all year
const old = ['price', 'moved'];
const v2 = ['price', 'moved', 'support'];

describe('reasonsByMonth', () => {
  it('shares only over flows that offered the reason, months with zero included', () => {
    const result = reasonsByMonth(
      [
        { at: new Date('2024-03-02T10:00:00Z'), reasonKey: 'price', offeredReasonKeys: old },
        { at: new Date('2024-03-05T10:00:00Z'), reasonKey: 'moved', offeredReasonKeys: old },
        { at: new Date('2024-03-20T10:00:00Z'), reasonKey: 'price', offeredReasonKeys: v2 },
        { at: new Date('2024-03-21T10:00:00Z'), reasonKey: 'support', offeredReasonKeys: v2 },
        { at: new Date('2024-05-10T10:00:00Z'), reasonKey: 'moved', offeredReasonKeys: v2 },
      ],
      { from: new Date('2024-02-29T21:00:00Z'), to: new Date('2024-05-31T21:00:00Z'), timeZone: tz },
    );
    expect(result.map((m) => [m.label, m.total])).toEqual([
      ['2024-03', 4],
      ['2024-04', 0],
      ['2024-05', 1],
    ]);
    const march = Object.fromEntries(result[0].reasons.map((r) => [r.reasonKey, r]));
    // price: picked 2 of 4 offered = 50 %
    expect(march.price).toEqual({ reasonKey: 'price', count: 2, offered: 4, share: 0.5, percent: 50 });
    // support: offered only in the 2 v2 flows, picked once → 1/2 = 50 % (not 1/4)
    expect(march.support).toEqual({ reasonKey: 'support', count: 1, offered: 2, share: 0.5, percent: 50 });
    // moved: 1 of 4 = 25 %
    expect(march.moved.percent).toBe(25);
    // April: every reason present with zero count and null share
    expect(result[1].reasons).toEqual([
      { reasonKey: 'moved', count: 0, offered: 0, share: null, percent: null },
      { reasonKey: 'price', count: 0, offered: 0, share: null, percent: null },
      { reasonKey: 'support', count: 0, offered: 0, share: null, percent: null },
    ]);
    // May: 1 flow offered all three; moved 1/1, price 0/1
    expect(result[2].reasons.map((r) => r.percent)).toEqual([100, 0, 0]);
  });

  it('buckets by local month of the time zone', () => {
    // 2024-03-31T22:00Z is 1 April 01:00 in Moscow
    const result = reasonsByMonth([{ at: new Date('2024-03-31T22:00:00Z'), reasonKey: 'price', offeredReasonKeys: old }], {
      from: new Date('2024-02-29T21:00:00Z'),
      to: new Date('2024-04-30T21:00:00Z'),
      timeZone: tz,
    });
    expect(result.map((m) => [m.label, m.total])).toEqual([
      ['2024-03', 0],
      ['2024-04', 1],
    ]);
  });

  it('counts the picked reason as offered even when the list omits it', () => {
    const [month] = reasonsByMonth([{ at: new Date('2024-03-10T00:00:00Z'), reasonKey: 'other', offeredReasonKeys: ['price'] }], {
      from: new Date('2024-02-29T21:00:00Z'),
      to: new Date('2024-03-31T21:00:00Z'),
      timeZone: tz,
    });
    expect(month.reasons).toEqual([
      { reasonKey: 'other', count: 1, offered: 1, share: 1, percent: 100 },
      { reasonKey: 'price', count: 0, offered: 1, share: 0, percent: 0 },
    ]);
  });

  it('ignores cancellations outside the range and rejects bad input', () => {
    const result = reasonsByMonth([{ at: new Date('2023-01-01T00:00:00Z'), reasonKey: 'x', offeredReasonKeys: [] }], {
      from: new Date('2024-02-29T21:00:00Z'),
      to: new Date('2024-03-31T21:00:00Z'),
      timeZone: tz,
    });
    expect(result).toEqual([expect.objectContaining({ label: '2024-03', total: 0, reasons: [] })]);
    const range = { from: new Date('2024-03-01'), to: new Date('2024-04-01'), timeZone: tz };
    expect(() => reasonsByMonth([{ at: new Date('bad'), reasonKey: 'x', offeredReasonKeys: [] }], range)).toThrow(RangeError);
    expect(() => reasonsByMonth([], { ...range, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => reasonsByMonth([], { ...range, from: range.to, to: range.from })).toThrow(RangeError);
  });
});
