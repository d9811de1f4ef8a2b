import { randomSecret, sha256Hex } from '../common/crypto/secrets';

/** A link's token: 32 random bytes, base64url (43 characters). Anything else is refused before the database. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh unsubscribe token for one notice, and the hash the database keeps (the token is only in the email). */
export function newUnsubscribeToken(): { token: string; hash: string } {
  const token = randomSecret(32);
  return { token, hash: sha256Hex(token) };
}

/** The hash to look a link's token up by, or null when it cannot be one of ours. */
export const unsubscribeTokenHash = (token: string): string | null => (TOKEN.test(token) ? sha256Hex(token) : null);

export const marketingUnsubscribeUrl = (publicUrl: string, token: string): string =>
  `${publicUrl}/api/v1/public/marketing/unsubscribe/${token}`;
