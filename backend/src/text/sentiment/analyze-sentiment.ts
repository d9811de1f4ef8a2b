/**
 * Sentiment of a short post: -1 negative, 0 neutral, 1 positive, with a score in -1..1.
 * Russian: our lexicon (russian-lexicon.ts); English: AFINN via natural plus our corrections
 * (english-lexicon.ts); both scored by lexicon-scorer.ts, plus emoji and emoticons (emoticons.ts).
 * Other languages get the emoji/emoticon polarity only. The method and its measured accuracy are in
 * docs/ARCHITECTURE.md ("Language and sentiment").
 */
import { detectLanguage } from '../language/detect-language';
import { emoticonScore } from './emoticons';
import { ENGLISH_LEXICON } from './english-lexicon';
import { SentimentLexicon, scoreTokens, tokenize } from './lexicon-scorer';
import { RUSSIAN_LEXICON } from './russian-lexicon';

export type SentimentLabel = -1 | 0 | 1;

export interface SentimentResult {
  label: SentimentLabel;
  /** tanh of the raw polarity sum: the sign is the direction, the size how strongly it was said. */
  score: number;
  /** ISO 639-1 code used for scoring, 'und' when unknown. */
  language: string;
}

const LEXICONS: Record<string, SentimentLexicon> = { ru: RUSSIAN_LEXICON, en: ENGLISH_LEXICON };

/**
 * Raw sums with a magnitude below these are neutral: one mild word ("норм", "ok", "быстро") is not an opinion;
 * one clear word ("хорошо", "ужас") or a smile is. Chosen on the development set only.
 */
const POSITIVE_FROM = 1;
const NEGATIVE_FROM = 1;

/** Longer texts are judged by their beginning: keeps the cost per post bounded whatever arrives. */
export const MAX_ANALYZED_CHARS = 10_000;

export function analyzeSentiment(input: string, language?: string): SentimentResult {
  const text = input && input.length > MAX_ANALYZED_CHARS ? input.slice(0, MAX_ANALYZED_CHARS) : input;
  const lang = language ? normalizeLanguageCode(language) : detectLanguage(text ?? '');
  if (!text || !text.trim()) return { label: 0, score: 0, language: lang };
  const lexicon = LEXICONS[lang];
  const raw = emoticonScore(text) + (lexicon ? scoreTokens(tokenize(text), lexicon) : 0);
  const label: SentimentLabel = raw >= POSITIVE_FROM ? 1 : raw <= -NEGATIVE_FROM ? -1 : 0;
  return { label, score: Math.round(Math.tanh(raw / 2) * 1000) / 1000, language: lang };
}

/** "ru-RU", "RU", "ru_RU" → "ru"; anything without a 2-3 letter code → "und". */
export function normalizeLanguageCode(language: string): string {
  const match = /^([a-z]{2,3})(?:[-_].*)?$/i.exec(language.trim());
  return match ? match[1].toLowerCase() : 'und';
}
