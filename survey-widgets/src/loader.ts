/**
 * dist/loader.js (≤ 2 KB gzipped), embedded as
 *   <script async src="https://otklik.example.com/widget/loader.js" data-survey="KEY" data-customer-id="c-42" data-customer-hash="HMAC" data-language="ru"></script>
 * data-customer-hash (and show()'s customerHash) is the host server's hex HMAC-SHA256 of the customer id with the
 * workspace's identity secret; it goes with that customer id wherever the id goes.
 * The survey's language is the first of data-language (or show()'s language), <html lang> and navigator.languages
 * that it has; the server picks it. The API origin is the script's own origin. Defines window.Otklik = { show, track, onFinish }; calls made
 * earlier through the stub below are replayed:
 *   window.Otklik = window.Otklik || { q: [] };
 *   ['show', 'track', 'onFinish'].forEach(function (m) { Otklik[m] = Otklik[m] || function () { Otklik.q.push([m].concat([].slice.call(arguments))); }; });
 * Fetches the survey config and, when it is eligible, sampled in and its trigger fires, loads /widget/<kind>.js
 * once and appends <otklik-survey-<kind>> with `config` and `context`. Also retries the queued ingest calls
 * a previous page left in localStorage.
 */
import type { PublicSurveyConfig } from '@otklik/survey-model';
import type { WidgetContext } from './lib/context';
import { outbox } from './lib/queue';
import { uuid } from './lib/uuid';

interface ShowOptions {
  customerId?: string;
  customerHash?: string;
  hiddenFields?: Record<string, string>;
  language?: string;
  force?: boolean;
  /** The link page continuing an invitation's response: answer as its respondent, in its response. */
  respondentId?: string;
  resume?: WidgetContext['resume'];
  /** The hosted link page: the contact policy records the ask but does not refuse it (docs/messaging.md). */
  via?: 'link';
}
type FinishCallback = (detail: { publicKey: string; answers: Record<string, unknown> }) => void;
interface Api {
  show(publicKey: string, options?: ShowOptions): void;
  track(eventName: string): void;
  onFinish(callback: FinishCallback): void;
  /** Marks the real API (a stub has no `v`). */
  v: 1;
}

const w = window as unknown as { Otklik?: Partial<Api> & { q?: unknown[][] } };

if (!w.Otklik?.v) start();

function start() {
  const script = (document.currentScript ?? document.querySelector('script[src*="/widget/loader.js"]')) as HTMLScriptElement | null;
  if (!script) return;
  const data = script.dataset;
  const apiBase = new URL(script.src).origin;

  let respondentId = '';
  try {
    respondentId = localStorage.getItem('otklik.rid') || '';
    if (!respondentId) localStorage.setItem('otklik.rid', (respondentId = uuid()));
  } catch {
    // Storage blocked: a per-page id.
  }
  respondentId ||= uuid();

  const fetching: Record<string, 1> = {};
  const loading: Record<string, 1> = {};
  const shown: Record<string, 1> = {};
  const tracked: Record<string, 1> = {};
  const waiting: [string, () => void][] = [];
  const finished: FinishCallback[] = [];

  /** Deterministic 0..99 per respondent and survey (FNV-1a), so a reload does not re-roll the sample. */
  function bucket(s: string) {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return (h >>> 0) % 100;
  }

  function mount(config: PublicSurveyConfig, o: ShowOptions, customerId?: string, customerHash?: string) {
    const kind = config.kind;
    if (shown[config.publicKey] || !/^(nps|csat|ces|custom)$/.test(kind)) return;
    shown[config.publicKey] = 1;
    const tag = `otklik-survey-${kind}`;
    if (!loading[kind] && !customElements.get(tag)) {
      const s = document.createElement('script');
      s.src = `${apiBase}/widget/${kind}.js`;
      s.async = true;
      document.head.appendChild(s);
    }
    loading[kind] = 1;
    customElements.whenDefined(tag).then(() => {
      const el = document.createElement(tag) as HTMLElement & { config?: PublicSurveyConfig; context?: WidgetContext };
      el.config = config;
      el.context = {
        apiBase,
        respondentId: o.respondentId || respondentId,
        resume: o.resume,
        customerId,
        customerHash,
        hiddenFields: o.hiddenFields,
        via: o.via,
      };
      el.addEventListener('otklik:finish', (e) => finished.forEach((f) => f((e as CustomEvent).detail)));
      el.addEventListener('otklik:close', () => el.remove());
      document.body.appendChild(el);
    });
  }

  function when(rules: PublicSurveyConfig['displayRules'], go: () => void) {
    const t = rules.trigger;
    if (t === 'delay') setTimeout(go, Math.max(0, (rules.delaySeconds ?? 0) * 1e3 - performance.now()));
    else if (t === 'event') {
      if (tracked[rules.eventName!]) go();
      else waiting.push([rules.eventName!, go]);
    } else if (t === 'exit_intent') {
      // Desktop only: the pointer leaving through the top of the window. Touch screens have no such signal.
      if (matchMedia('(pointer: fine)').matches)
        document.addEventListener('mouseout', function leave(e) {
          if (!e.relatedTarget && e.clientY <= 0) {
            document.removeEventListener('mouseout', leave);
            go();
          }
        });
    } else go();
  }

  const api: Api = {
    v: 1,
    show(publicKey, o = {}) {
      if (!publicKey || shown[publicKey] || fetching[publicKey]) return;
      fetching[publicKey] = 1;
      // The hash belongs to the id it was given with.
      const { customerId, customerHash } = o.customerId ? o : data;
      // JSON drops the parameters that are not given. The language candidates go as one comma list in order of
      // preference (an array joins with commas; the server skips the empty ones and picks).
      const language = [o.language ?? data.language, document.documentElement.lang, ...navigator.languages] + '';
      const query = new URLSearchParams(
        JSON.parse(JSON.stringify({ respondentId: o.respondentId || respondentId, language, customerId, customerHash, via: o.via })),
      );
      // Cross-origin, so no cookies go along.
      fetch(`${apiBase}/api/v1/public/surveys/${encodeURIComponent(publicKey)}?${query}`)
        .then((r) => (r.ok ? r.json() : null))
        .then((config: PublicSurveyConfig | null) => {
          if (!config?.eligible) return;
          const go = () => mount(config, o, customerId, customerHash);
          if (o.force) go();
          else if (bucket(`${respondentId}:${publicKey}`) < config.displayRules.samplePercent) when(config.displayRules, go);
        })
        .catch(() => {})
        .finally(() => delete fetching[publicKey]);
    },
    track(eventName) {
      tracked[eventName] = 1;
      for (let i = waiting.length; i--;) if (waiting[i][0] === eventName) waiting.splice(i, 1)[0][1]();
    },
    onFinish(callback) {
      if (typeof callback === 'function') finished.push(callback);
    },
  };

  const queued = w.Otklik?.q ?? [];
  w.Otklik = api;
  outbox().flush();
  for (const [method, ...args] of queued) (api as unknown as Record<string, (...a: unknown[]) => void>)[method as string]?.(...args);
  if (data.survey) api.show(data.survey);
}
