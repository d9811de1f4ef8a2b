import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AddressGuard } from './address-guard';

/**
 * Why a webhook URL cannot be saved, or null when it can: http(s) only, no credentials in it, and
 * its host must resolve to addresses the guard allows (checked again on every delivery).
 */
export async function webhookUrlProblem(raw: string, guard: AddressGuard): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute URL such as https://example.com/hooks/otklik';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url must start with https:// or http://';
  if (url.username || url.password) return 'url must not contain a user name or password; authenticate with the signature instead';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      return `url's host "${host}" could not be resolved`;
    }
  }
  const refused = addresses.map((a) => guard.refusal(a)).find((r) => r !== null);
  return refused ? `url points to a non-public address (${refused}); webhooks only call public addresses` : null;
}
