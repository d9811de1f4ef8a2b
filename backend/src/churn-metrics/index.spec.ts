import { describe, expect, it } from 'vitest';
import * as churn from './index';

describe('churn-metrics index', () => {
  it('re-exports the public functions', () => {
    for (const name of [
      'customerChurnRate',
      'revenueChurnRate',
      'moneyLostWithoutSubscriptions',
      'saveRate',
      'revenueSaved',
      'inactiveCustomers',
      'reasonsByMonth',
      'avoidableSplit',
      'cohortRetention',
      'funnelStatus',
      'toCents',
      'fromCents',
    ]) {
      expect(typeof (churn as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(churn.DEFAULT_FUNNEL_THRESHOLDS).toEqual({ repeatOrders: 3, longCooperationOrders: 3, longCooperationDays: 180 });
  });
});
