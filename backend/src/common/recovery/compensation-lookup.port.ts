// The seam between compensation (backend/src/compensation: budgets, grants, approvals) and the modules that show a
// case's compensation without owning it: the public-answer workflow of a mention ("compensate" step) and the win-back
// report. The compensation module provides COMPENSATION_LOOKUP; callers find it with ModuleRef (strict: false), as
// surveys do with SURVEY_MOMENT_TRIGGERS, so they need not import compensation (which imports cases) and no cycle appears.

/** What a grant gives the customer. */
export const COMPENSATION_KINDS = ['refund', 'discount', 'bonus', 'gift', 'free_service'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

/** approved: within budget or approved by an admin (billing may apply it); pending: waits for an admin; rejected. */
export const GRANT_STATUSES = ['approved', 'pending', 'rejected'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** One case's compensation as others see it: the sum of its approved grants and the first one's time. */
export interface CaseCompensation {
  caseId: string;
  /** When the first grant on the case was approved; null while every grant waits or was rejected. */
  firstApprovedAt: Date | null;
  /** Approved amounts per currency (ISO 4217), as decimal strings ("150.00"). */
  approvedTotals: { currency: string; amount: string }[];
  pendingCount: number;
}

export interface CompensationLookup {
  /** Compensation of these cases (at most 1,000 ids); cases without grants are absent from the map. */
  forCases(workspaceId: string, caseIds: readonly string[]): Promise<Map<string, CaseCompensation>>;
  /**
   * Optional (additive, issue 19 public answers): an SQL condition that is true when the case `caseIdSql` of the
   * workspace `workspaceIdSql` (column references of the caller's statement, no parameters) has an approved grant, so
   * a set-based filter (the Mentions page's stage) can say "compensated" inside its own statement, as segments hand
   * out their rule SQL. Without it the caller counts through forCases.
   */
  approvedGrantSql?(workspaceIdSql: string, caseIdSql: string): string;
}

/** Injection token: the compensation module provides it with useExisting. */
export const COMPENSATION_LOOKUP = Symbol('COMPENSATION_LOOKUP');
