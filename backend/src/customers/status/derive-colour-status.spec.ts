import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_RULES, deriveColourStatus, type StatusFacts } from './derive-colour-status';

const NOW = new Date('2026-12-01T00:00:00Z');
const facts = (partial: Partial<StatusFacts>): StatusFacts => ({
  lifecycleStage: 'aware',
  orderCount: 0,
  firstSeenAt: new Date('2025-01-01T00:00:00Z'),
  lastSeenAt: new Date('2026-11-30T00:00:00Z'),
  lastOrderAt: null,
  stoppedAt: null,
  offerResponse: null,
  marketingConsent: false,
  isOrganisation: false,
  decisionMaker: null,
  ...partial,
});

describe('deriveColourStatus', () => {
  it('tries the rules in order: the red end first, then orders, offers, consent, organisation', () => {
    const status = (partial: Partial<StatusFacts>) => deriveColourStatus(facts(partial), DEFAULT_STATUS_RULES, NOW).status;
    expect(status({})).toBe('white');
    expect(status({ isOrganisation: true })).toBe('grey');
    expect(status({ isOrganisation: true, offerResponse: 'interested' })).toBe('green');
    expect(status({ offerResponse: 'interested', marketingConsent: true })).toBe('yellow');
    expect(status({ offerResponse: 'requested', marketingConsent: true })).toBe('green_gold');
    expect(status({ offerResponse: 'declined' })).toBe('red_green');
    expect(status({ offerResponse: 'declined', orderCount: 1, lastOrderAt: new Date('2026-11-01T00:00:00Z') })).toBe('gold');
    expect(status({ orderCount: 3, lastOrderAt: new Date('2026-11-01T00:00:00Z') })).toBe('platinum');
    expect(status({ orderCount: 3, lifecycleStage: 'left' })).toBe('red_platinum');
    expect(status({ orderCount: 2, lifecycleStage: 'left' })).toBe('red_gold');
  });

  it('uses the last visit when orders are not recorded, and the workspace thresholds', () => {
    // no last order: 100 days since the last visit
    const quiet = facts({ orderCount: 1, lastSeenAt: new Date('2026-08-23T00:00:00Z') });
    expect(deriveColourStatus(quiet, DEFAULT_STATUS_RULES, NOW)).toMatchObject({ status: 'red_gold', rule: 'stopped_buyer' });
    const patient = { ...DEFAULT_STATUS_RULES, stoppedAfterDays: 120 };
    expect(deriveColourStatus(quiet, patient, NOW)).toMatchObject({ status: 'gold', rule: 'ordered', stoppedAt: null });
    const loyal = facts({ orderCount: 4, firstSeenAt: new Date('2026-01-01T00:00:00Z'), lifecycleStage: 'left' });
    expect(deriveColourStatus(loyal, DEFAULT_STATUS_RULES, NOW).status).toBe('red_gold'); // 334 days
    expect(deriveColourStatus(loyal, { ...DEFAULT_STATUS_RULES, longCooperationDays: 300 }, NOW).status).toBe('red_platinum');
    expect(deriveColourStatus(loyal, { ...DEFAULT_STATUS_RULES, platinumOrders: 5 }, NOW).status).toBe('red_gold');
  });
});
