import { describe, expect, it } from 'vitest';
import { assertCount, assertScore, assertScores } from './validate';

describe('score guards', () => {
  it('accepts integers in range', () => {
    expect(() => assertScores([0, 5, 10], 0, 10, 'score')).not.toThrow();
    expect(() => assertScore(1, 1, 5, 'score')).not.toThrow();
  });

  it.each([[11], [-1], [8.5], [Number.NaN], [Infinity]])('rejects %s with a RangeError', (score) => {
    expect(() => assertScore(score, 0, 10, 'score')).toThrow(RangeError);
  });

  it('names the offending position', () => {
    expect(() => assertScores([3, 4, 6], 1, 5, 'CSAT score')).toThrow('CSAT score[2] is 6; expected an integer from 1 to 5');
  });

  it('checks counts', () => {
    expect(() => assertCount(0, 'displays')).not.toThrow();
    expect(() => assertCount(-1, 'displays')).toThrow(RangeError);
    expect(() => assertCount(1.5, 'displays')).toThrow(RangeError);
  });
});
