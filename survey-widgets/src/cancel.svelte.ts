/**
 * dist/cancel.js (≤ 12 KB gzipped): defines <otklik-cancellation> (the cancellation-flow dialog, Cancellation.svelte
 * mounted into a shadow root) and bootstraps itself from its own script tag:
 *   <script async src="https://otklik.example.com/widget/cancel.js" data-flow="cxl_…" data-customer-id="c-42" data-customer-hash="HMAC"></script>
 * data-customer-hash / open({ customerHash }): the host server's hex HMAC-SHA256 of the customer id with the workspace's
 * identity secret; flows refuse a customer id without it unless their requireVerifiedCustomer is off.
 * window.OtklikCancel = { open(options?), onCancellation(callback) }; calls queued earlier through a stub
 * (`window.OtklikCancel = { q: [] }`, see README) are replayed. The loader has no room left in its 2 KB budget,
 * so the flow is its own entry point.
 */
import Cancellation from './Cancellation.svelte';
import type { CancellationConfig } from '@otklik/survey-model';
import type { CancellationContext, CancellationResult } from './lib/cancellation';
import { mountedElement, type MountedElement } from './lib/mounted-element.svelte';
import { outbox } from './lib/queue';

export type CancellationElement = MountedElement<CancellationConfig, CancellationContext>;
export const CancellationElement = mountedElement<CancellationConfig, CancellationContext>(Cancellation);

const TAG = 'otklik-cancellation';
if (!customElements.get(TAG)) customElements.define(TAG, CancellationElement);

interface OpenOptions {
  flow?: string;
  customerId?: string;
  customerHash?: string;
  language?: string;
}
type Callback = (detail: CancellationResult) => void;
interface Api {
  open(options?: OpenOptions): void;
  onCancellation(callback: Callback): void;
  v: 1;
}

const w = window as unknown as { OtklikCancel?: Partial<Api> & { q?: unknown[][] } };
const script = (document.currentScript ?? document.querySelector('script[src*="/widget/cancel.js"]')) as HTMLScriptElement | null;

if (script && !w.OtklikCancel?.v) {
  const data = script.dataset;
  const apiBase = new URL(script.src).origin;
  const callbacks: Callback[] = [];
  let busy = false;

  const api: Api = {
    v: 1,
    open(o = {}) {
      const key = o.flow ?? data.flow;
      // One flow at a time.
      if (!key || busy || document.querySelector(TAG)) return;
      busy = true;
      // The hash belongs to the id it was given with.
      const { customerId, customerHash } = o.customerId ? o : data;
      const language = o.language ?? data.language ?? document.documentElement.lang;
      const query = language ? `?language=${encodeURIComponent(language)}` : '';
      fetch(`${apiBase}/api/v1/public/cancellation-flows/${encodeURIComponent(key)}${query}`, { credentials: 'omit' })
        .then((r) => (r.ok ? r.json() : null))
        .then((config: CancellationConfig | null) => {
          if (!config?.reasons?.length) return;
          const el = document.createElement(TAG) as CancellationElement;
          el.config = config;
          el.context = { apiBase, customerId, customerHash };
          el.addEventListener('otklik:cancellation', (e) => callbacks.forEach((f) => f((e as CustomEvent).detail)));
          el.addEventListener('otklik:close', () => el.remove());
          document.body.appendChild(el);
        })
        .catch(() => {})
        .finally(() => (busy = false));
    },
    onCancellation(callback) {
      if (typeof callback === 'function') callbacks.push(callback);
    },
  };

  const queued = w.OtklikCancel?.q ?? [];
  w.OtklikCancel = api;
  // Submissions a previous page could not deliver.
  outbox().flush();
  for (const [method, ...args] of queued) (api as unknown as Record<string, (...a: unknown[]) => void>)[method as string]?.(...args);
}
