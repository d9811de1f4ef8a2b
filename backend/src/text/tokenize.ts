/**
 * Tokenising, the text's language (from the one detector, `language/detect-language`, that tags mentions and
 * texts too) and stemming with `natural` (Russian, English and German stemmed; Bulgarian and anything else
 * tokenized only).
 */
import PorterStemmerEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import PorterStemmerRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import PorterStemmerDe from 'natural/lib/natural/stemmers/porter_stemmer_de.js';
import { detectLanguageWithConfidence, type DetectedLanguage, type LanguageGuess } from './language/detect-language';
import { normalize, type NormalizeOptions } from './normalize';
import { isStopWord, type StopWordLanguage } from './stopwords';
import { BoundedCache } from './bounded-cache';

/** A text's language as the one detector says: ru, bg, uk, en, de or 'und'. */
export type TextLanguage = DetectedLanguage;

/** One content word of a text: as written (normalised) and its stem. */
export interface AnalyzedToken {
  surface: string;
  stem: string;
  /** Index of the token in `words`. */
  position: number;
}

export interface AnalyzedText {
  language: TextLanguage;
  /** Content words in order, stop words and one-letter tokens removed. */
  tokens: AnalyzedToken[];
  /** Every word of the normalised text, stop words included (labels read phrases back from it). */
  words: string[];
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
const LATIN_RE = /\p{Script=Latin}/u;

/** Splits a (normalised) text into word tokens: runs of letters and digits, apostrophes split them. */
export function tokenize(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** Below this confidence a Bulgarian guess is a coin toss with Russian (the two share most words). */
const UNSURE_BULGARIAN = 0.1;

/**
 * The language whose stop words and stemmer process a text: the detected one, except that a text only barely more
 * Bulgarian than Russian is processed as Russian. Bulgarian words are left unstemmed, so a Russian text taken for
 * Bulgarian would lose its stems and split its topic; a Russian stem on a Bulgarian word costs little.
 */
export function processingLanguage(guess: LanguageGuess): TextLanguage {
  return guess.language === 'bg' && guess.confidence < UNSURE_BULGARIAN ? 'ru' : guess.language;
}

/**
 * Whose stop words a text of this language drops: Ukrainian takes the Russian list (the closest we keep), and a text
 * the detector leaves undecided takes its script's usual one, as the stemmer does per token.
 */
export function stopWordLanguage(language: TextLanguage, words: readonly string[]): StopWordLanguage {
  if (language === 'uk') return 'ru';
  if (language !== 'und') return language;
  let cyrillic = 0;
  let latin = 0;
  for (const w of words) {
    if (CYRILLIC_RE.test(w)) cyrillic++;
    else if (LATIN_RE.test(w)) latin++;
  }
  if (cyrillic === 0 && latin === 0) return 'none';
  return cyrillic >= latin ? 'ru' : 'en';
}

/** Characters of tokens and stems remembered per stemmer; a token longer than STEM_CACHE_MAX_TOKEN is stemmed each time. */
const STEM_CACHE_CHARS = 4_000_000;
const STEM_CACHE_MAX_TOKEN = 100;
const stemCache = () => new BoundedCache<string>(STEM_CACHE_CHARS, 2 * STEM_CACHE_MAX_TOKEN, (stem) => stem.length);
const stemCaches = { en: stemCache(), ru: stemCache(), de: stemCache() };
const STEMMERS = { en: PorterStemmerEn, ru: PorterStemmerRu, de: PorterStemmerDe };

/**
 * Stems one lower-case token. The token's own script picks the stemmer (a Latin brand name in a
 * Russian text gets the English one, a Cyrillic word the Russian one unless the text is Bulgarian);
 * Bulgarian and other scripts are returned as they are.
 */
export function stem(token: string, language: TextLanguage): string {
  let kind: 'en' | 'ru' | 'de';
  if (CYRILLIC_RE.test(token)) {
    if (language === 'bg') return token;
    kind = 'ru';
  } else if (LATIN_RE.test(token)) {
    kind = language === 'de' ? 'de' : 'en';
  } else {
    return token;
  }
  const cache = stemCaches[kind];
  let out = cache.get(token);
  if (out === undefined) {
    out = STEMMERS[kind].stem(token) || token;
    cache.set(token, out);
  }
  return out;
}

/** Normalise, tokenise, detect the language, drop stop words and stem: the engine's view of one text. */
export function analyze(text: string, options?: NormalizeOptions): AnalyzedText {
  const words = tokenize(normalize(text, options));
  // The raw text, as tagging sees it: the same text gets the same language in clusters and in mentions.
  const guess = detectLanguageWithConfidence(text);
  const processing = processingLanguage(guess);
  const stopWords = stopWordLanguage(processing, words);
  const tokens: AnalyzedToken[] = [];
  words.forEach((w, position) => {
    if (w.length < 2 && !/\d/.test(w)) return;
    if (isStopWord(w, stopWords) || (stopWords !== 'en' && isStopWord(w, 'en'))) return;
    tokens.push({ surface: w, stem: stem(w, processing), position });
  });
  return { language: guess.language, tokens, words };
}
