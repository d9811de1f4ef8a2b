import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Identity verification as Intercom and Formbricks do it: the host's server computes
 * `HMAC-SHA256(secret, customerId)` as lower-case hex with the workspace's identity secret (the whole string,
 * UTF-8, is the key) and hands it to the widget next to the customer id. Only someone holding the secret can
 * produce it, so a customer id with a matching hash was vouched for by the host.
 */
export const IDENTITY_SECRET_PREFIX = 'idsec_';

export const newIdentitySecret = (): string => IDENTITY_SECRET_PREFIX + randomBytes(32).toString('base64url');

export const customerHash = (secret: string, customerId: string): Buffer =>
  createHmac('sha256', secret).update(customerId, 'utf8').digest();

/** Whether `hash` (hex, any case) is the customer id's HMAC under one of `secrets`. Constant time per secret. */
export function customerHashMatches(secrets: readonly string[], customerId: string, hash: string): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(hash)) return false;
  const given = Buffer.from(hash, 'hex');
  let ok = false;
  // Every secret is checked, so timing does not tell which one matched.
  for (const secret of secrets) ok = timingSafeEqual(customerHash(secret, customerId), given) || ok;
  return ok;
}
