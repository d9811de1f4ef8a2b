import { describe, expect, it } from 'vitest';
import { avoidableByMonth } from './avoidable-by-month';
import { effectiveLoss, lossesInPeriod } from './effective-loss';
import { funnelBreakdown } from './funnel-breakdown';
import { lastMonths } from './month-windows';
import { reasonsByGroup } from './reason-groups';
import { reasonTotals } from './reason-totals';

const d = (iso: string) => new Date(iso);

describe('reasonTotals', () => {
  it('takes each share over the flows that offered the reason', () => {
    const all = ['price', 'support'];
    const rows = reasonTotals([
      { at: d('2026-03-01'), reasonKey: 'price', offeredReasonKeys: ['price'] },
      { at: d('2026-03-02'), reasonKey: 'price', offeredReasonKeys: ['price'] },
      { at: d('2026-03-03'), reasonKey: 'price', offeredReasonKeys: ['price'] },
      { at: d('2026-03-04'), reasonKey: 'support', offeredReasonKeys: all },
      { at: d('2026-03-05'), reasonKey: 'support', offeredReasonKeys: all },
    ]);
    // price offered in all 5, picked 3 → 60 %; support offered in 2, picked 2 → 100 %.
    expect(rows).toEqual([
      { reasonKey: 'price', count: 3, offered: 5, percent: 60 },
      { reasonKey: 'support', count: 2, offered: 2, percent: 100 },
    ]);
  });

  it('lists offered-but-never-picked reasons with a zero share and counts the picked reason as offered', () => {
    expect(reasonTotals([{ at: d('2026-03-01'), reasonKey: 'other', offeredReasonKeys: ['price', 'price'] }])).toEqual([
      { reasonKey: 'other', count: 1, offered: 1, percent: 100 },
      { reasonKey: 'price', count: 0, offered: 1, percent: 0 },
    ]);
    expect(reasonTotals([])).toEqual([]);
  });

  it('rejects malformed input', () => {
    expect(() => reasonTotals([{ at: d('2026-03-01'), reasonKey: 1 as unknown as string, offeredReasonKeys: [] }])).toThrow(RangeError);
  });
});

describe('avoidableByMonth', () => {
  it('splits each month, empty months included', () => {
    const months = avoidableByMonth(
      [
        { at: d('2026-03-02T00:00:00Z'), reasonKey: 'price' },
        { at: d('2026-03-09T00:00:00Z'), reasonKey: 'price' },
        { at: d('2026-03-20T00:00:00Z'), reasonKey: 'moved' },
        { at: d('2026-05-20T00:00:00Z'), reasonKey: 'moved' },
      ],
      { price: true, moved: false },
      { from: d('2026-03-01T00:00:00Z'), to: d('2026-06-01T00:00:00Z'), timeZone: 'UTC' },
    );
    expect(months.map((m) => [m.label, m.split.total, m.split.avoidable.percent, m.split.unavoidable.percent])).toEqual([
      ['2026-03', 3, 66.7, 33.3],
      ['2026-04', 0, null, null],
      ['2026-05', 1, 0, 100],
    ]);
  });
});

describe('reasonsByGroup', () => {
  it('counts reasons per group, largest group first, the null group last on ties', () => {
    const groups = reasonsByGroup([
      { group: 'smb', reasonKey: 'price' },
      { group: null, reasonKey: 'moved' },
      { group: 'smb', reasonKey: 'moved' },
      { group: 'smb', reasonKey: 'price' },
      { group: 'enterprise', reasonKey: 'support' },
    ]);
    expect(groups).toEqual([
      {
        group: 'smb',
        total: 3,
        reasons: [
          { reasonKey: 'price', count: 2, percent: 66.7 },
          { reasonKey: 'moved', count: 1, percent: 33.3 },
        ],
      },
      { group: 'enterprise', total: 1, reasons: [{ reasonKey: 'support', count: 1, percent: 100 }] },
      { group: null, total: 1, reasons: [{ reasonKey: 'moved', count: 1, percent: 100 }] },
    ]);
  });
});

describe('effectiveLoss', () => {
  const asOf = d('2026-06-01T00:00:00Z');
  const first = d('2025-12-01T00:00:00Z');
  it('dates silent churn at lastSeenAt + the inactive period', () => {
    // 1 Jan + 90 days = 1 Apr.
    expect(effectiveLoss({ firstSeenAt: first, lastSeenAt: d('2026-01-01T00:00:00Z'), cancelledAt: null }, 90, asOf)).toEqual({
      lostAt: d('2026-04-01T00:00:00Z'),
      cause: 'inactive',
    });
  });
  it('takes the cancellation when it came first', () => {
    expect(
      effectiveLoss({ firstSeenAt: first, lastSeenAt: d('2026-01-01T00:00:00Z'), cancelledAt: d('2026-02-10T00:00:00Z') }, 90, asOf),
    ).toEqual({
      lostAt: d('2026-02-10T00:00:00Z'),
      cause: 'cancelled',
    });
  });
  it('is not lost while active, nor by a loss after asOf', () => {
    expect(effectiveLoss({ firstSeenAt: first, lastSeenAt: d('2026-05-01T00:00:00Z'), cancelledAt: null }, 90, asOf)).toEqual({
      lostAt: null,
      cause: null,
    });
    expect(
      effectiveLoss({ firstSeenAt: first, lastSeenAt: d('2026-05-01T00:00:00Z'), cancelledAt: d('2026-07-01T00:00:00Z') }, 90, asOf).lostAt,
    ).toBeNull();
  });
  it('never dates a loss before firstSeenAt', () => {
    expect(effectiveLoss({ firstSeenAt: first, lastSeenAt: first, cancelledAt: d('2025-11-01T00:00:00Z') }, 90, asOf).lostAt).toEqual(
      first,
    );
  });
  it('rejects a bad inactive period', () => {
    expect(() => effectiveLoss({ firstSeenAt: first, lastSeenAt: first, cancelledAt: null }, 0, asOf)).toThrow(RangeError);
  });
});

