import type { Answers } from '@otklik/survey-model';

/** What the loader (or the dashboard's live preview) hands a widget element besides its config. */
export interface WidgetContext {
  /** Origin of the Otklik server, e.g. https://otklik.example.com (no trailing slash). */
  apiBase: string;
  respondentId: string;
  customerId?: string;
  /** hex HMAC-SHA256(identity secret, customerId) from the host's server: proves customerId. */
  customerHash?: string;
  hiddenFields?: Record<string, string>;
  /** Shown by the hosted link page (the contact policy records the ask without refusing it). */
  via?: 'link';
  /**
   * Continue a response started elsewhere (a score clicked in an email invitation): its idempotency key and the
   * answers so far; the card opens at the first question after them.
   */
  resume?: { key: string; answers: Answers };
  /** Render only: never call the network (the dashboard's survey builder). */
  preview?: boolean;
}
