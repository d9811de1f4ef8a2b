import { guardedRequest } from '../common/net/guarded-http';
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

/**
 * POSTs one signed delivery. Never throws: every outcome, including refused addresses, timeouts and
 * non-2xx answers, comes back as a SendResult for the log. Redirects are not followed (a 3xx is a failure),
 * so a receiver cannot bounce the request to an internal address.
 */
export async function sendWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { guard: AddressGuard; timeoutMs: number },
): Promise<SendResult> {
  const answer = await guardedRequest(url, {
    guard: options.guard,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Otklik-Webhooks/1.0',
      'content-length': Buffer.byteLength(body),
      ...headers,
    },
    body,
    timeoutMs: options.timeoutMs,
    maxBytes: EXCERPT_BYTES,
    overflow: 'truncate',
  });
  if (!answer.ok) return { ok: false, statusCode: null, durationMs: answer.durationMs, error: answer.error, responseExcerpt: null };
  const ok = answer.statusCode >= 200 && answer.statusCode < 300;
  return {
    ok,
    statusCode: answer.statusCode,
    durationMs: answer.durationMs,
    error: ok ? null : `receiver answered ${answer.statusCode}`,
    responseExcerpt: answer.body.toString('utf8').slice(0, EXCERPT_BYTES) || null,
  };
}
