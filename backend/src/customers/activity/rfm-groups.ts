/** The usual RFM groups (recency, frequency and monetary scores 1–5, quintiles within the workspace). */
export const RFM_GROUPS = ['champions', 'loyal', 'potential', 'new', 'at_risk', 'cant_lose', 'hibernating', 'lost'] as const;
export type RfmGroup = (typeof RFM_GROUPS)[number];

/** What a customer can report: an order (with its amount), a payment, a login, or any named event. */
export const ACTIVITY_KINDS = ['order', 'payment', 'login', 'event'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
