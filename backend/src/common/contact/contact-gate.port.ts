// The seam between the contact policy (backend/src/contact-policy) and the modules that contact customers: the
// survey widget and link, survey invitations and the messaging dispatch. The contact-policy module provides
// CONTACT_GATE; a caller looks it up with ModuleRef (strict: false), as surveys do with SURVEY_MOMENT_TRIGGERS, so
// no module has to import contact-policy (which reads cases and cancellations) and no import cycle appears.
import type { EntityManager } from 'typeorm';

/** service: a case reply, a receipt (always allowed); survey: any survey ask; marketing: offers and greetings. */
export type ContactPurpose = 'service' | 'survey' | 'marketing';

/** Why a contact is refused. Stable codes: CRMs switch on them, the dashboard words them. */
export type ContactRefusalCode =
  'open_complaint' | 'recent_cancellation' | 'recent_sla_breach' | 'contacted_recently' | 'consent_withdrawn' | 'address_bounced';

export interface ContactRefusal {
  code: ContactRefusalCode;
  /** When the refusal ends, if known (e.g. the end of the frequency window); null while a case is open. */
  until: string | null;
  /** The case that causes it (open complaint, breached SLA). */
  caseId?: string | null;
}

export interface ContactDecision {
  allowed: boolean;
  reasons: ContactRefusal[];
}

/** Where a survey asked the customer: counted by the contact frequency across all surveys and channels. */
export type SurveyContactChannel = 'widget' | 'link' | 'email' | 'sms' | 'telegram' | 'whatsapp';

export interface ContactGate {
  /** Whether the customer may be contacted for this purpose now. `surveyId`: a survey that opted out of the frequency cap skips it. */
  check(
    workspaceId: string,
    customerExternalId: string,
    purpose: ContactPurpose,
    options?: { surveyId?: string; now?: Date },
  ): Promise<ContactDecision>;
  /** Records that a survey asked the customer (a widget display, a link opened, an invitation sent). */
  recordSurveyContact(
    workspaceId: string,
    customerExternalId: string,
    contact: { surveyId: string; channel: SurveyContactChannel; at?: Date },
    manager?: EntityManager,
  ): Promise<void>;
  /**
   * check('survey') and, when allowed, recordSurveyContact, atomically per customer: two surveys shown at once ask once.
   * With `manager`, in the caller's transaction (the customer's lock is held until it ends).
   */
  claimSurveyContact(
    workspaceId: string,
    customerExternalId: string,
    contact: { surveyId: string; channel: SurveyContactChannel },
    manager?: EntityManager,
  ): Promise<ContactDecision>;
}

/** Injection token: `{ provide: CONTACT_GATE, useExisting: ContactPolicyService }` in the contact-policy module. */
export const CONTACT_GATE = 'CONTACT_GATE';
