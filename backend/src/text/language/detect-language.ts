/**
 * Language of a short social post: ru, bg, uk, en, de, or 'und' when the text has too little to go on.
 *
 * Why not a general n-gram detector: on tweet-length Cyrillic text they confuse Russian and Bulgarian,
 * the pair that matters here. Both languages share most words, but each has letters and letter pairs the
 * other never writes: Russian ы, э, ё, ь before anything but "о", ъ only before е/ё/ю/я; Bulgarian ъ
 * inside words ("съм", "път"), "ьо"; Ukrainian і, ї, є, ґ. Those, plus function words and a few word
 * endings, decide; the alphabet decides between the Cyrillic and the Latin group.
 */
import { CYRILLIC_WORDS, CyrillicLanguage, LATIN_WORDS, LatinLanguage } from './language-evidence';

export type DetectedLanguage = CyrillicLanguage | LatinLanguage | 'und';

export interface LanguageGuess {
  language: DetectedLanguage;
  /** 0..1: how clearly the winner beat the runner-up, scaled down when there was little evidence. */
  confidence: number;
}

export const SUPPORTED_LANGUAGES: readonly DetectedLanguage[] = ['ru', 'bg', 'uk', 'en', 'de'];

// URLs, e-mail addresses and @mentions carry no language; hashtags keep their word.
const NOISE = /(?:https?:\/\/|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|@[\w.]+/giu;
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

const UND: LanguageGuess = { language: 'und', confidence: 0 };

export function detectLanguage(text: string): DetectedLanguage {
  return detectLanguageWithConfidence(text).language;
}

export function detectLanguageWithConfidence(text: string): LanguageGuess {
  if (!text) return UND;
  // The first few thousand characters settle the language; the cap bounds the cost of huge inputs.
  const clean = (text.length > 10_000 ? text.slice(0, 10_000) : text).toLowerCase().replace(NOISE, ' ');
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    if (code >= 0x0400 && code <= 0x04ff) cyrillic++;
    else if ((code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0x24f && code !== 0xf7)) latin++;
  }
  // Latin brand names are common inside Cyrillic posts, the reverse is rare: a quarter of Cyrillic letters wins.
  if (cyrillic >= 2 && cyrillic * 4 >= cyrillic + latin) return detectCyrillic(clean);
  if (latin >= 2) return detectLatin(clean);
  return UND;
}

function detectCyrillic(clean: string): LanguageGuess {
  const score: Record<CyrillicLanguage, number> = { ru: 0, bg: 0, uk: 0 };
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    const next = clean[i + 1] ?? '';
    switch (c) {
      case 'ы':
      case 'э':
        score.ru += 1.5;
        break;
      case 'ё':
        score.ru += 2;
        break;
      case 'і':
      case 'ї':
      case 'є':
      case 'ґ':
        score.uk += 2.5;
        break;
      case 'ъ':
        if ('еёюя'.includes(next) && next !== '') score.ru += 1.5;
        else score.bg += 2.5;
        break;
      case 'ь':
        if (next === 'о') {
          score.bg += 1.5;
          score.uk += 0.5;
        } else {
          score.ru += 0.6;
          score.uk += 0.6;
        }
        break;
      case 'щ':
        score.bg += 0.3;
        score.uk += 0.2;
        break;
      case 'й':
        if (next === 'о') score.uk += 0.6; // його, йому
        break;
      case "'":
      case '’':
        // Ukrainian writes an apostrophe where Russian writes ъ: п'ять, зв'язок, кур'єр.
        if (i > 0 && isCyrillic(clean.charCodeAt(i - 1)) && isCyrillic(clean.charCodeAt(i + 1))) score.uk += 2;
        break;
    }
  }
  for (const word of clean.match(WORD) ?? []) {
    const entry = CYRILLIC_WORDS.get(word);
    if (entry) {
      score.ru += entry.ru ?? 0;
      score.bg += entry.bg ?? 0;
      score.uk += entry.uk ?? 0;
    }
    if (word.length < 4) continue;
    const end2 = word.slice(-2);
    const end3 = word.slice(-3);
    // Bulgarian postfixed articles: поръчката, хората, нещата, парите.
    if (word.length >= 5 && (end3 === 'ата' || end3 === 'ята' || end3 === 'ите' || end3 === 'ото' || end3 === 'ето')) score.bg += 0.4;
    // Bulgarian verbal nouns: обслужване, плащане, чакане.
    if (word.length >= 6 && (word.endsWith('ване') || word.endsWith('щане') || word.endsWith('кане'))) score.bg += 0.6;
    if (end3 === 'ого' || end3 === 'его') {
      score.ru += 0.4;
      score.uk += 0.3;
    }
    if (end2 === 'ая' || end2 === 'ое' || end2 === 'ий') score.ru += 0.3;
    if (end3 === 'ння' || end3 === 'ися') score.uk += 0.8;
    // Ukrainian masculine past tense: замовив, купив (Russian: заказал, купил).
    if (end2 === 'ив' && word.length >= 5) score.uk += 0.6;
  }
  // A Cyrillic post with no distinguishing mark is most likely Russian here.
  score.ru += 0.3;
  return pick(score);
}

function detectLatin(clean: string): LanguageGuess {
  const score: Record<LatinLanguage, number> = { en: 0, de: 0 };
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === 'ä' || c === 'ö' || c === 'ü' || c === 'ß') score.de += 1.5;
  }
  for (const raw of clean.match(WORD) ?? []) {
    const word = raw.replace('’', "'");
    const entry = LATIN_WORDS.get(word);
    if (entry) {
      score.en += entry.en ?? 0;
      score.de += entry.de ?? 0;
    }
    if (word.length < 4) continue;
    if (word.endsWith('ing') || word.endsWith('tion') || word.endsWith('ly')) score.en += 0.5;
    if (word.includes('sch') || word.includes('cht') || word.endsWith('ung') || word.endsWith('keit') || word.endsWith('lich'))
      score.de += 0.6;
    if (word.includes('th') || word.includes('wh') || word.endsWith("'s") || word.endsWith('ed')) score.en += 0.4;
    // German participles (gekauft, geliefert), infinitives and plurals in -en, and z, rare in English.
    if (word.length >= 6 && word.startsWith('ge') && word.endsWith('t')) score.de += 0.6;
    if (word.endsWith('en') && word.length >= 5) score.de += 0.3;
    if ((word.includes('z') && !word.includes('zz')) || word.includes('ei')) score.de += 0.3;
  }
  // Latin text with no English or German marks (a brand name, French, Spanish) is not guessed.
  if (Math.max(score.en, score.de) < 0.6) return UND;
  return pick(score);
}

function isCyrillic(code: number): boolean {
  return code >= 0x0400 && code <= 0x04ff;
}

function pick<L extends string>(score: Record<L, number>): LanguageGuess {
  let best = '' as L;
  let runnerUp = 0;
  let top = -Infinity;
  for (const language of Object.keys(score) as L[]) {
    const value = score[language];
    if (value > top) {
      runnerUp = Math.max(runnerUp, top);
      top = value;
      best = language;
    } else if (value > runnerUp) runnerUp = value;
  }
  const margin = (top - runnerUp) / (top + 0.5);
  const amount = Math.min(1, top / 3);
  return { language: best as unknown as DetectedLanguage, confidence: Math.round(margin * amount * 100) / 100 };
}
