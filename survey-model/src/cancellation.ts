/**
 * A cancellation flow as cancel.js receives it: GET /api/v1/public/cancellation-flows/{publicKey} (and the
 * dashboard's preview of a flow being edited), reasons and texts already resolved to one language.
 */

export const OFFER_TYPES = ['pause', 'skip', 'discount', 'downgrade', 'talk_to_us'] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

/** The save offer shown for a reason, its text in the flow's chosen language. */
export interface CancellationOffer {
  type: OfferType;
  amount?: number;
  plan?: string;
  text: string;
}

export interface CancellationUiText {
  title: string;
  otherPlaceholder: string;
  /** The follow-up question; empty when the flow has the step switched off. */
  followUp: string;
  next: string;
  accept: string;
  decline: string;
  savedConfirmation: string;
  cancelledConfirmation: string;
  close: string;
}

export interface CancellationConfig {
  publicKey: string;
  language: string;
  direction: 'ltr' | 'rtl';
  reasons: { key: string; label: string; offer: CancellationOffer | null }[];
  ui: CancellationUiText;
}
