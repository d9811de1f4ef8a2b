import { detectLanguage } from '../text/language/detect-language';
import { analyzeSentiment } from '../text/sentiment/analyze-sentiment';
import { dedupKeys, type DedupKeys } from './dedup/dedup-text';
import type { MentionInputDto } from './mention-input.dto';

/** Everything computed from a mention's text: language, sentiment, copy-detection keys. */
export interface TextAnalysis {
  language: string;
  sentiment: -1 | 0 | 1;
  sentimentScore: number;
  dedup: DedupKeys;
}

/** A valid mention with its text analysed. */
export interface AnalysedMention extends TextAnalysis {
  index: number;
  input: MentionInputDto;
}

/** Pure and synchronous: the same code path for webhooks, bulk API, CSV, feeds and the CLI (inline or in a worker). */
export function analyseText(text: string, language?: string): TextAnalysis {
  const lang = language ?? detectLanguage(text);
  const sentiment = analyzeSentiment(text, lang);
  return { language: lang, sentiment: sentiment.label, sentimentScore: sentiment.score, dedup: dedupKeys(text) };
}
