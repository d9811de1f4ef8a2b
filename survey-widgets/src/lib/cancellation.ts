import type { CancellationOffer } from '@otklik/survey-model';

/**
 * What the cancellation element owns itself: the context handed in by cancel.js's bootstrap or the dashboard's
 * preview, and the result it reports. The config it renders is @otklik/survey-model's CancellationConfig.
 */
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
