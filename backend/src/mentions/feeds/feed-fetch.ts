import { guardedRequest } from '../../common/net/guarded-http';
import type { AddressGuard } from '../../webhooks/address-guard';

/** Feeds larger than this are refused rather than parsed. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';

export type FetchOutcome =
  | { kind: 'fresh'; xml: string; etag: string | null; lastModified: string | null; finalUrl: string }
  | { kind: 'not_modified' }
  | { kind: 'failed'; error: string };

/**
 * A conditional GET of a feed through the SSRF guard (each of up to 3 redirects checked too),
 * size-capped, decoded by the charset its server or XML declaration names (windows-1251 is common).
 */
export async function fetchFeed(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  options: { guard: AddressGuard; timeoutMs: number },
): Promise<FetchOutcome> {
  const headers: Record<string, string> = {
    'user-agent': 'Otklik-Feeds/1.0 (+https://github.com/otklik)',
    accept: ACCEPT,
    'accept-encoding': 'identity',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const answer = await guardedRequest(url, {
    guard: options.guard,
    method: 'GET',
    headers,
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_FEED_BYTES,
    overflow: 'fail',
    maxRedirects: MAX_REDIRECTS,
  });
  if (!answer.ok) return { kind: 'failed', error: answer.error.replace(/^response is larger/, 'the feed is larger') };
  if (answer.statusCode === 304) return { kind: 'not_modified' };
  if (answer.statusCode < 200 || answer.statusCode >= 300) return { kind: 'failed', error: `the feed answered HTTP ${answer.statusCode}` };
  const header = (name: string) => {
    const value = answer.headers[name];
    return (Array.isArray(value) ? value[0] : value)?.slice(0, name === 'etag' ? 500 : 100) ?? null;
  };
  return {
    kind: 'fresh',
    xml: decode(answer.body, header('content-type')),
    etag: header('etag'),
    lastModified: header('last-modified'),
    finalUrl: answer.finalUrl,
  };
}

function decode(body: Buffer, contentType: string | null): string {
  const declared =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(body.subarray(0, 200).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    // An unknown charset name: UTF-8 is what almost every feed is.
    return new TextDecoder('utf-8').decode(body);
  }
}
