import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AddressGuard } from '../../webhooks/address-guard';

export interface UrlProblemWording {
  /** An example of a good URL, for the "not a URL" message. */
  example: string;
  /** Why credentials must not be in the URL, e.g. "authenticate with the signature instead". */
  credentialsHint: string;
  /** Who calls it, for the refusal message, e.g. "webhooks". */
  caller: string;
}

/**
 * Why a URL the server is to call cannot be saved, or null when it can: http(s) only, no credentials
 * in it, and its host must resolve to addresses the guard allows (checked again on every request).
 */
export async function publicUrlProblem(raw: string, guard: AddressGuard, wording: UrlProblemWording): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `url must be an absolute URL such as ${wording.example}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url must start with https:// or http://';
  if (url.username || url.password) return `url must not contain a user name or password; ${wording.credentialsHint}`;
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
  return refused ? `url points to a non-public address (${refused}); ${wording.caller} only call public addresses` : null;
}
