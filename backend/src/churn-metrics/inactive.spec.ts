import { describe, expect, it } from 'vitest';
import { inactiveCustomers } from './inactive';

const now = new Date('2024-04-01T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('inactiveCustomers', () => {
  it('splits into active, sleeping and lost (90 days, sleeping from 45)', () => {
    const result = inactiveCustomers(
      [
        { externalId: 'active', lastSeenAt: new Date('2024-03-01T00:00:00Z') }, // 31 d
        { externalId: 'sleeping', lastSeenAt: new Date('2024-02-01T00:00:00Z') }, // 60 d
        { externalId: 'lost', lastSeenAt: new Date('2023-12-02T00:00:00Z') }, // 121 d
        { externalId: 'cancelled', lastSeenAt: daysAgo(200), cancelledAt: new Date('2024-03-10T00:00:00Z') },
      ],
      now,
      90,
    );
    expect(result.sleeping).toEqual([{ externalId: 'sleeping', lastSeenAt: new Date('2024-02-01T00:00:00Z'), daysInactive: 60 }]);
    expect(result.lostByInactivity).toEqual([{ externalId: 'lost', lastSeenAt: new Date('2023-12-02T00:00:00Z'), daysInactive: 121 }]);
    expect(result.active).toBe(1);
    expect(result.cancelled).toBe(1);
    expect(result.thresholds).toEqual({ sleepingDays: 45, inactiveDays: 90 });
  });

  it('lower bounds are inclusive', () => {
    const result = inactiveCustomers(
      [
        { externalId: 'a', lastSeenAt: new Date(daysAgo(45).getTime() + 1) }, // 1 ms short of 45 d
        { externalId: 'b', lastSeenAt: daysAgo(45) },
        { externalId: 'c', lastSeenAt: new Date(daysAgo(90).getTime() + 1) },
        { externalId: 'd', lastSeenAt: daysAgo(90) },
      ],
      now,
      90,
    );
    expect(result.active).toBe(1);
    expect(result.sleeping.map((c) => c.externalId)).toEqual(['c', 'b']); // longest idle first
    expect(result.lostByInactivity.map((c) => c.externalId)).toEqual(['d']);
  });

  it('takes a custom sleeping threshold; equal thresholds leave nobody sleeping', () => {
    const customers = [{ externalId: 'x', lastSeenAt: daysAgo(20) }];
    expect(inactiveCustomers(customers, now, 30, 14).sleeping).toHaveLength(1);
    // default sleepingDays = 30 / 2 = 15, and 20 ≥ 15
    expect(inactiveCustomers(customers, now, 30).sleeping).toHaveLength(1);
    expect(inactiveCustomers(customers, now, 30, 21).active).toBe(1);
    expect(inactiveCustomers(customers, now, 20, 20).lostByInactivity).toHaveLength(1);
    expect(inactiveCustomers([{ externalId: 'y', lastSeenAt: daysAgo(19) }], now, 20, 20).active).toBe(1);
  });

  it('activity after now counts as active', () => {
    expect(inactiveCustomers([{ externalId: 'f', lastSeenAt: daysAgo(-3) }], now, 30).active).toBe(1);
  });

  it('rejects bad thresholds and dates', () => {
    expect(() => inactiveCustomers([], now, 0)).toThrow(RangeError);
    expect(() => inactiveCustomers([], now, 30, 31)).toThrow(RangeError);
    expect(() => inactiveCustomers([], now, 30, 0)).toThrow(RangeError);
    expect(() => inactiveCustomers([], new Date(Number.NaN), 30)).toThrow(RangeError);
    expect(() => inactiveCustomers([{ externalId: 'z', lastSeenAt: new Date('nope') }], now, 30)).toThrow(RangeError);
  });
});
