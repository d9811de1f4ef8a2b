import { describe, expect, it } from 'vitest';
import { npsCategory, npsFromCounts, npsSummary } from './nps';

describe('npsCategory', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ])('%s is a %s', (score, category) => {
    expect(npsCategory(score)).toBe(category);
  });

  it('rejects scores outside 0–10', () => {
    expect(() => npsCategory(11)).toThrow(RangeError);
  });
});

describe('npsSummary', () => {
  it('worked example: [10,10,9,9,8,7,6,5,0,10]', () => {
    // promoters 10,10,9,9,10 = 5; passives 8,7 = 2; detractors 6,5,0 = 3; n = 10
    // NPS = 50 % − 30 % = 20
    // p = 0.5, d = 0.3: Var = (0.5 + 0.3 − 0.2²)/10 = 0.76/10 = 0.076
    // MoE = 1.96 · √0.076 · 100 = 1.96 · 0.2756810 · 100 = 54.0335 points
    // interval = 20 ± 54.0335 = [−34.0335, 74.0335]
    const summary = npsSummary([10, 10, 9, 9, 8, 7, 6, 5, 0, 10]);
    expect(summary).toMatchObject({
      n: 10,
      promoters: 5,
      passives: 2,
      detractors: 3,
      nps: 20,
      marginOfError: 54,
      interval: { lower: -34, upper: 74 },
    });
    expect(summary.exact?.nps).toBe(20);
    expect(summary.exact?.variance).toBeCloseTo(0.076, 15);
    expect(summary.exact?.marginOfError).toBeCloseTo(54.033471, 6);
    expect(summary.exact?.interval.lower).toBeCloseTo(-34.033471, 6);
  });

  it('all promoters: NPS 100 with a margin of 0', () => {
    // p = 1, d = 0: Var = (1 + 0 − 1²)/n = 0
    const summary = npsSummary([9, 10, 10, 9, 10]);
    expect(summary).toMatchObject({
      n: 5,
      promoters: 5,
      passives: 0,
      detractors: 0,
      nps: 100,
      marginOfError: 0,
      interval: { lower: 100, upper: 100 },
    });
    expect(summary.exact?.variance).toBe(0);
  });

  it('empty input: n 0 and null metrics, never NaN', () => {
    expect(npsSummary([])).toEqual({
      n: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
      marginOfError: null,
      interval: null,
      exact: null,
    });
  });

  it('rounds to one decimal and keeps the raw value', () => {
    // 2 promoters, 0 passives, 1 detractor: NPS = (2 − 1)/3 · 100 = 33.333…
    // Var = (2/3 + 1/3 − (1/3)²)/3 = (1 − 1/9)/3 = 0.296296; MoE = 1.96 · 0.544331 · 100 = 106.689
    // interval 33.33 ± 106.69 = [−73.36, 140.02] → clamped to [−73.4, 100]
    const summary = npsSummary([10, 9, 3]);
    expect(summary.nps).toBe(33.3);
    expect(summary.exact?.nps).toBeCloseTo(33.333333, 6);
    expect(summary.marginOfError).toBe(106.7);
    expect(summary.interval).toEqual({ lower: -73.4, upper: 100 });
  });

  it('all detractors: NPS −100', () => {
    expect(npsSummary([0, 6, 3])).toMatchObject({ nps: -100, marginOfError: 0, interval: { lower: -100, upper: -100 } });
  });

  it.each([[[11]], [[-1]], [[7.5]], [[Number.NaN]]])('rejects %j with a RangeError', (scores) => {
    expect(() => npsSummary(scores)).toThrow(RangeError);
  });
});

describe('npsFromCounts', () => {
  it('matches npsSummary on the same answers', () => {
    const fromCounts = npsFromCounts({ promoters: 5, passives: 2, detractors: 3 });
    expect(fromCounts).toEqual(npsSummary([10, 10, 9, 9, 8, 7, 6, 5, 0, 10]));
  });

  it('rejects negative or fractional counts', () => {
    expect(() => npsFromCounts({ promoters: -1, passives: 0, detractors: 0 })).toThrow(RangeError);
    expect(() => npsFromCounts({ promoters: 1.5, passives: 0, detractors: 0 })).toThrow(RangeError);
  });
});
