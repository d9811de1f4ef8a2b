import { describe, expect, it } from 'vitest';
import { type CesAnswer, cesSummary } from './ces';

const on7 = (...scores: number[]): CesAnswer[] => scores.map((score) => ({ score, scaleMax: 7 }));

describe('cesSummary', () => {
  it('1–7 scale, [7,6,5,4,3]: agree 60 %, mean 5', () => {
    // agree (5–7): 7,6,5 = 3 of 5 = 60 %; Wilson 3/5 → [23.07 %, 88.24 %], half-width 32.58
    // mean = 25/5 = 5; deviations 2,1,0,−1,−2 → Σ² = 10, s² = 10/4 = 2.5, s = 1.5811
    // MoE = 1.96 · 1.5811/√5 = 1.96 · 0.70711 = 1.3859 → [3.6141, 6.3859]
    const summary = cesSummary(on7(7, 6, 5, 4, 3));
    expect(summary.n).toBe(5);
    expect(summary.scale).toBe(7);
    expect(summary.agree).toMatchObject({
      n: 5,
      count: 3,
      percent: 60,
      marginOfError: 32.6,
      interval: { lower: 23.1, upper: 88.2 },
    });
    expect(summary.byScale[5]).toBeNull();
    expect(summary.byScale[7]).toMatchObject({
      scaleMax: 7,
      n: 5,
      mean: 5,
      standardDeviation: 1.58,
      marginOfError: 1.39,
      interval: { lower: 3.61, upper: 6.39 },
    });
    expect(summary.byScale[7]?.exact.variance).toBeCloseTo(2.5, 15);
    expect(summary.byScale[7]?.exact.marginOfError).toBeCloseTo(1.385929, 6);
  });

  it('mixed scales: agree per answer by its own scale, means kept apart', () => {
    // 1–5: 5 ✓, 4 ✓, 3 ✗ (agree is 4–5); 1–7: 7 ✓, 4 ✗ (agree is 5–7) → 3 of 5 = 60 %.
    // A 4 agrees on 1–5 but not on 1–7: the scale of each answer decides.
    // 1–5 mean = 12/3 = 4, s² = (1 + 0 + 1)/2 = 1, MoE = 1.96/√3 = 1.1316 → [2.8684, 5.1316] → clamped [2.87, 5]
    // 1–7 mean = 11/2 = 5.5, s² = (2.25 + 2.25)/1 = 4.5, s = 2.1213, MoE = 1.96 · 2.1213/√2 = 2.94
    //   → [2.56, 8.44] → clamped [2.56, 7]
    const summary = cesSummary([
      { score: 5, scaleMax: 5 },
      { score: 4, scaleMax: 5 },
      { score: 3, scaleMax: 5 },
      { score: 7, scaleMax: 7 },
      { score: 4, scaleMax: 7 },
    ]);
    expect(summary.scale).toBe('mixed');
    expect(summary.agree.count).toBe(3);
    expect(summary.agree.percent).toBe(60);
    expect(summary.byScale[5]).toMatchObject({
      n: 3,
      mean: 4,
      standardDeviation: 1,
      marginOfError: 1.13,
      interval: { lower: 2.87, upper: 5 },
    });
    expect(summary.byScale[7]).toMatchObject({
      n: 2,
      mean: 5.5,
      standardDeviation: 2.12,
      marginOfError: 2.94,
      interval: { lower: 2.56, upper: 7 },
    });
  });

  it('one answer on a scale: a mean but no spread', () => {
    const summary = cesSummary([{ score: 4, scaleMax: 5 }]);
    expect(summary.byScale[5]).toMatchObject({ n: 1, mean: 4, standardDeviation: null, marginOfError: null, interval: null });
    expect(summary.byScale[5]?.exact.variance).toBeNull();
  });

  it('empty input', () => {
    const summary = cesSummary([]);
    expect(summary.n).toBe(0);
    expect(summary.scale).toBeNull();
    expect(summary.agree.percent).toBeNull();
    expect(summary.byScale).toEqual({ 5: null, 7: null });
  });

  it('rejects scores outside their own scale and unknown scales', () => {
    expect(() => cesSummary([{ score: 6, scaleMax: 5 }])).toThrow(RangeError);
    expect(() => cesSummary([{ score: 0, scaleMax: 7 }])).toThrow(RangeError);
    expect(() => cesSummary([{ score: 8, scaleMax: 7 }])).toThrow(RangeError);
    expect(() => cesSummary([{ score: 3, scaleMax: 10 as 7 }])).toThrow('CES answer[0].scaleMax is 10; expected 5 or 7');
  });
});
