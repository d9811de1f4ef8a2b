import { describe, expect, it } from 'vitest';
import { type FunnelInput, funnelStatus } from './funnel';

const now = new Date('2024-06-30T00:00:00Z');
const firstSeenAt = new Date('2024-01-01T00:00:00Z');
const daysAfterFirst = (days: number) => new Date(firstSeenAt.getTime() + days * 86_400_000);
const base: FunnelInput = { orderCount: 0, lifecycleStage: 'aware', firstSeenAt, lostAt: null, now };

describe('funnelStatus', () => {
  it('new: no orders, not lost', () => {
    expect(funnelStatus(base)).toBe('new');
    expect(funnelStatus({ ...base, lifecycleStage: 'considering' })).toBe('new');
  });

  it('one_purchase: 1 or 2 orders, not lost', () => {
    expect(funnelStatus({ ...base, orderCount: 1, lifecycleStage: 'buying' })).toBe('one_purchase');
    expect(funnelStatus({ ...base, orderCount: 2, lifecycleStage: 'buying' })).toBe('one_purchase');
  });

  it('repeat: 3+ orders, or lifecycle stage repeat', () => {
    expect(funnelStatus({ ...base, orderCount: 3 })).toBe('repeat');
    expect(funnelStatus({ ...base, orderCount: 12 })).toBe('repeat');
    expect(funnelStatus({ ...base, orderCount: 1, lifecycleStage: 'repeat' })).toBe('repeat');
  });

  it('lost_after_long_cooperation: 3+ orders, or 180+ days before the loss', () => {
    expect(funnelStatus({ ...base, orderCount: 5, lostAt: daysAfterFirst(20) })).toBe('lost_after_long_cooperation');
    // 1 order but 180 days exactly from first seen to lost
    expect(funnelStatus({ ...base, orderCount: 1, lostAt: daysAfterFirst(180) })).toBe('lost_after_long_cooperation');
    expect(funnelStatus({ ...base, orderCount: 0, lostAt: daysAfterFirst(200), now: daysAfterFirst(300) })).toBe(
      'lost_after_long_cooperation',
    );
  });

  it('lost_after_one_purchase: exactly one order, short cooperation', () => {
    expect(funnelStatus({ ...base, orderCount: 1, lostAt: daysAfterFirst(30) })).toBe('lost_after_one_purchase');
    expect(funnelStatus({ ...base, orderCount: 1, lostAt: daysAfterFirst(179) })).toBe('lost_after_one_purchase');
  });

  it('lost_early: no orders, or two orders, within 180 days', () => {
    expect(funnelStatus({ ...base, orderCount: 0, lostAt: daysAfterFirst(10) })).toBe('lost_early');
    expect(funnelStatus({ ...base, orderCount: 2, lostAt: daysAfterFirst(90) })).toBe('lost_early');
  });

  it("stage 'left' without lostAt is lost as of now; a future lostAt is not lost yet", () => {
    // firstSeenAt 1 Jan → now 30 Jun = 181 days → long
    expect(funnelStatus({ ...base, orderCount: 1, lifecycleStage: 'left' })).toBe('lost_after_long_cooperation');
    expect(funnelStatus({ ...base, orderCount: 1, lifecycleStage: 'left', now: daysAfterFirst(20) })).toBe('lost_after_one_purchase');
    expect(funnelStatus({ ...base, orderCount: 1, lostAt: new Date('2024-07-15T00:00:00Z') })).toBe('one_purchase');
  });

  it('takes custom thresholds', () => {
    const thresholds = { repeatOrders: 2, longCooperationOrders: 10, longCooperationDays: 365 };
    expect(funnelStatus({ ...base, orderCount: 2 }, thresholds)).toBe('repeat');
    expect(funnelStatus({ ...base, orderCount: 5, lostAt: daysAfterFirst(100) }, thresholds)).toBe('lost_early');
  });

  it('rejects bad input', () => {
    expect(() => funnelStatus({ ...base, orderCount: -1 })).toThrow(RangeError);
    expect(() => funnelStatus({ ...base, orderCount: 1.5 })).toThrow(RangeError);
    expect(() => funnelStatus({ ...base, now: new Date('x') })).toThrow(RangeError);
    expect(() => funnelStatus({ ...base, lostAt: new Date('2023-12-01T00:00:00Z') })).toThrow(RangeError);
    expect(() => funnelStatus(base, { repeatOrders: 3, longCooperationOrders: 3, longCooperationDays: -1 })).toThrow(RangeError);
  });
});
