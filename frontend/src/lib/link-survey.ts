/**
 * The hosted link survey: asks the public survey API whether this respondent may answer, then loads the widget
 * loader (same origin, so the page's script policy allows it) and shows the survey at once, skipping the
 * survey's page trigger and sampling, which are for surveys embedded on a site.
 */

export type LinkSurveyState = 'loading' | 'open' | 'finished' | 'answered' | 'closed' | 'failed';

interface Options {
  customerId?: string;
  /** The host's hex HMAC-SHA256 of customerId (identity verification), carried by the link. */
  customerHash?: string;
  language?: string;
  onState: (state: LinkSurveyState) => void;
}

type Call = [string, ...unknown[]];
interface OtklikGlobal {
  q?: Call[];
  v?: number;
  show?: (publicKey: string, options?: object) => void;
  onFinish?: (callback: () => void) => void;
}

/** The loader's respondent id (same storage key), so the page and the widget speak of one respondent. */
function respondentId(): string {
  try {
    const stored = localStorage.getItem('otklik.rid');
    if (stored) return stored;
    const id = crypto.randomUUID();
    localStorage.setItem('otklik.rid', id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

export async function openLinkSurvey(publicKey: string, { customerId, customerHash, language, onState }: Options): Promise<void> {
  const query = new URLSearchParams({ respondentId: respondentId() });
  if (customerId) query.set('customerId', customerId);
  if (customerId && customerHash) query.set('customerHash', customerHash);
  if (language) query.set('language', language);
  // A link the customer was sent may be answered even if a survey asked them lately: recorded, not refused.
  query.set('via', 'link');
  let config: { eligible: boolean; ineligibleReason?: string };
  try {
    const res = await fetch(`/api/v1/public/surveys/${encodeURIComponent(publicKey)}?${query}`);
    if (res.status === 404 || res.status === 400) return onState('closed');
    if (!res.ok) return onState('failed');
    config = await res.json();
  } catch {
    return onState('failed');
  }
  // A survey that needs a signed customer id and got none (or a wrong one) is, for this link, a wrong link.
  if (!config.eligible)
    return onState(config.ineligibleReason === 'not_live' || config.ineligibleReason === 'customer_not_verified' ? 'closed' : 'answered');

  // The loader replays calls queued on this stub once it runs (see survey-widgets/src/loader.ts).
  const w = window as unknown as { Otklik?: OtklikGlobal };
  const otklik: OtklikGlobal = w.Otklik ?? { q: [] };
  w.Otklik = otklik;
  const call = (...args: Call) =>
    otklik.v ? (otklik as unknown as Record<string, (...a: unknown[]) => void>)[args[0]](...args.slice(1)) : otklik.q!.push(args);
  call('onFinish', () => onState('finished'));
  call('show', publicKey, { force: true, customerId, customerHash, language, via: 'link' });
  if (!document.querySelector('script[src$="/widget/loader.js"]')) {
    const script = document.createElement('script');
    script.src = '/widget/loader.js';
    script.async = true;
    script.onerror = () => onState('failed');
    document.head.appendChild(script);
  }
  onState('open');
}
