import { describe, expect, it } from 'vitest';
import { emptyScores, scoresByTouchpoint, trendOf } from './journey-scores';
import type { TouchpointScoreRow } from './touchpoints.repository';

const SPLIT = new Date('2026-11-01T00:00:00Z');
const row = (touchpointId: string, kind: TouchpointScoreRow['kind'], score: number, scaleMax: number, at: string): TouchpointScoreRow => ({
  touchpointId,
  kind,
  score,
  scaleMax,
  at: new Date(at),
});

describe('journey scores', () => {
  it('splits rows into the two windows and computes each headline', () => {
    const rows = [
      // NPS now: 10, 9, 6 → 2 promoters, 1 detractor of 3 = 33.3; before: 9, 0 → 0.
      row('a', 'nps', 10, 10, '2026-11-05T00:00:00Z'),
      row('a', 'nps', 9, 10, '2026-11-01T00:00:00Z'),
      row('a', 'nps', 6, 10, '2026-11-20T00:00:00Z'),
      row('a', 'nps', 9, 10, '2026-10-20T00:00:00Z'),
      row('a', 'nps', 0, 10, '2026-10-31T23:59:59Z'),
      // CES on two scales: agree = 5 of 7 and 4 of 5 count, 3 of 5 does not → 66.7 %.
      row('a', 'ces', 5, 7, '2026-11-02T00:00:00Z'),
      row('a', 'ces', 4, 5, '2026-11-02T00:00:00Z'),
      row('a', 'ces', 3, 5, '2026-11-02T00:00:00Z'),
      // Off-scale rows are ignored rather than failing the whole map.
      row('a', 'csat', 9, 10, '2026-11-02T00:00:00Z'),
      row('b', 'csat', 5, 5, '2026-10-10T00:00:00Z'),
    ];
    const scores = scoresByTouchpoint(rows, SPLIT);
    expect(scores.get('a')).toEqual({
      nps: { current: 33.3, previous: 0, n: 3, previousN: 2, trend: 'up' },
      csat: { current: null, previous: null, n: 0, previousN: 0, trend: null },
      ces: { current: 66.7, previous: null, n: 3, previousN: 0, trend: null },
    });
    expect(scores.get('b')!.csat).toEqual({ current: null, previous: 100, n: 0, previousN: 1, trend: null });
    expect(scores.has('c')).toBe(false);
    expect(emptyScores().nps.n).toBe(0);
  });

  it('reads every score as higher-is-better', () => {
    expect(trendOf(10, 5)).toBe('up');
    expect(trendOf(-20, 5)).toBe('down');
    expect(trendOf(5, 5)).toBe('flat');
    expect(trendOf(null, 5)).toBeNull();
  });
});
