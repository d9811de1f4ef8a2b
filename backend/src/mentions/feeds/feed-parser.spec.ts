import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedParseError, feedItemsToMentions, parseFeed } from './feed-parser';
import { nextPollMinutes } from './feed-schedule';
import { htmlToText } from './html-text';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../../tests/fixtures/feeds', name), 'utf8');
const NOW = new Date('2026-12-02T00:00:00Z');

describe('feed parser', () => {
  it('maps RSS 2.0 items: guid, link or a hash as id; title — plain description; creator; pubDate', async () => {
    const mentions = feedItemsToMentions(await parseFeed(fixture('reviews.rss.xml')), 'otzovik', 'https://reviews.example/feed', NOW);
    expect(mentions).toEqual([
      {
        source: 'otzovik',
        externalId: 'otz-1001',
        url: 'https://reviews.example/otz/1001',
        author: 'Ольга',
        text: 'Ужасная доставка — Курьер опоздал на три часа и нагрубил. Ужасный сервис, больше «никогда» не закажу!',
        postedAt: '2026-11-30T06:15:00.000Z',
      },
      {
        source: 'otzovik',
        externalId: 'https://reviews.example/otz/1002',
        url: 'https://reviews.example/otz/1002',
        author: 'john@example.com (John Smith)',
        text: 'Great support team — Absolutely love the new app, support was quick & friendly! Five stars.',
        postedAt: '2026-12-01T12:00:00.000Z',
      },
      {
        source: 'otzovik',
        externalId: createHash('sha1').update('Спасибо за быстрый ответ\n').digest('hex'),
        text: 'Спасибо за быстрый ответ — Спасибо огромное, всё пришло быстро, очень довольна',
        postedAt: NOW.toISOString(),
      },
    ]);
  });

  it('maps Atom 1.0 entries, resolving relative links against the feed URL', async () => {
    const mentions = feedItemsToMentions(await parseFeed(fixture('app-reviews.atom.xml')), 'rss', 'http://feeds.example/app.atom', NOW);
    expect(mentions).toEqual([
      {
        source: 'rss',
        externalId: 'tag:reviews.example,2026:atom-1',
        url: 'https://reviews.example/app/1',
        author: 'Иван Петров',
        text: 'Приложение постоянно падает — После обновления приложение вылетает при оплате, деньги списались дважды',
        postedAt: '2026-11-29T04:30:00.000Z',
      },
      {
        source: 'rss',
        externalId: 'tag:reviews.example,2026:atom-2',
        url: 'http://feeds.example/atom/2',
        author: 'Jane Doe',
        text: 'Fast delivery — Delivery was fast and the courier was very polite — thank you!',
        postedAt: '2026-11-28T10:00:00.000Z',
      },
    ]);
  });

  it('refuses broken XML, non-XML and XML that is not a feed with a readable reason', async () => {
    await expect(parseFeed(fixture('broken.xml'))).rejects.toThrow(/^invalid feed XML: /);
    await expect(parseFeed('{"items": []}')).rejects.toThrow('the answer is not XML (expected an RSS or Atom feed)');
    await expect(parseFeed('<?xml version="1.0"?><note><to>Tove</to></note>')).rejects.toThrow('the XML is not an RSS or Atom feed');
    await expect(parseFeed('')).rejects.toBeInstanceOf(FeedParseError);
  });

  it('strips HTML and decodes entities', () => {
    expect(htmlToText('<p>a&nbsp;&amp;&#x41;&#1082;<br>b</p><!-- x --><style>p{}</style>&unknown;')).toBe('a &Aк b &unknown;');
  });
});

describe('feed backoff', () => {
  it('doubles the interval per failure in a row, capped at a day', () => {
    expect([0, 1, 2, 3, 6, 7, 50].map((f) => nextPollMinutes(15, f))).toEqual([15, 30, 60, 120, 960, 1440, 1440]);
    expect(nextPollMinutes(1440, 1)).toBe(1440);
  });
});
