import { detectLanguage } from '../text/language/detect-language';
import { analyzeSentiment } from '../text/sentiment/analyze-sentiment';
import { dedupKeys, type DedupKeys } from './dedup/dedup-text';
import type { MentionInputDto } from './mention-input.dto';

/** A valid mention with everything computed from its text: language, sentiment, copy-detection keys. */
export interface AnalysedMention {
  index: number;
  input: MentionInputDto;
  language: string;
  sentiment: -1 | 0 | 1;
  sentimentScore: number;
  dedup: DedupKeys;
}

/** Pure and synchronous: the same code path for webhooks, bulk API, CSV, feeds and the CLI. */
export function analyseMention(index: number, input: MentionInputDto): AnalysedMention {
  const language = input.language ?? detectLanguage(input.text);
  const sentiment = analyzeSentiment(input.text, language);
  return { index, input, language, sentiment: sentiment.label, sentimentScore: sentiment.score, dedup: dedupKeys(input.text) };
}
