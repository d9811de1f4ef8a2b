import { describe, expect, it } from 'vitest';
import * as metrics from './index';

describe('metrics index', () => {
  it('re-exports the public functions', () => {
    for (const name of [
      'npsSummary',
      'npsFromCounts',
      'csatSummary',
      'cesSummary',
      'responseRate',
      'npsDistribution',
      'ratingDistribution',
      'cesDistribution',
      'timeSeries',
      'previousPeriod',
      'splitCurrentAndPrevious',
      'compareNps',
      'compareCsat',
      'compareCesAgree',
      'compareCesMean',
      'normalCdf',
      'twoSidedPValue',
    ]) {
      expect(typeof (metrics as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
