/** What a recovery problem points at. */
export const PROBLEM_KINDS = ['cluster', 'churn_reason', 'known_issue'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const PROBLEM_STATUSES = ['open', 'fixed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** Why a customer counts as affected: a text in the cluster, a cancellation with the reason, a case naming it. */
export const AFFECTED_WHY = ['text', 'cancellation', 'case'] as const;
export type AffectedWhy = (typeof AFFECTED_WHY)[number];

/** How a customer came back after the notice. */
export const RETURN_KINDS = ['order', 'payment', 'activity', 'resumed', 'manual'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

/** Revenue recovered counts orders and payments this many days after the return. */
export const REVENUE_WINDOW_DAYS = 90;

/** Before/after compares this many weeks on each side of the fix. */
export const COMPARE_WEEKS = 8;

/** Answers and returns are looked for this many days after the notice; later, the customer is no longer watched. */
export const TRACKING_WINDOW_DAYS = 180;

/** A customer told about one problem is not told about another for this many days (unless asked explicitly). */
export const RECENT_NOTICE_DAYS = 7;
