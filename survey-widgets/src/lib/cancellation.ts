/**
 * What the cancellation element gets: the public GET /api/v1/public/cancellation-flows/{publicKey} answer
 * (backend/src/churn/cancellation-flows.service.ts, PublicFlowConfig; kept here so the widget does not import
 * the backend service) and the context handed in by cancel.js's bootstrap or the dashboard's preview.
 */
export interface CancellationOffer {
  type: 'pause' | 'skip' | 'discount' | 'downgrade' | 'talk_to_us';
  amount?: number;
  plan?: string;
  text: string;
}

export interface CancellationConfig {
  publicKey: string;
  language: string;
  direction: 'ltr' | 'rtl';
  reasons: { key: string; label: string; offer: CancellationOffer | null }[];
  ui: {
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
  };
}

export interface CancellationContext {
  /** Origin of the Otklik server (no trailing slash). */
  apiBase: string;
  customerId?: string;
  /** hex HMAC-SHA256(identity secret, customerId) from the host's server. */
  customerHash?: string;
  /** Render only: never call the network, never take focus. */
  preview?: boolean;
}

/** detail of the otklik:cancellation event (and of Otklik cancel callbacks). */
export interface CancellationResult {
  outcome: 'saved' | 'cancelled';
  reasonKey: string;
  offer: CancellationOffer | null;
}
