// The seam between the public survey config and customer moments (customers/moments): a survey waiting for an
// event shows at once when a server reported that event for the customer. The moments module provides
// SURVEY_MOMENT_TRIGGERS; without it, event surveys wait for Otklik.track as before.

export interface SurveyMomentTriggers {
  /** Whether `eventName` is a pending (unexpired, unanswered) moment of this customer. Scoped to the workspace. */
  isPending(workspaceId: string, customerExternalId: string, eventName: string): Promise<boolean>;
}

/** Injection token: `{ provide: SURVEY_MOMENT_TRIGGERS, useExisting: … }` in the moments module. */
export const SURVEY_MOMENT_TRIGGERS = 'SURVEY_MOMENT_TRIGGERS';
