import { dedupKeys } from './dedup/dedup-text';
import { FeedParseError, type FeedMention, feedItemsToMentions, parseFeed } from './feeds/feed-parser';
import { analyseText, type TextAnalysis } from './mention-analysis';

/** CPU-heavy text work on mentions, run the same way inline or in a worker thread (see runTextWork). */
export type TextJob =
  | { kind: 'analyse'; items: { text: string; language?: string }[] }
  | { kind: 'words'; texts: string[] }
  | { kind: 'feed'; xml: string; source: string; feedUrl: string; now: string };

export type TextJobResult =
  | { kind: 'analyse'; analyses: TextAnalysis[] }
  | { kind: 'words'; words: string[][] }
  | { kind: 'feed'; mentions: FeedMention[] }
  | { kind: 'feed-error'; error: string };

export async function doTextJob(job: TextJob): Promise<TextJobResult> {
  switch (job.kind) {
    case 'analyse':
      return { kind: 'analyse', analyses: job.items.map((i) => analyseText(i.text, i.language)) };
    case 'words':
      return { kind: 'words', words: job.texts.map((t) => dedupKeys(t).words) };
    case 'feed':
      try {
        return { kind: 'feed', mentions: feedItemsToMentions(await parseFeed(job.xml), job.source, job.feedUrl, new Date(job.now)) };
      } catch (error) {
        if (error instanceof FeedParseError) return { kind: 'feed-error', error: error.message };
        throw error;
      }
  }
}
