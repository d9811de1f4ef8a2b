/**
 * Tokenising, a rough per-text language guess and stemming with `natural`
 * (Russian, English and German stemmed; Bulgarian and anything else tokenized only).
 */
import PorterStemmerEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import PorterStemmerRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import PorterStemmerDe from 'natural/lib/natural/stemmers/porter_stemmer_de.js';
import { normalize, type NormalizeOptions } from './normalize';
import { isStopWord } from './stopwords';

export type TextLanguage = 'en' | 'ru' | 'de' | 'bg' | 'other';

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

const BG_MARKERS = new Set(['ще', 'съм', 'са', 'сме', 'сте', 'това', 'този', 'тази', 'какво', 'защо', 'къде', 'във', 'със', 'към', 'беше', 'бяха', 'нещо', 'много', 'няма', 'има', 'мога', 'искам', 'че', 'ли', 'но', 'вече']);
const RU_MARKERS = new Set(['что', 'это', 'как', 'меня', 'уже', 'когда', 'нет', 'есть', 'был', 'была', 'было', 'очень', 'только', 'почему', 'где', 'вы', 'мне', 'все', 'так', 'или', 'его', 'ее']);
const DE_MARKERS = new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'mit', 'ein', 'eine', 'mein', 'meine', 'wurde', 'habe', 'keine', 'kein', 'bei', 'auf', 'sie', 'noch', 'seit', 'bitte']);
const EN_MARKERS = new Set(['the', 'and', 'is', 'my', 'i', 'to', 'not', 'with', 'have', 'was', 'it', 'of', 'for', 'you', 'this', 'can', 'why', 'how', 'what', 'me']);

/**
 * A cheap language guess from the tokens: the script decides Cyrillic vs Latin, then a handful of
 * frequent function words and letters tell Russian from Bulgarian and English from German.
 */
export function guessLanguage(tokens: readonly string[]): TextLanguage {
  let cyr = 0;
  let lat = 0;
  let bg = 0;
  let ru = 0;
  let de = 0;
  let en = 0;
  for (const t of tokens) {
    if (CYRILLIC_RE.test(t)) {
      cyr++;
      if (BG_MARKERS.has(t)) bg++;
      if (RU_MARKERS.has(t)) ru++;
      if (/[ыэ]/.test(t)) ru++;
      if (/ъ./.test(t) || /ят$/.test(t)) bg++;
    } else if (LATIN_RE.test(t)) {
      lat++;
      if (DE_MARKERS.has(t)) de++;
      if (EN_MARKERS.has(t)) en++;
      if (/[äöüß]/.test(t)) de++;
    }
  }
  if (cyr === 0 && lat === 0) return 'other';
  if (cyr >= lat) return bg > ru ? 'bg' : 'ru';
  return de > en ? 'de' : 'en';
}

const stemCaches: Record<'en' | 'ru' | 'de', Map<string, string>> = { en: new Map(), ru: new Map(), de: new Map() };
const STEMMERS = { en: PorterStemmerEn, ru: PorterStemmerRu, de: PorterStemmerDe };
const CACHE_LIMIT = 200_000;

/**
 * Stems one lower-case token. The token's own script picks the stemmer (a Latin brand name in a
 * Russian text gets the English one); Bulgarian and other scripts are returned as they are.
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
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, out);
  }
  return out;
}

/** Normalise, tokenise, guess the language, drop stop words and stem: the engine's view of one text. */
export function analyze(text: string, options?: NormalizeOptions): AnalyzedText {
  const words = tokenize(normalize(text, options));
  const language = guessLanguage(words);
  const tokens: AnalyzedToken[] = [];
  words.forEach((w, position) => {
    if (w.length < 2 && !/\d/.test(w)) return;
    if (isStopWord(w, language) || (language !== 'en' && isStopWord(w, 'en'))) return;
    tokens.push({ surface: w, stem: stem(w, language), position });
  });
  return { language, tokens, words };
}
