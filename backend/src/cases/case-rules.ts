// Pure rules for cases: which feedback is "low", which channel a source implies, and the priority rules.
import type { SlaChannel, SlaPriority } from '../sla/clock';

export const CASE_SOURCES = ['response', 'cancellation', 'mention', 'cluster', 'manual', 'api', 'warning'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_STATUSES = ['open', 'waiting_customer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A repeated complaint: the same customer had another case opened within this many days. */
export const REPEAT_WINDOW_DAYS = 30;
/** A follow-up CSAT at or below this reopens the case (1–5 scale). */
export const REOPEN_AT_OR_BELOW = 2;

/**
 * Whether a survey score is low enough to open a case: NPS detractors (0–6 of 10), CSAT 1–2 of 5,
 * CES ≤ 2 of 5 or ≤ 3 of 7 (the brief's scales; "how easy was it", so low = hard). Custom surveys never do.
 */
export function isLowScore(kind: string, score: number | null, scaleMax: number | null): boolean {
  if (score === null) return false;
  if (kind === 'nps') return score <= 6;
  if (kind === 'csat') return score <= (scaleMax && scaleMax !== 5 ? Math.floor(scaleMax * 0.4) : 2);
  if (kind === 'ces') return scaleMax === 7 ? score <= 3 : score <= 2;
  return false;
}

/** The SQL twin of isLowScore, over `s.kind`, `r.score`, `r.score_scale_max` (kept next to it on purpose). */
export const LOW_SCORE_SQL = `(
  (s.kind = 'nps' AND r.score <= 6)
  OR (s.kind = 'csat' AND r.score <= CASE WHEN coalesce(r.score_scale_max, 5) = 5 THEN 2 ELSE floor(r.score_scale_max * 0.4) END)
  OR (s.kind = 'ces' AND r.score <= CASE WHEN r.score_scale_max = 7 THEN 3 ELSE 2 END)
)`;

/** The channel a case gets when its touchpoint names none (or has none): how the customer spoke to us. */
export function channelForSource(source: CaseSource): SlaChannel {
  switch (source) {
    case 'response':
      return 'survey';
    case 'mention':
      return 'social';
    case 'cancellation':
      return 'web_form';
    default:
      return 'other';
  }
}

export interface PriorityFacts {
  source: CaseSource;
  /** The customer's MRR, when the case has a known customer. */
  customerMrr: number | null;
  highMrrThreshold: number;
  /** Another case for the same customer opened within REPEAT_WINDOW_DAYS. */
  repeated: boolean;
}

/**
 * Priority of an automatic case and the reasons, in words for the inbox:
 * - a pinned cluster (a known issue hitting many customers) → high: it is already known and owned by the team,
 *   so 'urgent' (a 1-hour first reply) would only page people; a person can raise it;
 * - a cancellation → high (the customer is leaving now);
 * - a customer at or above the MRR threshold → high; the same customer complaining again within 30 days → high;
 * - otherwise normal.
 */
export function priorityFor(facts: PriorityFacts): { priority: SlaPriority; reasons: string[] } {
  const reasons: string[] = [];
  if (facts.source === 'cluster') reasons.push('known_issue');
  if (facts.source === 'cancellation') reasons.push('cancellation');
  if (facts.customerMrr !== null && facts.customerMrr >= facts.highMrrThreshold && facts.highMrrThreshold > 0) reasons.push('high_mrr');
  if (facts.repeated) reasons.push('repeated_complaint');
  return { priority: reasons.length > 0 ? 'high' : 'normal', reasons };
}

/** The next owner in a round robin over a team, from the stored cursor; null for an empty team. */
export function roundRobin(team: readonly string[], cursor: number): { ownerId: string | null; next: number } {
  if (team.length === 0) return { ownerId: null, next: cursor };
  const index = ((cursor % team.length) + team.length) % team.length;
  return { ownerId: team[index], next: index + 1 };
}
