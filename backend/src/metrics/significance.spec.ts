import { describe, expect, it } from 'vitest';
import { type CesAnswer, cesSummary } from './ces';
import { csatSummary } from './csat';
import { npsFromCounts } from './nps';
import { compareCesAgree, compareCesMean, compareCsat, compareMeans, compareNps, compareProportions } from './significance';

const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);
const csat = (satisfied: number, n: number) => csatSummary([...repeat(5, satisfied), ...repeat(2, n - satisfied)]);
const on7 = (score: number, times: number): CesAnswer[] => repeat({ score, scaleMax: 7 as const }, times);

describe('compareNps', () => {
  it('significant: NPS 30 against −10 with n = 100 each', () => {
    // now:    50 P / 30 passive / 20 D → NPS 30;  Var = (0.5 + 0.2 − 0.3²)/100 = 0.61/100 = 0.0061
    // before: 30 P / 30 passive / 40 D → NPS −10; Var = (0.3 + 0.4 − 0.1²)/100 = 0.69/100 = 0.0069
    // SE = √(0.0061 + 0.0069) · 100 = √0.013 · 100 = 11.4018 points; Δ = 40
    // z = 40 / 11.4018 = 3.5082; p = 2·(1 − Φ(3.5082)) = 0.000451
    const result = compareNps(
      npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }),
      npsFromCounts({ promoters: 30, passives: 30, detractors: 40 }),
    );
    expect(result).toMatchObject({ current: 30, previous: -10, change: 40, significant: true, reason: null, minN: 30 });
    expect(result.n).toEqual({ current: 100, previous: 100 });
    expect(result.exact?.standardError).toBeCloseTo(11.401754, 6);
    expect(result.zScore).toBeCloseTo(3.508232, 6);
    expect(result.pValue).toBeCloseTo(0.000451095, 9);
  });

  it('not significant: NPS 20 against 10 with n = 100 each', () => {
    // now:    45 / 30 / 25 → NPS 20; Var = (0.45 + 0.25 − 0.2²)/100 = 0.66/100 = 0.0066
    // before: 40 / 30 / 30 → NPS 10; Var = (0.40 + 0.30 − 0.1²)/100 = 0.69/100 = 0.0069
    // SE = √0.0135 · 100 = 11.6190; z = 10 / 11.6190 = 0.8607; p = 0.3894
    const result = compareNps(
      npsFromCounts({ promoters: 45, passives: 30, detractors: 25 }),
      npsFromCounts({ promoters: 40, passives: 30, detractors: 30 }),
    );
    expect(result).toMatchObject({ current: 20, previous: 10, change: 10, significant: false, reason: null });
    expect(result.zScore).toBeCloseTo(0.860663, 6);
    expect(result.pValue).toBeCloseTo(0.389424, 6);
  });

  it('below the minimum n the test runs but is not called significant', () => {
    // n = 29 each: NPS (20 − 4)/29 = 55.2 against (5 − 19)/29 = −48.3
    // Var = 0.018041 and 0.020501 → SE = √0.038542 · 100 = 19.632; z = 103.45/19.632 = 5.27
    const current = npsFromCounts({ promoters: 20, passives: 5, detractors: 4 });
    const previous = npsFromCounts({ promoters: 5, passives: 5, detractors: 19 });
    const result = compareNps(current, previous);
    expect(result).toMatchObject({
      current: 55.2,
      previous: -48.3,
      change: 103.4, // rounded from the exact 103.448, not 55.2 + 48.3
      significant: false,
      reason: 'insufficient-sample',
    });
    expect(result.zScore).toBeCloseTo(5.2694, 3);
    expect(result.pValue).toBeLessThan(0.001);
    // The threshold is configurable.
    expect(compareNps(current, previous, { minN: 20 })).toMatchObject({ significant: true, reason: null, minN: 20 });
    expect(() => compareNps(current, previous, { minN: 0 })).toThrow(RangeError);
  });

  it('an empty side: no change, no test', () => {
    const result = compareNps(
      npsFromCounts({ promoters: 40, passives: 0, detractors: 0 }),
      npsFromCounts({ promoters: 0, passives: 0, detractors: 0 }),
    );
    expect(result).toMatchObject({
      current: 100,
      previous: null,
      change: null,
      zScore: null,
      pValue: null,
      significant: false,
      reason: 'insufficient-sample',
      exact: null,
    });
  });

  it('zero variance on both sides', () => {
    // All promoters against all detractors: Var = 0 on both sides, SE = 0, Δ = 200 — z is undefined.
    const allPromoters = npsFromCounts({ promoters: 40, passives: 0, detractors: 0 });
    const allDetractors = npsFromCounts({ promoters: 0, passives: 0, detractors: 40 });
    expect(compareNps(allPromoters, allDetractors)).toMatchObject({
      change: 200,
      zScore: null,
      pValue: 0,
      significant: true,
      reason: 'zero-variance',
    });
    // Identical all-promoter periods: no change at all.
    expect(compareNps(allPromoters, allPromoters)).toMatchObject({
      change: 0,
      zScore: 0,
      pValue: 1,
      significant: false,
      reason: null,
    });
  });
});

