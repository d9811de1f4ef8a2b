import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { MAX_MENTION_TEXT } from '../mention-limits';
import { htmlToText } from './html-text';

/** The most items taken from one fetch (the ingest path's batch limit). */
export const MAX_FEED_ITEMS = 1000;
const MAX_EXTERNAL_ID = 300;
const MAX_AUTHOR = 300;

/** A raw mention for MentionIngestService.ingest, which validates it like any other channel's. */
export interface FeedMention {
  source: string;
  externalId: string;
  url?: string;
  author?: string;
  text: string;
  postedAt: string;
}

export class FeedParseError extends Error {}

// rss-parser 3.13 (its last release) fills every item's `contentSnippet`, which we never read, with
// /<(?:.|\n)*?>/gm: quadratic on a description of many "<" (150,000 of them took minutes). The snippet
// is switched off; the text we keep comes from htmlToText, which is linear.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- patches the very module object rss-parser itself requires
(require('rss-parser/lib/utils') as { getSnippet: (html: string) => string }).getSnippet = () => '';

type FeedItem = Parser.Item & { id?: unknown; author?: unknown; 'content:encoded'?: unknown };

/** Parses an RSS (0.9x/1.0/2.0) or Atom 1.0 document; anything else is a FeedParseError with a readable reason. */
export async function parseFeed(xml: string): Promise<FeedItem[]> {
  const head = xml.replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<')) throw new FeedParseError('the answer is not XML (expected an RSS or Atom feed)');
  // A new parser per document: xml2js parsers keep state between calls.
  const parser = new Parser({ xml2js: { strict: true } });
  try {
    const feed = await parser.parseString(head);
    return feed.items as FeedItem[];
  } catch (error) {
    const message = ((error as Error).message ?? String(error)).split('\n').slice(0, 2).join(' ').trim();
    if (/not recognized as RSS/i.test(message)) throw new FeedParseError('the XML is not an RSS or Atom feed');
    throw new FeedParseError(`invalid feed XML: ${message}`.slice(0, 300));
  }
}

/** Maps feed items to mentions of `source`; relative links are resolved against the feed's URL. */
export function feedItemsToMentions(items: FeedItem[], source: string, feedUrl: string, now = new Date()): FeedMention[] {
  return items
    .slice(0, MAX_FEED_ITEMS)
    .map((item) => toMention(item, source, feedUrl, now))
    .filter((m): m is FeedMention => m !== null);
}

function toMention(item: FeedItem, source: string, feedUrl: string, now: Date): FeedMention | null {
  const title = htmlToText(str(item.title));
  const body = htmlToText(str(item['content:encoded']) || str(item.content) || str(item.summary));
  // Feeds often repeat the title as the start of the description; say it once.
  const text = !title ? body : !body || body.startsWith(title) ? body || title : `${title} — ${body}`;
  if (!text) return null;
  const url = absoluteHttpUrl(str(item.link), feedUrl);
  const date = [item.isoDate, item.pubDate, str((item as { updated?: unknown }).updated)].map(isoOrNull).find((d) => d !== null);
  const author = htmlToText(str(item.creator) || str(item.author));
  return {
    source,
    externalId: externalIdOf(str(item.guid) || str(item.id) || url || '', title, str(item.pubDate) || str(item.isoDate)),
    ...(url ? { url } : {}),
    ...(author ? { author: author.slice(0, MAX_AUTHOR) } : {}),
    text: text.slice(0, MAX_MENTION_TEXT),
    postedAt: date ?? now.toISOString(),
  };
}

/** guid/id, else the link; too long or missing: a stable hash, so re-polling finds the same id. */
function externalIdOf(id: string, title: string, date: string): string {
  const trimmed = id.trim();
  if (trimmed && trimmed.length <= MAX_EXTERNAL_ID) return trimmed;
  return createHash('sha1')
    .update(trimmed || `${title}\n${date}`)
    .digest('hex');
}

/** xml2js gives strings, or { _: text, $: attributes } when an element has attributes. */
function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') {
    const v = value as { _?: unknown; name?: unknown };
    if (typeof v._ === 'string') return v._;
    if (v.name !== undefined) return str(v.name);
  }
  return '';
}

function isoOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function absoluteHttpUrl(link: string, base: string): string | undefined {
  if (!link.trim()) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 2000 ? url.href : undefined;
  } catch {
    return undefined;
  }
}
