/** Where a red customer's loss reason came from, in the order it is looked for. */
export const LOSS_REASON_KINDS = ['churn_reason', 'cluster', 'survey', 'feedback', 'unknown'] as const;
export type LossReasonKind = (typeof LOSS_REASON_KINDS)[number];

/**
 * A loss reason: a churn reason key (from a cancellation or a closed case), a complaint cluster, a survey, negative
 * feedback without its source (for a caller who may not read answers), or unknown.
 */
export interface LossReason {
  /** `too_expensive`, `cluster:<id>`, `survey:<id>`, `negative_feedback` or `unknown`. */
  key: string;
  kind: LossReasonKind;
  /** The cluster's or survey's name; churn reasons are labelled from the catalog. */
  name: string | null;
}

export const UNKNOWN_REASON: LossReason = { key: 'unknown', kind: 'unknown', name: null };
/** Survey and cluster names come from answers: a caller without responses:read sees only that there was negative feedback. */
export const NEGATIVE_FEEDBACK_REASON: LossReason = { key: 'negative_feedback', kind: 'feedback', name: null };
const REASON_KEY = /^[a-z0-9_]{1,60}$/;
// A literal (not built at run time), so the regex-safety test can check it on hostile input.
const FEEDBACK_KEY = /^(cluster|survey):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a `reason` query value can name a loss reason at all (anything else is a 400, not an empty page). */
export const isLossReasonKey = (key: string): boolean => key === 'unknown' || REASON_KEY.test(key) || FEEDBACK_KEY.test(key);

/** What the readers found about one customer; each part absent when there is none. */
export interface LossEvidence {
  cancellationReason?: string;
  caseReason?: string;
  feedback?: { surveyId: string; surveyName: string; cluster?: { id: string; name: string } };
  /** Negative feedback whose survey and cluster the caller may not see. */
  hiddenFeedback?: boolean;
}

/**
 * The first found of: the reason of the latest finished cancellation, the churn reason of the latest closed case, the
 * last negative feedback (its complaint cluster when clustered, else its survey; generic when hidden), else unknown.
 */
export function lossReason(evidence: LossEvidence): LossReason {
  if (evidence.cancellationReason) return { key: evidence.cancellationReason, kind: 'churn_reason', name: null };
  if (evidence.caseReason) return { key: evidence.caseReason, kind: 'churn_reason', name: null };
  const feedback = evidence.feedback;
  if (feedback?.cluster) return { key: `cluster:${feedback.cluster.id}`, kind: 'cluster', name: feedback.cluster.name };
  if (feedback) return { key: `survey:${feedback.surveyId}`, kind: 'survey', name: feedback.surveyName };
  if (evidence.hiddenFeedback) return NEGATIVE_FEEDBACK_REASON;
  return UNKNOWN_REASON;
}