describe('compareCsat (two-proportion z-test)', () => {
  it('significant: 80 % against 65 %, n = 100 each', () => {
    // pooled p̄ = (80 + 65)/200 = 0.725; SE = √(0.725 · 0.275 · (1/100 + 1/100)) = √0.0039875 = 0.063147
    // z = 0.15 / 0.063147 = 2.3754; p = 2·(1 − Φ(2.3754)) = 0.01753
    const result = compareCsat(csat(80, 100), csat(65, 100));
    expect(result).toMatchObject({ current: 80, previous: 65, change: 15, significant: true, reason: null });
    expect(result.exact?.standardError).toBeCloseTo(6.314665, 6);
    expect(result.zScore).toBeCloseTo(2.375423, 6);
    expect(result.pValue).toBeCloseTo(0.017529, 6);
  });

  it('not significant: 70 % against 65 %, n = 100 each', () => {
    // p̄ = 135/200 = 0.675; SE = √(0.675 · 0.325 · 0.02) = √0.0043875 = 0.066238
    // z = 0.05 / 0.066238 = 0.7549; p = 0.4503
    const result = compareCsat(csat(70, 100), csat(65, 100));
    expect(result).toMatchObject({ change: 5, significant: false, reason: null });
    expect(result.zScore).toBeCloseTo(0.754851, 6);
    expect(result.pValue).toBeCloseTo(0.450338, 6);
  });

  it('validates raw proportion input', () => {
    expect(() => compareProportions({ count: 5, n: 4 }, { count: 1, n: 4 })).toThrow(RangeError);
    // All satisfied on both sides: p̄ = 1, SE = 0, no change.
    const allSatisfied = compareProportions({ count: 40, n: 40 }, { count: 30, n: 30 });
    expect(allSatisfied).toMatchObject({ change: 0, zScore: 0, pValue: 1, significant: false });
  });
});

describe('compareCesAgree', () => {
  it('pools agree across scales: 70 % against 50 %, n = 50 each', () => {
    // now: 20 × "5 of 5" (agree) + 15 × "6 of 7" (agree) + 15 × "2 of 7" → 35/50 = 70 %
    // before: 25 × "4 of 5" (agree) + 25 × "4 of 7" (not agree) → 25/50 = 50 %
    // p̄ = 60/100 = 0.6; SE = √(0.6 · 0.4 · (2/50)) = √0.0096 = 0.09798; z = 0.2/0.09798 = 2.0412; p = 0.04123
    const current = cesSummary([...repeat({ score: 5, scaleMax: 5 as const }, 20), ...on7(6, 15), ...on7(2, 15)]);
    const previous = cesSummary([...repeat({ score: 4, scaleMax: 5 as const }, 25), ...on7(4, 25)]);
    const result = compareCesAgree(current, previous);
    expect(result).toMatchObject({ current: 70, previous: 50, change: 20, significant: true });
    expect(result.zScore).toBeCloseTo(2.041241, 6);
    expect(result.pValue).toBeCloseTo(0.041227, 6);
  });
});

describe('compareCesMean (Welch, normal approximation)', () => {
  it('significant: mean 6 against 5 on 1–7, n = 40 each', () => {
    // now: 20 × 7 + 20 × 5 → mean 6, s² = 40 · 1² / 39 = 1.025641
    // before: 20 × 6 + 20 × 4 → mean 5, s² = 40/39
    // SE = √(1.025641/40 + 1.025641/40) = √(2/39) = 0.226455; z = 1/0.226455 = 4.4159; p = 1.006e-5
    const result = compareCesMean(cesSummary([...on7(7, 20), ...on7(5, 20)]), cesSummary([...on7(6, 20), ...on7(4, 20)]), 7);
    expect(result).toMatchObject({ current: 6, previous: 5, change: 1, significant: true, reason: null });
    expect(result.exact?.standardError).toBeCloseTo(0.226455, 6);
    expect(result.zScore).toBeCloseTo(4.41588, 6);
    expect(result.pValue).toBeCloseTo(1.006e-5, 8);
  });

  it('not significant: mean 6 against 5.5 on 1–7, n = 40 each', () => {
    // before: 20 × 7 + 20 × 4 → mean 5.5, s² = 40 · 1.5² / 39 = 90/39 = 2.307692
    // SE = √((40/39 + 90/39)/40) = √(130/1560) = √0.083333 = 0.288675; z = 0.5/0.288675 = √3 = 1.7321; p = 0.0833
    const result = compareCesMean(cesSummary([...on7(7, 20), ...on7(5, 20)]), cesSummary([...on7(7, 20), ...on7(4, 20)]), 7);
    expect(result).toMatchObject({ current: 6, previous: 5.5, change: 0.5, significant: false, reason: null });
    expect(result.zScore).toBeCloseTo(Math.sqrt(3), 12);
    expect(result.pValue).toBeCloseTo(0.083265, 6);
  });

  it('compares one scale only; a side without it has n = 0', () => {
    const sevens = cesSummary([...on7(7, 20), ...on7(5, 20)]);
    const result = compareCesMean(sevens, sevens, 5);
    expect(result).toMatchObject({
      current: null,
      previous: null,
      n: { current: 0, previous: 0 },
      significant: false,
      reason: 'insufficient-sample',
    });
  });

  it('needs two answers a side for a variance, whatever minN says', () => {
    const result = compareMeans({ mean: 6, variance: null, n: 1 }, { mean: 4, variance: 1, n: 10 }, { minN: 1 });
    expect(result).toMatchObject({
      current: 6,
      previous: 4,
      change: 2,
      zScore: null,
      significant: false,
      reason: 'insufficient-sample',
    });
  });
});
