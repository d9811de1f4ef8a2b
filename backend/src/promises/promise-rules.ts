/** The promise register's vocabulary, shared by the entity, the DTOs and the service. */
export const PROMISE_STATUSES = ['open', 'kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export const PROMISE_SOURCES = ['case_reply', 'manual', 'audit', 'api'] as const;
export type PromiseSource = (typeof PROMISE_SOURCES)[number];

/** Where a promise came from: the case reply's event, or the traffic-light audit cell it improves. */
export interface PromiseSourceRef {
  caseEventId?: string;
  auditCriterionId?: string;
  month?: string;
}

/** Default lead time of the reminder before the due time, in business minutes. */
export const DEFAULT_REMIND_BEFORE_MINUTES = 120;
