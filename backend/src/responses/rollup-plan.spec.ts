import { describe, expect, it } from 'vitest';
import { rollupPlan } from './rollup-plan';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('rollupPlan', () => {
  it('a period on whole hours with hour-aligned buckets is read from the rollups only', () => {
    const plan = rollupPlan(at('2026-01-01T00:00Z'), at('2026-01-03T00:00Z'), [at('2026-01-02T00:00Z')]);
    expect(plan).toEqual({ rollup: { from: at('2026-01-01T00:00Z'), to: at('2026-01-03T00:00Z'), skipHours: [] }, raw: [] });
  });

  it('partial first and last hours come from the rows', () => {
    const plan = rollupPlan(at('2026-01-01T10:20Z'), at('2026-01-01T15:05Z'), []);
    expect(plan.rollup).toEqual({ from: at('2026-01-01T11:00Z'), to: at('2026-01-01T15:00Z'), skipHours: [] });
    expect(plan.raw).toEqual([
      { from: at('2026-01-01T10:20Z'), to: at('2026-01-01T11:00Z') },
      { from: at('2026-01-01T15:00Z'), to: at('2026-01-01T15:05Z') },
    ]);
  });

  it('a half-hour midnight (Asia/Kolkata) moves the hour it cuts to the rows', () => {
    // Local midnight 2 January in Kolkata is 18:30 UTC on 1 January.
    const plan = rollupPlan(at('2026-01-01T00:00Z'), at('2026-01-02T00:00Z'), [at('2026-01-01T18:30Z')]);
    expect(plan.rollup).toEqual({ from: at('2026-01-01T00:00Z'), to: at('2026-01-02T00:00Z'), skipHours: [at('2026-01-01T18:00Z')] });
    expect(plan.raw).toEqual([{ from: at('2026-01-01T18:00Z'), to: at('2026-01-01T19:00Z') }]);
  });

  it('a period inside one hour is all rows; adjacent cut hours merge', () => {
    expect(rollupPlan(at('2026-01-01T10:10Z'), at('2026-01-01T10:50Z'), [at('2026-01-01T10:30Z')])).toEqual({
      rollup: null,
      raw: [{ from: at('2026-01-01T10:10Z'), to: at('2026-01-01T10:50Z') }],
    });
    expect(rollupPlan(at('2026-01-01T10:10Z'), at('2026-01-01T11:50Z'), []).raw).toEqual([
      { from: at('2026-01-01T10:10Z'), to: at('2026-01-01T11:50Z') },
    ]);
  });

  it('rollup hours and row ranges cover the period exactly once', () => {
    const from = at('2026-03-01T07:45Z');
    const to = from + 50 * H + 17 * 60_000;
    const boundaries = [from + 5 * H + 30 * 60_000, from + 20 * H + 15 * 60_000, Math.ceil((from + 30 * H) / H) * H];
    const plan = rollupPlan(from, to, boundaries);
    let covered = plan.raw.reduce((sum, r) => sum + (r.to - r.from), 0);
    for (let h = plan.rollup!.from; h < plan.rollup!.to; h += H) if (!plan.rollup!.skipHours.includes(h)) covered += H;
    expect(covered).toBe(to - from);
  });
});
