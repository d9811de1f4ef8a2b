import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressGuard } from './address-guard';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** The start of the receiver's answer, kept for the delivery log. */
  responseExcerpt: string | null;
}

const EXCERPT_BYTES = 1000;

/** A DNS lookup that refuses names resolving to addresses the guard forbids (DNS rebinding included). */
function guardedLookup(guard: AddressGuard): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map((a) => guard.refusal(a.address)).find((r) => r !== null);
      if (refused) return callback(Object.assign(new Error(`refused: ${hostname} resolves to ${refused}`), { code: 'EREFUSEDADDRESS' }), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * POSTs one signed delivery. Never throws: every outcome, including refused addresses, timeouts and
 * non-2xx answers, comes back as a SendResult for the log. Redirects are not followed (a 3xx is a failure),
 * so a receiver cannot bounce the request to an internal address.
 */
export function sendWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { guard: AddressGuard; timeoutMs: number },
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const fail = (message: string) => finish({ ok: false, statusCode: null, error: message.slice(0, 500), responseExcerpt: null });

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
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Otklik-Webhooks/1.0', 'content-length': Buffer.byteLength(body), ...headers },
      lookup: guardedLookup(options.guard),
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      fail(`timed out after ${options.timeoutMs} ms`);
    }, options.timeoutMs);

    req.on('error', (error: NodeJS.ErrnoException) => fail(error.message || error.code || 'connection failed'));
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const statusCode = res.statusCode ?? 0;
        const ok = statusCode >= 200 && statusCode < 300;
        finish({
          ok,
          statusCode,
          error: ok ? null : `receiver answered ${statusCode}`,
          responseExcerpt: Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_BYTES) || null,
        });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        if (size < EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
        if (size >= EXCERPT_BYTES) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(body);
  });
}
