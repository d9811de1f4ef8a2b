/**
 * Titles of the cases opened from feedback. `title` is English text for API clients and webhooks; the dashboard
 * writes `cases.title.<titleKey>` with `titleParams` in the reader's language (a churn reason by its label, a
 * mention source by its name), so nothing generated shows as a raw key.
 */
export interface CaseTitle {
  title: string;
  titleKey: string;
  titleParams: Record<string, unknown>;
}

const SCORE_LABEL: Record<string, string> = { nps: 'NPS detractor', csat: 'Low CSAT', ces: 'High effort (CES)' };

export const lowScoreTitle = (kind: string, score: number, scale: number, survey: string): CaseTitle => ({
  title: `${SCORE_LABEL[kind] ?? 'Low score'}: ${score}/${scale} — ${survey}`.slice(0, 300),
  titleKey: 'low_score',
  titleParams: { kind, score, scale, survey },
});

export const cancellationTitle = (reason: string | null): CaseTitle => ({
  title: `Cancellation${reason ? `: ${reason}` : ''}`,
  titleKey: 'cancellation',
  titleParams: { reason },
});

export const negativeMentionTitle = (source: string, author: string | null): CaseTitle => ({
  title: `Negative mention on ${source}${author ? ` by ${author}` : ''}`.slice(0, 300),
  titleKey: 'negative_mention',
  titleParams: { source, author },
});

export const knownIssueTitle = (name: string): CaseTitle => ({
  title: `Known issue: ${name}`.slice(0, 300),
  titleKey: 'known_issue',
  titleParams: { name },
});

/** An early warning: the customer may be leaving (rule: rhythm_break, payments_stopped, usage_drop, rfm_at_risk). */
export const atRiskTitle = (rule: string, customer: string): CaseTitle => ({
  title: `At risk (${AT_RISK_RULE_LABEL[rule] ?? rule}): ${customer}`.slice(0, 300),
  titleKey: 'at_risk',
  titleParams: { rule, customer },
});

const AT_RISK_RULE_LABEL: Record<string, string> = {
  rhythm_break: 'broke their order rhythm',
  payments_stopped: 'payments stopped',
  usage_drop: 'usage dropped',
  rfm_at_risk: 'RFM group at risk',
};
