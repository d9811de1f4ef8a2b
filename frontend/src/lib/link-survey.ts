/**
 * The hosted link survey: asks the public survey API whether this respondent may answer, then loads the widget
 * loader (same origin, so the page's script policy allows it) and shows the survey at once, skipping the
 * survey's page trigger and sampling, which are for surveys embedded on a site.
 */

/** unsent: the score clicked in the email is not recorded yet (its POST failed): the page offers "Send my score". */
export type LinkSurveyState = 'loading' | 'open' | 'finished' | 'answered' | 'closed' | 'expired' | 'failed' | 'unsent';

interface Options {
  customerId?: string;
  /** The host's hex HMAC-SHA256 of customerId (identity verification), carried by the link. */
  customerHash?: string;
  language?: string;
  /** An email invitation's token (`?invitation=`): the page continues the response its score link started. */
  invitation?: string;
  /** The score clicked in the invitation email (`&score=`): recorded by a POST before the survey opens. */
  score?: string;
  /** The clicked score is recorded (the page drops `&score=` from its address). */
  onScoreRecorded?: () => void;
  onState: (state: LinkSurveyState) => void;
}

/** The response an email invitation started, as GET /api/v1/public/invitations/{token} answers it. */
interface InvitationState {
  publicKey: string;
  language: string;
  respondentId: string;
  responseKey: string;
  answers: Record<string, unknown>;
  finished: boolean;
}

/** The invitation's response so far, or the state to show instead (unknown or expired token, closed survey). */
async function invitationState(token: string): Promise<InvitationState | LinkSurveyState> {
  try {
    const res = await fetch(`/api/v1/public/invitations/${encodeURIComponent(token)}`);
    if (res.status === 404 || res.status === 400) return 'expired';
    if (res.status === 409) return 'closed';
    if (!res.ok) return 'failed';
    return (await res.json()) as InvitationState;
  } catch {
    return 'failed';
  }
}

/**
 * Records the score clicked in the email (the score link itself records nothing: mail scanners fetch every link) and
 * answers the invitation's state; 'unsent' when the POST did not get through.
 */
async function postScore(token: string, score: string): Promise<InvitationState | LinkSurveyState> {
  try {
    const res = await fetch(`/api/v1/public/invitations/${encodeURIComponent(token)}/score/${encodeURIComponent(score)}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    if (res.status === 404) return 'expired';
    if (res.status === 409) return 'closed';
    // A score off the survey's scale (changed since the email): the survey asks it again.
    if (res.status === 400) return invitationState(token);
    if (!res.ok) return 'unsent';
    return (await res.json()) as InvitationState;
  } catch {
    return 'unsent';
  }
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

export async function openLinkSurvey(publicKey: string, options: Options): Promise<void> {
  const { customerId, customerHash, invitation, score, onState } = options;
  let { language } = options;
  let rid = respondentId();
  let resume: { key: string; answers: Record<string, unknown> } | undefined;
  if (invitation) {
    // The invitation says who answers (its own respondent, no customer id in the page) and in which language.
    const state = score ? await postScore(invitation, score) : await invitationState(invitation);
    if (typeof state === 'string') return onState(state);
    if (score) options.onScoreRecorded?.();
    if (state.publicKey !== publicKey) return onState('expired');
    if (state.finished) return onState('finished');
    ({ language } = state);
    rid = state.respondentId;
    resume = { key: state.responseKey, answers: state.answers };
  }
  const query = new URLSearchParams({ respondentId: rid });
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
  call('show', publicKey, {
    force: true,
    customerId,
    customerHash,
    language,
    via: 'link',
    ...(resume ? { respondentId: rid, resume } : {}),
  });
  if (!document.querySelector('script[src$="/widget/loader.js"]')) {
    const script = document.createElement('script');
    script.src = '/widget/loader.js';
    script.async = true;
    script.onerror = () => onState('failed');
    document.head.appendChild(script);
  }
  onState('open');
}
