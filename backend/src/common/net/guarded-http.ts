import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressGuard } from '../../webhooks/address-guard';

/**
 * Outbound HTTP to addresses users typed in (webhook receivers, RSS feeds), with the SSRF guard
 * applied to every connection: literal IPs are checked before connecting, host names through a DNS
 * lookup that refuses forbidden addresses (so DNS rebinding cannot slip a private address in), and
 * each redirect hop goes through the same checks. Never throws: failures come back as `error`.
 */
export interface GuardedRequestOptions {
  guard: AddressGuard;
  method?: 'GET' | 'POST';
  headers?: Record<string, string | number>;
  body?: string;
  /** For the whole exchange, redirects included. */
  timeoutMs: number;
  /** Largest body kept. */
  maxBytes: number;
  /** 'truncate': stop reading at maxBytes and answer with what arrived; 'fail': an error instead. */
  overflow: 'truncate' | 'fail';
  /** 0 (the default) hands a 3xx back as the answer; GET only. */
  maxRedirects?: number;
}

export type GuardedResponse =
  | { ok: true; statusCode: number; headers: IncomingHttpHeaders; body: Buffer; truncated: boolean; finalUrl: string; durationMs: number }
  | { ok: false; error: string; durationMs: number };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A DNS lookup that refuses names resolving to addresses the guard forbids (DNS rebinding included). */
export function guardedLookup(guard: AddressGuard): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map((a) => guard.refusal(a.address)).find((r) => r !== null);
      if (refused)
        return callback(Object.assign(new Error(`refused: ${hostname} resolves to ${refused}`), { code: 'EREFUSEDADDRESS' }), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export function guardedRequest(url: string, options: GuardedRequestOptions): Promise<GuardedResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const deadline = Date.now() + options.timeoutMs;
  const hop = async (current: string, redirectsLeft: number): Promise<GuardedResponse> => {
    const answer = await oneRequest(current, options, Math.max(1, deadline - Date.now()));
    if ('error' in answer) return { ok: false, error: answer.error.slice(0, 500), durationMs: elapsed() };
    const location = answer.headers.location;
    if ((options.maxRedirects ?? 0) > 0 && REDIRECTS.has(answer.statusCode) && location) {
      if (redirectsLeft === 0) return { ok: false, error: `too many redirects (more than ${options.maxRedirects})`, durationMs: elapsed() };
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { ok: false, error: `redirected to an invalid URL "${location.slice(0, 200)}"`, durationMs: elapsed() };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        return { ok: false, error: `redirected to a non-http(s) URL`, durationMs: elapsed() };
      return hop(next.href, redirectsLeft - 1);
    }
    return { ok: true, ...answer, finalUrl: current, durationMs: elapsed() };
  };
  return hop(url, options.maxRedirects ?? 0);
}

type HopAnswer = { statusCode: number; headers: IncomingHttpHeaders; body: Buffer; truncated: boolean } | { error: string };

function oneRequest(url: string, options: GuardedRequestOptions, timeoutMs: number): Promise<HopAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    // Declared first: a refusal before connecting settles the promise before any timer exists.
    // eslint-disable-next-line prefer-const -- assigned once below, after `finish` (which clears it) exists
    let timer: NodeJS.Timeout | undefined;
    const finish = (answer: HopAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const fail = (error: string) => finish({ error });

    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return fail('invalid URL');
    }
    const literal = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal)) {
      const refused = options.guard.refusal(literal);
      if (refused) return fail(`refused: ${refused}`);
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, {
      method: options.method ?? 'GET',
      headers: options.headers,
      lookup: guardedLookup(options.guard),
      agent: false,
    });
    timer = setTimeout(() => {
      req.destroy();
      fail(`timed out after ${options.timeoutMs} ms`);
    }, timeoutMs);

    req.on('error', (error: NodeJS.ErrnoException) => fail(error.message || error.code || 'connection failed'));
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (truncated: boolean) => {
        // When truncated, the body may run past maxBytes by the rest of the last chunk; callers cut it to taste.
        finish({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        if (size < options.maxBytes) chunks.push(chunk);
        size += chunk.length;
        if (size >= options.maxBytes && size > 0) {
          if (options.overflow === 'truncate') done(true);
          else if (size > options.maxBytes) {
            fail(`response is larger than ${formatBytes(options.maxBytes)}`);
            res.destroy();
          }
        }
      });
      res.on('end', () => done(false));
      res.on('error', () => done(false));
    });
    req.end(options.body);
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
