/**
 * Outbox for the public ingest calls, kept in localStorage['otklik.queue'] so nothing is lost offline or when
 * the page closes. Items go out strictly in order (a display before the responses that refer to it); network
 * errors, 5xx, 408 and 429 are retried with exponential backoff (and at once on the `online` event and on the
 * next page load, when the loader starts), other statuses are final. Safe to repeat: every body carries an
 * idempotencyKey. Later bodies of the same response (same URL and idempotencyKey) replace a queued earlier one,
 * since each carries all answers so far.
 *
 * The loader and the widget bundles each contain this code; the first one to run puts its instance on `window`
 * and the others use it, so a page has one outbox, one flush at a time and one `online` listener.
 */

interface Item {
  /** Item id (in-memory callbacks are keyed by it). */
  i: string;
  /** Absolute URL to POST to. */
  u: string;
  b: { idempotencyKey: string; displayId?: string; [k: string]: unknown };
  /** For responses: idempotencyKey of their display, so the displayId can be filled in once it is known. */
  d?: string;
  /** Failed attempts so far. */
  a: number;
  /** Not before (epoch ms). */
  t: number;
  /** Created (epoch ms); items older than MAX_AGE are dropped. */
  c: number;
}

/** Called once the item is settled: HTTP status (never a retryable one) and the parsed JSON body, if any. */
export type Settled = (status: number, body: SettledBody | null) => void;

/** What the widgets read from an answer: a display's id, or the error code that says why not to show. */
export interface SettledBody {
  displayId?: string;
  error?: { code?: string };
}

export interface Outbox {
  send(url: string, body: Item['b'], displayKey?: string, settled?: Settled): void;
  flush(): void;
}

const KEY = 'otklik.queue';
const MAX_ITEMS = 50;
const MAX_AGE = 7 * 864e5;
const MAX_DELAY = 3e5;

function create(): Outbox {
  let memory: Item[] = [];
  let busy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  const callbacks: Record<string, Settled> = {};

  const load = (): Item[] => {
    try {
      const raw = localStorage.getItem(KEY);
      memory = raw ? JSON.parse(raw) : [];
    } catch {
      // Storage blocked or corrupt: keep going in memory.
    }
    return memory.filter((x) => x && x.u && Date.now() - x.c < MAX_AGE);
  };
  const save = (q: Item[]) => {
    memory = q = q.slice(-MAX_ITEMS);
    try {
      if (q.length) localStorage.setItem(KEY, JSON.stringify(q));
      else localStorage.removeItem(KEY);
    } catch {
      // Memory only.
    }
  };

  async function flush(): Promise<void> {
    if (busy) return;
    busy = true;
    clearTimeout(timer);
    try {
      for (let q = load(); q.length; q = load()) {
        const item = q[0];
        const wait = item.t - Date.now();
        if (wait > 0) {
          timer = setTimeout(flush, wait);
          break;
        }
        let res: Response | undefined;
        try {
          res = await fetch(item.u, {
            method: 'POST',
            // JSON sent as text/plain: a CORS "simple" request, so no preflight (the public edge parses both).
            headers: { 'content-type': 'text/plain;charset=UTF-8' },
            body: JSON.stringify(item.b),
            credentials: 'omit',
            // Lets the last call finish when the page is being left.
            keepalive: true,
            signal: AbortSignal.timeout?.(2e4),
          });
        } catch {
          // Offline, DNS, CORS or timeout: retry.
        }
        const status = res ? res.status : 0;
        const body = res && (await res.json().catch(() => null));
        q = load();
        // A newer body of the same response may have replaced the item meanwhile: it then stays to be sent.
        const at = q.findIndex((x) => x.i === item.i);
        if (!status || status >= 500 || status === 408 || status === 429) {
          if (at >= 0) {
            const a = ++q[at].a;
            q[at].t = Date.now() + Math.min(MAX_DELAY, 1e3 * 2 ** a) * (0.5 + Math.random() / 2);
            save(q);
          }
          continue;
        }
        if (at >= 0) q.splice(at, 1);
        if (body?.displayId) for (const x of q) if (x.d === item.b.idempotencyKey) x.b.displayId = body.displayId;
        save(q);
        callbacks[item.i]?.(status, body);
        delete callbacks[item.i];
      }
    } finally {
      busy = false;
    }
  }

  addEventListener('online', () => {
    // Back online: retry now rather than when the backoff says.
    save(load().map((x) => ({ ...x, t: 0 })));
    void flush();
  });

  return {
    send(u, b, d, settled) {
      const q = load();
      const i = `${Date.now()}.${++seq}.${Math.random()}`;
      const at = q.findIndex((x) => x.u === u && x.b.idempotencyKey === b.idempotencyKey);
      const item: Item = { i, u, b, d, a: 0, t: 0, c: at >= 0 ? q[at].c : Date.now() };
      if (at >= 0) q[at] = item;
      else q.push(item);
      if (settled) callbacks[i] = settled;
      save(q);
      void flush();
    },
    flush: () => void flush(),
  };
}

/** The page's one outbox (created on first use, so merely loading a bundle never touches the network). */
export function outbox(): Outbox {
  const w = window as unknown as { __otklikOutbox?: Outbox };
  return (w.__otklikOutbox ||= create());
}
