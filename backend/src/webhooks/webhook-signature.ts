import { createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from '../common/crypto/secrets';

/**
 * Signing follows the Standard Webhooks specification (standardwebhooks.com), so receivers can
 * verify with an off-the-shelf library: HMAC-SHA256 over `${id}.${timestamp}.${body}` with the
 * base64-decoded secret, sent as `webhook-signature: v1,<base64>` next to `webhook-id` and
 * `webhook-timestamp` (Unix seconds).
 */
const SECRET_PREFIX = 'whsec_';

export const newWebhookSecret = (): string => SECRET_PREFIX + randomBytes(24).toString('base64');

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/** `body` as received bytes or as text (UTF-8): the same signature for the same bytes. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string | Buffer): string {
  const digest = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestampSeconds}.`, 'utf8')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('base64');
  return `v1,${digest}`;
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function webhookHeaders(secret: string, id: string, body: string, now = new Date()): WebhookHeaders {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(secret, id, timestamp, body) };
}

/**
 * Receiver-side check (used by tests and documented for integrators): one of the space-separated
 * signatures matches and the timestamp is within `toleranceSeconds` of now, which stops replays.
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string | Buffer,
  now = new Date(),
  toleranceSeconds = 300,
): boolean {
  const id = headers['webhook-id'];
  const timestamp = Number(headers['webhook-timestamp']);
  const signatures = headers['webhook-signature'];
  if (!id || !Number.isInteger(timestamp) || !signatures) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = signWebhook(secret, id, timestamp, body);
  return signatures.split(' ').some((candidate) => safeEqual(candidate, expected));
}
