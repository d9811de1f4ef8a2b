import { describe, expect, it } from 'vitest';
import { previousPeriod, splitCurrentAndPrevious } from './periods';

describe('previousPeriod', () => {
  it('is the equal-length period just before', () => {
    // [1 Mar, 1 Apr) 2024 is 31 days; 31 days before 1 Mar 2024 (29 days of February, then 2) is 30 Jan.
    const previous = previousPeriod({ from: new Date('2024-03-01T00:00:00Z'), to: new Date('2024-04-01T00:00:00Z') });
    expect(previous.from.toISOString()).toBe('2024-01-30T00:00:00.000Z');
    expect(previous.to.toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  it('rejects reversed or invalid ranges', () => {
    expect(() => previousPeriod({ from: new Date('2024-03-02'), to: new Date('2024-03-01') })).toThrow(RangeError);
    expect(() => previousPeriod({ from: new Date('x'), to: new Date('2024-03-01') })).toThrow(RangeError);
  });
});

describe('splitCurrentAndPrevious', () => {
  it('puts each item in its half-open period and drops the rest', () => {
    // current [8 Jan, 15 Jan), previous [1 Jan, 8 Jan)
    const items = [
      '2023-12-31T23:59:59Z', // before both periods
      '2024-01-01T00:00:00Z',
      '2024-01-07T23:59:59Z',
      '2024-01-08T00:00:00Z',
      '2024-01-15T00:00:00Z', // the end is exclusive
    ].map((at) => ({ at: new Date(at) }));
    const { current, previous, previousRange } = splitCurrentAndPrevious(items, {
      from: new Date('2024-01-08T00:00:00Z'),
      to: new Date('2024-01-15T00:00:00Z'),
    });
    expect(current.map((item) => item.at.toISOString())).toEqual(['2024-01-08T00:00:00.000Z']);
    expect(previous.map((item) => item.at.toISOString())).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-07T23:59:59.000Z']);
    expect(previousRange.from.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});
