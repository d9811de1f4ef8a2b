import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar, defaultSlaPolicy, SlaPolicy } from '../../sla/clock';
import type { EffectivePolicy } from '../case-timers';
import { MeasurableCase, measureCase } from './case-measurement';
import {
  caseFigures,
  closedLoopFigures,
  followUpFigures,
  MeasuredCase,
  median,
  percentile,
  percentOf,
  timerFigures,
  TimerMeasure,
  TimerOutcome,
  tradeOffFigures,
} from './case-report-formulas';

const measure = (outcome: TimerOutcome, minutes: number | null = null): TimerMeasure => ({ outcome, minutes });
const NONE = measure('no_target');
const aCase = (over: Partial<MeasuredCase> = {}): MeasuredCase => ({
  openedAt: new Date('2026-11-02T07:00:00Z'),
  firstResponse: NONE,
  resolution: NONE,
  followUpCsat: null,
  closedOnce: false,
  detractor: false,
  ...over,
});

describe('percentile (linear interpolation between closest ranks, rank p·(n − 1))', () => {
  it('is null for no values and the value itself for one', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 0.9)).toBeNull();
    expect(median([5])).toBe(5);
    expect(percentile([5], 0.9)).toBe(5);
  });

  it('interpolates on hand-worked lists, whatever their order', () => {
    // [1,2,3,4]: median rank 1.5 → 2.5; p90 rank 2.7 → 3 + 0.7 × (4 − 3) = 3.7
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 10);
    // 10…100: median rank 4.5 → 55; p90 rank 8.1 → 90 + 0.1 × 10 = 91
    const tens = [100, 30, 10, 90, 20, 80, 40, 70, 50, 60];
    expect(median(tens)).toBe(55);
    expect(percentile(tens, 0.9)).toBeCloseTo(91, 10);
    // [30, 10, 20]: median 20; p90 rank 1.8 → 20 + 0.8 × 10 = 28
    expect(median([30, 10, 20])).toBe(20);
    expect(percentile([30, 10, 20], 0.9)).toBeCloseTo(28, 10);
    expect(percentile([7, 3], 0)).toBe(3);
    expect(percentile([7, 3], 1)).toBe(7);
  });

  it('refuses a p outside 0..1', () => {
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('timer compliance', () => {
  it('counts met over measured, leaving out pending and no-target cases', () => {
    const figures = timerFigures([
      measure('met', 10),
      measure('met', 20),
      measure('missed', 70),
      measure('pending'),
      measure('no_target', 5),
    ]);
    // times [5, 10, 20, 70]: median 15; p90 rank 2.7 → 20 + 0.7 × 50 = 55
    expect(figures).toEqual({
      measured: 3,
      met: 2,
      missed: 1,
      pending: 1,
      noTarget: 1,
      compliance: 66.7,
      timed: 4,
      medianMinutes: 15,
      p90Minutes: 55,
    });
  });

  it('is null, not 0 %, when nothing is measured yet', () => {
    expect(timerFigures([measure('pending'), measure('no_target')])).toMatchObject({
      measured: 0,
      compliance: null,
      timed: 0,
      medianMinutes: null,
      p90Minutes: null,
    });
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(1, 3)).toBe(33.3);
  });
});

describe('follow-up, trade-off and closed loop', () => {
  it('follow-up CSAT of closed cases: share answered, mean, median and CSAT (4–5)', () => {
    const figures = followUpFigures([
      aCase({ closedOnce: true, followUpCsat: 5 }),
      aCase({ closedOnce: true, followUpCsat: 2 }),
      aCase({ closedOnce: true }),
      aCase(), // still open, never asked
      aCase({ followUpCsat: 1 }), // reopened by its low answer: closed once, even if not now
    ]);
    expect(figures).toEqual({ closedCases: 4, answered: 3, sharePercent: 75, average: 2.67, median: 2, csatPercent: 33.3 });
  });

  it('pairs resolution time with CSAT on the same cases only', () => {
    const figures = tradeOffFigures([
      aCase({ resolution: measure('met', 100), followUpCsat: 5 }),
      aCase({ resolution: measure('missed', 300), followUpCsat: 2 }),
      aCase({ resolution: measure('met', 50) }), // no answer: left out
      aCase({ resolution: measure('pending'), followUpCsat: 1 }), // not resolved: left out
    ]);
    expect(figures).toEqual({ cases: 2, medianResolutionMinutes: 200, averageCsat: 3.5 });
  });

  it('closed-loop rate: detractor cases whose first response met its target, over those measured', () => {
    const figures = closedLoopFigures([
      aCase({ detractor: true, firstResponse: measure('met', 30) }),
      aCase({ detractor: true, firstResponse: measure('missed', 900) }),
      aCase({ detractor: true, firstResponse: measure('pending') }),
      aCase({ firstResponse: measure('met', 10) }),
    ]);
    expect(figures).toEqual({ detractorCases: 3, measured: 2, met: 1, ratePercent: 50 });
  });

  it('counts breaches per target and breached cases once', () => {
    const figures = caseFigures([
      aCase({ firstResponse: measure('missed', 90), resolution: measure('missed', 2000) }),
      aCase({ firstResponse: measure('met', 30), resolution: measure('missed', 1700) }),
      aCase({ firstResponse: measure('met', 20), resolution: measure('met', 400) }),
    ]);
    expect(figures).toMatchObject({
      cases: 3,
      breaches: 3,
      breachedCases: 2,
      firstResponse: { compliance: 66.7 },
      resolution: { compliance: 33.3, medianMinutes: 1700 },
    });
  });
});

// The default calendar: Mon–Fri 09:00–18:00 Europe/Moscow (UTC+3). Friday 27 and Monday 30 November 2026.
const calendar = defaultBusinessCalendar('Europe/Moscow');
const business: EffectivePolicy = { id: null, calendar, policy: defaultSlaPolicy(calendar) };
const row = (over: Partial<MeasurableCase>): MeasurableCase => ({
  priority: 'normal',
  channel: 'chat',
  openedAt: new Date('2026-11-30T07:00:00Z'),
  resolutionStartedAt: new Date('2026-11-30T07:00:00Z'),
  pauses: [],
  firstRespondedAt: null,
  resolvedAt: null,
  closedAt: null,
  breachedFirstResponseAt: null,
  breachedResolutionAt: null,
  followUpCsat: null,
  followUpAt: null,
  sourceSurveyKind: null,
  sourceScore: null,
  ...over,
});
const at = (iso: string) => new Date(iso);
const LATER = at('2026-12-31T00:00:00Z');

describe('measuring a case in SLA time', () => {
  it('counts working minutes only: Friday 17:00 → Monday 11:00 is 60 + 120 = 180 minutes, a missed 60-minute chat target', () => {
    const m = measureCase(
      row({
        openedAt: at('2026-11-27T14:00:00Z'),
        resolutionStartedAt: at('2026-11-27T14:00:00Z'),
        firstRespondedAt: at('2026-11-30T08:00:00Z'),
      }),
      business,
      LATER,
    );
    expect(m.firstResponse).toEqual({ outcome: 'missed', minutes: 180 });
  });

  it('counts every minute for a target on the 24×7 clock', () => {
    const policy: SlaPolicy = { ...defaultSlaPolicy(calendar), rules: { '*': { '*': { firstResponseMinutes: 4000, clock: 'calendar' } } } };
    const m = measureCase(
      row({ openedAt: at('2026-11-27T14:00:00Z'), firstRespondedAt: at('2026-11-30T08:00:00Z') }),
      { ...business, policy },
      LATER,
    );
    expect(m.firstResponse).toEqual({ outcome: 'met', minutes: 66 * 60 });
  });

  it('leaves pauses out: Monday 10:00 → 16:00 with 11:00–13:00 waiting on the customer is 240 minutes', () => {
    const m = measureCase(
      row({
        pauses: [{ from: '2026-11-30T08:00:00.000Z', to: '2026-11-30T10:00:00.000Z' }],
        firstRespondedAt: at('2026-11-30T07:30:00Z'),
        resolvedAt: at('2026-11-30T13:00:00Z'),
        closedAt: at('2026-11-30T13:00:00Z'),
      }),
      business,
      LATER,
    );
    // Normal priority: resolution within 3 business days (1,620 minutes).
    expect(m.resolution).toEqual({ outcome: 'met', minutes: 240 });
    expect(m.firstResponse).toEqual({ outcome: 'met', minutes: 30 });
    expect(m.closedOnce).toBe(true);
  });

  it('counts a reply exactly at the deadline as met, a flagged breach as missed whatever the reply time', () => {
    expect(measureCase(row({ firstRespondedAt: at('2026-11-30T08:00:00Z') }), business, LATER).firstResponse).toEqual({
      outcome: 'met',
      minutes: 60,
    });
    expect(
      measureCase(
        row({ firstRespondedAt: at('2026-11-30T07:10:00Z'), breachedFirstResponseAt: at('2026-11-30T08:01:00Z') }),
        business,
        LATER,
      ).firstResponse,
    ).toEqual({ outcome: 'missed', minutes: 10 });
  });

  it('judges a running timer against now: late is missed (known), not late is pending', () => {
    expect(measureCase(row({}), business, at('2026-11-30T09:00:00Z')).firstResponse).toEqual({ outcome: 'missed', minutes: null });
    expect(measureCase(row({}), business, at('2026-11-30T07:30:00Z')).firstResponse).toEqual({ outcome: 'pending', minutes: null });
    // Waiting on the customer since 10:20 stops the clock at 20 minutes: still pending hours later.
    expect(
      measureCase(row({ pauses: [{ from: '2026-11-30T07:20:00.000Z', to: null }] }), business, at('2026-11-30T12:00:00Z')).firstResponse
        .outcome,
    ).toBe('pending');
  });

  it('stops the first-response timer at the close when nobody replied, without a response time', () => {
    const m = measureCase(row({ resolvedAt: at('2026-11-30T07:40:00Z'), closedAt: at('2026-11-30T07:40:00Z') }), business, LATER);
    expect(m.firstResponse).toEqual({ outcome: 'met', minutes: null });
    expect(m.resolution).toEqual({ outcome: 'met', minutes: 40 });
  });

  it('measures resolution from the reopen time after a low follow-up, and has no outcome without a target', () => {
    const reopened = row({
      resolutionStartedAt: at('2026-12-01T07:00:00Z'),
      resolvedAt: at('2026-12-01T09:00:00Z'),
      followUpCsat: 2,
      followUpAt: at('2026-12-01T07:00:00Z'),
    });
    expect(measureCase(reopened, business, LATER).resolution).toEqual({ outcome: 'met', minutes: 120 });
    const policy: SlaPolicy = { ...defaultSlaPolicy(calendar), rules: { '*': { '*': { firstResponseMinutes: 60 } } } };
    expect(measureCase(reopened, { ...business, policy }, LATER).resolution).toEqual({ outcome: 'no_target', minutes: 120 });
  });

  it('marks NPS 0–6 answers as detractors, nothing else', () => {
    const detractor = (sourceSurveyKind: string | null, sourceScore: number | null) =>
      measureCase(row({ sourceSurveyKind, sourceScore }), business, LATER).detractor;
    expect(detractor('nps', 6)).toBe(true);
    expect(detractor('nps', 0)).toBe(true);
    expect(detractor('nps', 7)).toBe(false);
    expect(detractor('csat', 1)).toBe(false);
    expect(detractor('nps', 11)).toBe(false);
    expect(detractor(null, null)).toBe(false);
  });
});