describe('lossesInPeriod', () => {
  it('counts the base at the start and its losses, ignoring arrivals during the period', () => {
    const jan = d('2026-01-10T00:00:00Z');
    expect(
      lossesInPeriod(
        [
          { firstSeenAt: jan, lostAt: null }, // A: there, stays
          { firstSeenAt: jan, lostAt: d('2026-03-10T00:00:00Z') }, // B: lost in March
          { firstSeenAt: jan, lostAt: d('2026-02-20T00:00:00Z') }, // C: gone before March
          { firstSeenAt: d('2026-03-05T00:00:00Z'), lostAt: d('2026-03-20T00:00:00Z') }, // D: arrived in March
        ],
        d('2026-03-01T00:00:00Z'),
        d('2026-04-01T00:00:00Z'),
      ),
    ).toEqual({ atStart: 2, lost: 1 });
  });
});

describe('funnelBreakdown', () => {
  it('counts statuses and groups the period’s losses by status × reason', () => {
    const result = funnelBreakdown([
      { status: 'new', lostInPeriod: false, reasonKey: null },
      { status: 'new', lostInPeriod: false, reasonKey: null },
      { status: 'repeat', lostInPeriod: false, reasonKey: null },
      { status: 'lost_after_one_purchase', lostInPeriod: true, reasonKey: 'price' },
      { status: 'lost_after_one_purchase', lostInPeriod: true, reasonKey: 'price' },
      { status: 'lost_after_long_cooperation', lostInPeriod: true, reasonKey: 'moved' },
      { status: 'lost_early', lostInPeriod: false, reasonKey: 'price' }, // lost before the period
      { status: 'lost_early', lostInPeriod: true, reasonKey: null },
    ]);
    expect(result.statuses).toEqual([
      { status: 'new', count: 2 },
      { status: 'one_purchase', count: 0 },
      { status: 'repeat', count: 1 },
      { status: 'lost_early', count: 2 },
      { status: 'lost_after_one_purchase', count: 2 },
      { status: 'lost_after_long_cooperation', count: 1 },
    ]);
    expect(result.lost).toEqual([
      { status: 'lost_early', total: 1, reasons: [{ reasonKey: 'unknown', count: 1 }] },
      { status: 'lost_after_one_purchase', total: 2, reasons: [{ reasonKey: 'price', count: 2 }] },
      { status: 'lost_after_long_cooperation', total: 1, reasons: [{ reasonKey: 'moved', count: 1 }] },
    ]);
  });
  it('rejects an unknown status', () => {
    expect(() => funnelBreakdown([{ status: 'gone' as never, lostInPeriod: false, reasonKey: null }])).toThrow(RangeError);
  });
});

describe('lastMonths', () => {
  it('gives N months up to asOf, the current one cut at asOf', () => {
    const windows = lastMonths(d('2026-03-15T00:00:00Z'), 3, 'UTC');
    expect(windows.map((w) => [w.label, w.start.toISOString(), w.end.toISOString(), w.partial])).toEqual([
      ['2026-01', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', false],
      ['2026-02', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', false],
      ['2026-03', '2026-03-01T00:00:00.000Z', '2026-03-15T00:00:00.000Z', true],
    ]);
  });
  it('ends with the previous, complete month when asOf is a month start', () => {
    const windows = lastMonths(d('2026-04-01T00:00:00Z'), 3, 'UTC');
    expect(windows.map((w) => [w.label, w.end.toISOString(), w.partial])).toEqual([
      ['2026-01', '2026-02-01T00:00:00.000Z', false],
      ['2026-02', '2026-03-01T00:00:00.000Z', false],
      ['2026-03', '2026-04-01T00:00:00.000Z', false],
    ]);
  });
  it('follows the local calendar and crosses years', () => {
    const [dec, jan] = lastMonths(d('2026-01-10T00:00:00Z'), 2, 'Europe/Moscow');
    expect([dec.label, dec.start.toISOString(), jan.start.toISOString()]).toEqual([
      '2025-12',
      '2025-11-30T21:00:00.000Z',
      '2025-12-31T21:00:00.000Z',
    ]);
  });
  it('rejects bad counts', () => {
    expect(() => lastMonths(d('2026-01-10T00:00:00Z'), 0, 'UTC')).toThrow(RangeError);
  });
});
