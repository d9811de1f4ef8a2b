// The vocabulary of survey invitations and the limits the API enforces.

export const SEND_AUDIENCES = ['segment', 'list', 'event'] as const;
export type SendAudience = (typeof SEND_AUDIENCES)[number];

/** activity: a customer activity or moment with this name; signup: N days after first seen; case_closed: a case closed. */
export const SEND_EVENT_KINDS = ['activity', 'signup', 'case_closed'] as const;
export type SendEventKind = (typeof SEND_EVENT_KINDS)[number];

/** scheduled → sending → sent (segment, list); event sends stay `active` until stopped. */
export const SEND_STATUSES = ['scheduled', 'sending', 'sent', 'active', 'stopped'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

export const RECIPIENT_STATUSES = ['pending', 'invited', 'skipped'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/**
 * Why a recipient was not invited: no email; `suppressed`/`address_bounced` (messaging refuses the address);
 * `consent_withdrawn` (consents.survey granted false); the contact policy's own codes (frequency, the guard).
 * `invalid` is only reported for pasted rows, never stored.
 */
export const SKIP_REASONS = [
  'no_email',
  'invalid',
  'suppressed',
  'address_bounced',
  'consent_withdrawn',
  'contacted_recently',
  'open_complaint',
  'recent_cancellation',
  'recent_sla_breach',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
export const SKIP_REASON_SQL_LIST = `(${SKIP_REASONS.map((r) => `'${r}'`).join(', ')})`;

/** Most rows a pasted list may hold. */
export const MAX_LIST_ROWS = 10_000;

/** Recipients invited per batch of the fan-out job (one transaction each). */
export const FAN_OUT_BATCH = 200;
