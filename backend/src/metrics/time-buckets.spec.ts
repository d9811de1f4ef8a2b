import { describe, expect, it } from 'vitest';
import { csatSummary } from './csat';
import { npsSummary } from './nps';
import { bucketEdges, timeSeries } from './time-buckets';

interface Answer {
  at: Date;
  score: number;
}
const answer = (iso: string, score: number): Answer => ({ at: new Date(iso), score });
const HOUR = 3_600_000;
const iso = (date: Date): string => date.toISOString();

describe('timeSeries', () => {
  it('weekly NPS across the spring DST change in Europe/Berlin', () => {
    // Clocks went 02:00 CET → 03:00 CEST on Sunday 31 Mar 2024 (01:00Z).
    // Range: Mon 18 Mar 00:00 CET (17 Mar 23:00Z) to Mon 15 Apr 00:00 CEST (14 Apr 22:00Z), four ISO weeks:
    //   W12 [17 Mar 23:00Z, 24 Mar 23:00Z) 168 h
    //   W13 [24 Mar 23:00Z, 31 Mar 22:00Z) 167 h, the hour lost to DST
    //   W14 [31 Mar 22:00Z,  7 Apr 22:00Z) 168 h
    //   W15 [ 7 Apr 22:00Z, 14 Apr 22:00Z) 168 h, no answers
    const answers = [
      answer('2024-03-17T22:59:59Z', 0), // Sun 17 Mar 23:59:59 CET: before the range, ignored
      answer('2024-03-24T22:59:59Z', 10), // Sun 24 Mar 23:59:59 CET → W12
      answer('2024-03-24T23:00:00Z', 9), // Mon 25 Mar 00:00 CET → W13
      answer('2024-03-31T01:00:00Z', 0), // Sun 31 Mar 03:00 CEST, the first instant after the jump → W13
      answer('2024-03-31T21:59:59Z', 10), // Sun 31 Mar 23:59:59 CEST → W13 (a fixed +1 h would say W14)
      answer('2024-03-31T22:00:00Z', 6), // Mon 1 Apr 00:00 CEST → W14
      answer('2024-04-14T22:00:00Z', 10), // Mon 15 Apr 00:00 CEST = `to`, excluded
    ];
    const series = timeSeries(
      answers,
      {
        from: new Date('2024-03-17T23:00:00Z'),
        to: new Date('2024-04-14T22:00:00Z'),
        interval: 'week',
        timeZone: 'Europe/Berlin',
      },
      (items) => npsSummary(items.map((item) => item.score)),
    );

    expect(series.map((point) => [point.key, point.label, iso(point.start), iso(point.end), point.count])).toEqual([
      ['2024-03-18', '2024-W12', '2024-03-17T23:00:00.000Z', '2024-03-24T23:00:00.000Z', 1],
      ['2024-03-25', '2024-W13', '2024-03-24T23:00:00.000Z', '2024-03-31T22:00:00.000Z', 3],
      ['2024-04-01', '2024-W14', '2024-03-31T22:00:00.000Z', '2024-04-07T22:00:00.000Z', 1],
      ['2024-04-08', '2024-W15', '2024-04-07T22:00:00.000Z', '2024-04-14T22:00:00.000Z', 0],
    ]);
    expect(series[1].end.getTime() - series[1].start.getTime()).toBe(167 * HOUR);

    // W13: 9 and 10 promote, 0 detracts → (2 − 1)/3 = 33.3; Var = (1 − (1/3)²)/3 = 0.29630, MoE 106.7
    expect(series[1].value).toMatchObject({ n: 3, promoters: 2, detractors: 1, nps: 33.3, marginOfError: 106.7 });
    // W12: one 10 → NPS 100, margin 0; W14: one 6 → −100
    expect(series[0].value.nps).toBe(100);
    expect(series[2].value.nps).toBe(-100);
    // Empty week: still a point, with null metrics.
    expect(series[3].value).toMatchObject({ n: 0, nps: null, marginOfError: null });
  });

  it('daily buckets: the autumn change in Berlin makes a 25-hour day', () => {
    // 27 Oct 2024: 03:00 CEST → 02:00 CET. The day runs 26 Oct 22:00Z → 27 Oct 23:00Z.
    const series = timeSeries(
      [answer('2024-10-27T22:30:00Z', 5)], // 23:30 CET on the 27th; a fixed +2 h would say the 28th
      {
        from: new Date('2024-10-25T22:00:00Z'),
        to: new Date('2024-10-28T23:00:00Z'),
        interval: 'day',
        timeZone: 'Europe/Berlin',
      },
      (items) => items.length,
    );
    expect(series.map((point) => [point.key, (point.end.getTime() - point.start.getTime()) / HOUR, point.value])).toEqual([
      ['2024-10-26', 24, 0],
      ['2024-10-27', 25, 1],
      ['2024-10-28', 24, 0],
    ]);
  });

  it('monthly CSAT across a month boundary in Asia/Yekaterinburg (UTC+5)', () => {
    // Months start at local midnight = 19:00Z the day before:
    //   Jan [2023-12-31 19:00Z, 2024-01-31 19:00Z), Feb [… , 2024-02-29 19:00Z), Mar [… , 2024-03-31 19:00Z),
    //   Apr [… , 2024-04-30 19:00Z) with no answers.
    const answers = [
      answer('2024-01-15T10:00:00Z', 5),
      answer('2024-01-31T18:59:59Z', 2), // 31 Jan 23:59:59 local → January
      answer('2024-01-31T19:00:00Z', 4), // 1 Feb 00:00 local → February, though still 31 Jan in UTC
      answer('2024-02-29T20:00:00Z', 5), // 1 Mar 01:00 local → March, though 29 Feb in UTC
      answer('2024-03-10T08:00:00Z', 1),
    ];
    const series = timeSeries(
      answers,
      {
        from: new Date('2023-12-31T19:00:00Z'),
        to: new Date('2024-04-30T19:00:00Z'),
        interval: 'month',
        timeZone: 'Asia/Yekaterinburg',
      },
      (items) => csatSummary(items.map((item) => item.score)),
    );
    expect(series.map((point) => [point.label, iso(point.start), point.count])).toEqual([
      ['2024-01', '2023-12-31T19:00:00.000Z', 2],
      ['2024-02', '2024-01-31T19:00:00.000Z', 1],
      ['2024-03', '2024-02-29T19:00:00.000Z', 2],
      ['2024-04', '2024-03-31T19:00:00.000Z', 0],
    ]);
    // January: 5 ✓, 2 ✗ → 1/2 = 50 %; Wilson: centre = (0.5 + 3.8416/4)/(1 + 3.8416/2) = 0.5,
    // half = 1.96/2.9208 · √(0.25/2 + 3.8416/16) = 0.671049 · √0.3651 = 0.671049 · 0.604235 = 0.405471
    // → [9.453 %, 90.547 %] → [9.5, 90.5]
    expect(series[0].value).toMatchObject({ n: 2, satisfied: 1, csat: 50, interval: { lower: 9.5, upper: 90.5 } });
    expect(series[1].value.csat).toBe(100);
    expect(series[2].value.csat).toBe(50);
    expect(series[3].value.csat).toBeNull();
  });

  it('clips partial buckets at unaligned from/to', () => {
    // Weekly in UTC from Wed 3 Jan 2024 to Wed 17 Jan 12:00: W01 clipped to start on the 3rd, W03 ends at noon.
    const series = timeSeries(
      [answer('2024-01-02T12:00:00Z', 9), answer('2024-01-03T00:00:00Z', 9), answer('2024-01-17T11:59:59Z', 9)],
      { from: new Date('2024-01-03T00:00:00Z'), to: new Date('2024-01-17T12:00:00Z'), interval: 'week', timeZone: 'UTC' },
      (items) => items.length,
    );
    expect(series.map((point) => [point.label, iso(point.start), iso(point.end), point.value])).toEqual([
      ['2024-W01', '2024-01-03T00:00:00.000Z', '2024-01-08T00:00:00.000Z', 1], // Tue 2 Jan is before `from`
      ['2024-W02', '2024-01-08T00:00:00.000Z', '2024-01-15T00:00:00.000Z', 0],
      ['2024-W03', '2024-01-15T00:00:00.000Z', '2024-01-17T12:00:00.000Z', 1],
    ]);
  });

  it('has no point for a local day that never happened (Pacific/Apia, 30 Dec 2011)', () => {
    const series = timeSeries(
      [],
      // 29 Dec 00:00 local (−10) = 10:00Z; 1 Jan 2012 00:00 local (+14) = 31 Dec 10:00Z
      { from: new Date('2011-12-29T10:00:00Z'), to: new Date('2011-12-31T10:00:00Z'), interval: 'day', timeZone: 'Pacific/Apia' },
      (items) => items.length,
    );
    expect(series.map((point) => [point.key, iso(point.start), iso(point.end)])).toEqual([
      ['2011-12-29', '2011-12-29T10:00:00.000Z', '2011-12-30T10:00:00.000Z'],
      ['2011-12-31', '2011-12-30T10:00:00.000Z', '2011-12-31T10:00:00.000Z'],
    ]);
  });

  it('an empty range gives no points; a reversed one, bad zones and bad dates throw', () => {
    const at = new Date('2024-01-01T00:00:00Z');
    expect(timeSeries([], { from: at, to: at, interval: 'day', timeZone: 'UTC' }, () => 0)).toEqual([]);
    const options = { from: new Date('2024-01-02T00:00:00Z'), to: at, interval: 'day' as const, timeZone: 'UTC' };
    expect(() => bucketEdges(options)).toThrow(RangeError);
    expect(() => bucketEdges({ ...options, from: at, to: new Date('x') })).toThrow(RangeError);
    const january = { ...options, from: at, to: new Date('2024-02-01T00:00:00Z') };
    expect(() => bucketEdges({ ...january, timeZone: 'Nowhere/Else' })).toThrow(RangeError);
    expect(() => bucketEdges({ ...january, interval: 'year' as 'day' })).toThrow(RangeError);
    expect(() => timeSeries([{ at: new Date('nope') }], { ...options, from: at, to: new Date('2024-02-01T00:00:00Z') }, () => 0)).toThrow(
      RangeError,
    );
  });

  it('refuses more buckets than maxBuckets', () => {
    const options = {
      from: new Date('2024-01-01T00:00:00Z'),
      to: new Date('2024-02-01T00:00:00Z'),
      interval: 'day' as const,
      timeZone: 'UTC',
    };
    expect(bucketEdges(options)).toHaveLength(31);
    expect(bucketEdges({ ...options, maxBuckets: 31 })).toHaveLength(31);
    expect(() => bucketEdges({ ...options, maxBuckets: 30 })).toThrow(RangeError);
  });
});
