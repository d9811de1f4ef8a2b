import { CES_AGREE_MIN, CSAT_SATISFIED_MIN, npsCategory, type CesScale, type NpsCategory } from '../../metrics';
import type { SurveyKind } from '@otklik/survey-model';
import type { ScoreBand } from './timeline.dto';

const NPS_BANDS: Record<NpsCategory, ScoreBand> = { promoter: 'positive', passive: 'neutral', detractor: 'negative' };

/**
 * How one score reads, for colouring it: positive (NPS promoter, CSAT satisfied, CES agree), neutral (NPS
 * passive, the scale's midpoint) or negative. Thresholds come from the metrics module, so the badge and the
 * dashboards agree. null when there is no score, the survey is custom, or the scale is not the kind's.
 */
export function scoreBand(kind: SurveyKind, score: number | null, scaleMax: number | null): ScoreBand | null {
  if (score === null || !Number.isInteger(score)) return null;
  if (kind === 'nps') {
    if (score < 0 || score > 10) return null;
    return NPS_BANDS[npsCategory(score)];
  }
  if (kind === 'csat') {
    if (scaleMax !== 5 || score < 1 || score > 5) return null;
    return score >= CSAT_SATISFIED_MIN ? 'positive' : score === 3 ? 'neutral' : 'negative';
  }
  if (kind === 'ces') {
    if ((scaleMax !== 5 && scaleMax !== 7) || score < 1 || score > scaleMax) return null;
    const agree = CES_AGREE_MIN[scaleMax as CesScale];
    return score >= agree ? 'positive' : score === agree - 1 ? 'neutral' : 'negative';
  }
  return null;
}
