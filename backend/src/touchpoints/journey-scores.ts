// Per-touchpoint NPS / CSAT / CES for two back-to-back windows, with the direction of change. Pure: the
// journey service feeds it rows; the metric maths is the shared one in ../metrics.
import { cesSummary, csatSummary, npsSummary } from '../metrics';
import type { CesScale } from '../metrics';
import type { TouchpointScoreRow } from './touchpoints.repository';

export interface ScoreTrend {
  current: number | null;
  previous: number | null;
  n: number;
  previousN: number;
  trend: 'up' | 'down' | 'flat' | null;
}

export interface TouchpointScores {
  nps: ScoreTrend;
  csat: ScoreTrend;
  ces: ScoreTrend;
}

type Kind = keyof TouchpointScores;

/** One window's headline for a kind: NPS points, CSAT % satisfied, CES % agreeing. Off-scale rows are skipped. */
function headline(kind: Kind, rows: TouchpointScoreRow[]): { value: number | null; n: number } {
  if (kind === 'nps') {
    const scores = rows.filter((r) => r.scaleMax === 10 && Number.isInteger(r.score) && r.score >= 0 && r.score <= 10).map((r) => r.score);
    return { value: npsSummary(scores).nps, n: scores.length };
  }
  if (kind === 'csat') {
    const scores = rows.filter((r) => r.scaleMax === 5 && Number.isInteger(r.score) && r.score >= 1 && r.score <= 5).map((r) => r.score);
    return { value: csatSummary(scores).csat, n: scores.length };
  }
  const answers = rows
    .filter((r) => (r.scaleMax === 5 || r.scaleMax === 7) && Number.isInteger(r.score) && r.score >= 1 && r.score <= r.scaleMax)
    .map((r) => ({ score: r.score, scaleMax: r.scaleMax as CesScale }));
  return { value: cesSummary(answers).agree.percent, n: answers.length };
}

/** Direction of change; every headline reads higher-is-better (CES as % agreeing that it was easy). */
export function trendOf(current: number | null, previous: number | null): ScoreTrend['trend'] {
  if (current === null || previous === null) return null;
  return current > previous ? 'up' : current < previous ? 'down' : 'flat';
}

/**
 * Scores per touchpoint: rows with `at` in [splitAt, …) are the current window, earlier rows the previous one
 * (the caller fetches exactly the two windows). Touchpoints without rows are absent: use emptyScores().
 */
export function scoresByTouchpoint(rows: TouchpointScoreRow[], splitAt: Date): Map<string, TouchpointScores> {
  const grouped = new Map<string, Record<Kind, { current: TouchpointScoreRow[]; previous: TouchpointScoreRow[] }>>();
  for (const row of rows) {
    let entry = grouped.get(row.touchpointId);
    if (!entry) {
      entry = { nps: { current: [], previous: [] }, csat: { current: [], previous: [] }, ces: { current: [], previous: [] } };
      grouped.set(row.touchpointId, entry);
    }
    entry[row.kind][new Date(row.at) >= splitAt ? 'current' : 'previous'].push({
      ...row,
      score: Number(row.score),
      scaleMax: Number(row.scaleMax),
    });
  }
  const out = new Map<string, TouchpointScores>();
  for (const [id, byKind] of grouped) {
    const one = (kind: Kind): ScoreTrend => {
      const cur = headline(kind, byKind[kind].current);
      const prev = headline(kind, byKind[kind].previous);
      return { current: cur.value, previous: prev.value, n: cur.n, previousN: prev.n, trend: trendOf(cur.value, prev.value) };
    };
    out.set(id, { nps: one('nps'), csat: one('csat'), ces: one('ces') });
  }
  return out;
}

export function emptyScores(): TouchpointScores {
  const none = (): ScoreTrend => ({ current: null, previous: null, n: 0, previousN: 0, trend: null });
  return { nps: none(), csat: none(), ces: none() };
}
