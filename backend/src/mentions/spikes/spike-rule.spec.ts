import { describe, expect, it } from 'vitest';
import { daysBefore, judgeSpike } from './spike-rule';

const settings = { factor: 2, minCount: 5, baselineDays: 14 };

describe('judgeSpike', () => {
  it('flags a day above factor × baseline once it reaches the minimum', () => {
    // Baseline: 14 days averaging 3 a day → spike above 6.
    const history = [2, 4, 3, 3, 2, 4, 3, 3, 2, 4, 3, 3, 2, 4];
    expect(judgeSpike(7, history, settings)).toEqual({ spike: true, count: 7, baseline: 3, threshold: 6 });
    expect(judgeSpike(6, history, settings).spike).toBe(false);
  });

  it('needs the minimum count even when the baseline is zero', () => {
    const quiet = new Array(14).fill(0);
    expect(judgeSpike(4, quiet, settings)).toMatchObject({ spike: false, threshold: 5 });
    expect(judgeSpike(5, quiet, settings)).toMatchObject({ spike: true, baseline: 0 });
  });

  it('uses the factor the workspace chose', () => {
    const history = new Array(14).fill(10);
    expect(judgeSpike(25, history, { ...settings, factor: 3 }).spike).toBe(false);
    expect(judgeSpike(31, history, { ...settings, factor: 3 }).spike).toBe(true);
  });
});

describe('daysBefore', () => {
  it('lists the previous UTC dates oldest first, across a month end', () => {
    expect(daysBefore('2026-03-02', 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
