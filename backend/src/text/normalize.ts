/**
 * Text normalisation shared by the text engine (clustering) and its neighbours (sentiment, language):
 * one lower-cased, ё-folded string with links, @handles, e-mails, bare numbers and emoji taken out.
 */

export interface NormalizeOptions {
  /** Replace ё with е (Russian texts spell the same word both ways). Default true. */
  foldYo?: boolean;
  /** Remove http(s)/www links and bare domains. Default true. */
  stripUrls?: boolean;
  /** Remove @handles and e-mail addresses. Default true. */
  stripHandles?: boolean;
  /** Remove numbers that stand alone (prices, dates, order numbers); "4g" or "covid19" stay. Default true. */
  stripNumbers?: boolean;
  /** Remove emoji and other pictographs. Default true. */
  stripEmoji?: boolean;
}

// A domain or an e-mail's local part starts only where its run of characters starts (a lookbehind, not
// \b): started anywhere inside a long run that turns out not to be one, each start would rescan the rest.
const URL_RE =
  /(?:https?:\/\/|www\.)\S+|(?<![\p{L}\p{N}_-])[\p{L}\p{N}-]+\.(?:com|ru|org|net|io|me|рф|bg|de|uk|co|app|info|su|by|kz|ua)(?:\/\S*)?/giu;
const EMAIL_RE = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+\b/gu;
const HANDLE_RE = /(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]+/gu;
// A number on its own: digits with optional separators and a currency/percent sign around it.
const NUMBER_RE = /(?<![\p{L}\p{N}])[+\-#№$€£₽]?\d+(?:[.,:/-]\d+)*[%$€£₽]?(?![\p{L}\p{N}])/gu;
// eslint-disable-next-line no-misleading-character-class -- ZWJ, VS16 and skin tones are removed one code point at a time on purpose
const EMOJI_RE = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu;
const APOSTROPHE_RE = /[’`´]/g;
const NEGATION_RE = /n't\b/g;
const IRREGULAR_NEGATIONS: [RegExp, string][] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
];
const SPACE_RE = /\s+/g;

/** Lower-cases and cleans a text for analysis; pure and locale-independent. */
export function normalize(text: string, options: NormalizeOptions = {}): string {
  const { foldYo = true, stripUrls = true, stripHandles = true, stripNumbers = true, stripEmoji = true } = options;
  let s = text.normalize('NFC').toLowerCase().replace(APOSTROPHE_RE, "'");
  if (foldYo) s = s.replace(/ё/g, 'е');
  // E-mails first: their domain part would otherwise be taken for a link.
  if (stripHandles) s = s.replace(EMAIL_RE, ' ');
  if (stripUrls) s = s.replace(URL_RE, ' ');
  if (stripHandles) s = s.replace(HANDLE_RE, ' ');
  if (stripEmoji) s = s.replace(EMOJI_RE, ' ');
  if (stripNumbers) s = s.replace(NUMBER_RE, ' ');
  // "didn't" → "did not": keeps the negation as a word of its own.
  for (const [re, out] of IRREGULAR_NEGATIONS) s = s.replace(re, out);
  s = s.replace(NEGATION_RE, ' not');
  return s.replace(SPACE_RE, ' ').trim();
}
