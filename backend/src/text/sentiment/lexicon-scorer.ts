/**
 * Lexicon scoring shared by every language: sum word polarities with
 * - negation: a negator flips the next polar word within 3 words of its clause; a negative word flipped
 *   becomes only mildly positive ("не плохо", "not bad"); words neutral on their own that describe a failure
 *   when negated ("не работает", "didn't arrive", "нет связи") score through `negatedOnly`;
 * - intensifiers multiply the next polar word ("очень", "very"); under negation they soften ("не очень");
 * - contrast ("но", "but"): what came before counts half, what follows a little more;
 * - questions and requests ("?", "подскажите", "anyone") keep little of their praise and most of their complaint;
 * - a positive word opening a post whose rest complains is read as irony ("Спасибо, Билайн, за …");
 * - whole-word capitals and "!" amplify.
 */

export interface SentimentLexicon {
  /** Polarity of a normalized word, or undefined when it carries none. */
  word(token: string): number | undefined;
  /** Polarity of a word neutral alone but polar when negated (already the negated value). */
  negatedOnly(token: string): number | undefined;
  /** Multi-word expressions, keyed "w1 w2" or "w1 w2 w3". */
  phrases: ReadonlyMap<string, number>;
  negators: ReadonlySet<string>;
  /** Words that make a sentence a request or question without "?" ("подскажите", "anyone"). */
  asking: ReadonlySet<string>;
  intensifiers: ReadonlyMap<string, number>;
  contrast: ReadonlySet<string>;
}

export interface ScoredTokens {
  words: string[];
  /** Whole-word capitals in the original ("УЖАС"), parallel to words. */
  shouted: boolean[];
  exclamations: number;
}

const NOISE = /(?:https?:\/\/|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|@[\w.]+/giu;
const TOKEN = /\p{L}+(?:['’]\p{L}+)*|[.!?;,…:—–]/gu;
const ELONGATED = /(\p{L})\1{2,}/gu;
const CLAUSE_END = new Set(['.', '!', '?', ';', ',', '…', ':', '—', '–']);

/** Lower-cased words (ё → е, "оооочень" → "очень") and clause punctuation, URLs and mentions removed. */
export function tokenize(text: string): ScoredTokens {
  const words: string[] = [];
  const shouted: boolean[] = [];
  let exclamations = 0;
  for (const raw of text.replace(NOISE, ' ').match(TOKEN) ?? []) {
    if (raw === '!') exclamations++;
    let word = raw.toLowerCase();
    shouted.push(raw.length >= 3 && word !== raw && raw.toUpperCase() === raw);
    if (word.length > 2) word = word.replace(ELONGATED, '$1');
    words.push(word.replace(/ё/g, 'е').replace('’', "'"));
  }
  return { words, shouted, exclamations };
}

/** Raw polarity sum (unbounded; about ±1 to ±3 per polar word). */
export function scoreTokens(tokens: ScoredTokens, lexicon: SentimentLexicon): number {
  const { words, shouted } = tokens;
  const n = words.length;
  let total = 0;
  let sentence = 0;
  let clause = 0;
  let asking = false; // the sentence asks for something ("подскажите", "anyone"): praise in it is no opinion
  let negation = 0; // words left in the current negation's scope
  let boost = 1;
  let boostLife = 0;
  let afterContrast = false;
  let opening = 0; // a positive word opening the post ("Спасибо, …", "Great, …"): ironic if the rest complains
  let polarSeen = false;
  let complaintsAfterOpening = 0;
  const flushSentence = (question: boolean) => {
    let factor = 1;
    if (question) factor *= sentence > 0 ? 0.3 : 0.6;
    if (asking) factor *= sentence > 0 ? 0.4 : 0.6;
    total += sentence * factor;
    sentence = 0;
    asking = false;
  };
  for (let i = 0; i < n; i++) {
    const token = words[i];
    if (CLAUSE_END.has(token)) {
      sentence += clause;
      clause = 0;
      negation = 0;
      boost = 1;
      if (token !== ',') flushSentence(token === '?');
      continue;
    }
    let span = 1;
    let value: number | undefined;
    if (lexicon.phrases.size > 0 && i + 1 < n) {
      if (i + 2 < n) value = lexicon.phrases.get(`${token} ${words[i + 1]} ${words[i + 2]}`);
      if (value !== undefined) span = 3;
      else {
        value = lexicon.phrases.get(`${token} ${words[i + 1]}`);
        if (value !== undefined) span = 2;
      }
      // A phrase that carries its own negation ("не подвели") is not negated again by an earlier "ни".
      if (value !== undefined && lexicon.negators.has(token)) negation = 0;
    }
    if (value === undefined) {
      if (lexicon.negators.has(token)) {
        negation = 3;
        continue;
      }
      if (lexicon.asking.has(token)) asking = true;
      const factor = lexicon.intensifiers.get(token);
      if (factor !== undefined) {
        boost *= negation > 0 ? 0.6 : factor;
        boostLife = 2;
        continue;
      }
      if (lexicon.contrast.has(token)) {
        total = (total + sentence + clause) * 0.5;
        opening = 0; // "хорошо, но дорого" is a mixed opinion, not irony
        sentence = 0;
        clause = 0;
        negation = 0;
        afterContrast = true;
        continue;
      }
      value = lexicon.word(token);
      if (!value && negation > 0) {
        const negated = lexicon.negatedOnly(token);
        if (negated !== undefined) {
          clause += negated * boost * (afterContrast ? 1.3 : 1);
          if (opening > 0) complaintsAfterOpening += negated;
          negation = 0;
          boost = 1;
          boostLife = 0;
          polarSeen = true;
          continue;
        }
      }
    }
    if (!value) {
      if (negation > 0) negation--;
      if (boostLife > 0 && --boostLife === 0) boost = 1;
      continue;
    }
    if (negation > 0) {
      value = value > 0 ? -value * 0.9 : -value * 0.4;
      negation = 0;
    }
    if (shouted[i]) value *= 1.3;
    value *= boost * (afterContrast ? 1.3 : 1);
    if (!polarSeen && i <= 1 && value > 0 && endsSoon(words, i + span)) opening = value;
    else if (opening > 0 && value < 0) complaintsAfterOpening += value;
    polarSeen = true;
    boost = 1;
    boostLife = 0;
    clause += value;
    i += span - 1;
  }
  sentence += clause;
  flushSentence(false);
  // "Спасибо, Билайн, за очередное повышение цен": praise that opens a complaint is irony.
  if (opening > 0 && complaintsAfterOpening <= -1) total -= opening * 1.5;
  if (total !== 0 && tokens.exclamations > 0) total *= 1 + 0.12 * Math.min(tokens.exclamations, 3);
  return total;
}

/** An exclamation opens the post: punctuation follows within three words ("Браво, Сбер, …"). */
function endsSoon(words: string[], from: number): boolean {
  for (let j = from; j < words.length && j < from + 3; j++) if (CLAUSE_END.has(words[j])) return true;
  return false;
}

/**
 * Lookup by stem: an exact word first, then the longest listed stem the word starts with.
 * Stems shorter than 4 letters would catch unrelated words, so those are listed as exact words only.
 */
export class StemTable {
  private readonly exact = new Map<string, number>();
  private readonly stems = new Map<string, number>();
  private longest = 0;
  /** Mistakes in the source (duplicates, too-short stems): collected, not thrown, so a typo never stops the
   * server at start-up; the unit tests assert the shipped lexicons have none. */
  readonly problems: string[] = [];

  /** `source`: lines "weight: stem stem =exactword ...". */
  constructor(source: string) {
    for (const line of source.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const weight = Number(line.slice(0, colon));
      if (!Number.isFinite(weight)) {
        this.problems.push(`Bad lexicon line: ${line}`);
        continue;
      }
      for (const entry of line
        .slice(colon + 1)
        .trim()
        .split(/\s+/)) {
        if (!entry) continue;
        if (entry.startsWith('=')) {
          const word = entry.slice(1).replace(/_/g, ' ');
          if (this.exact.has(word)) this.problems.push(`Lexicon lists "${word}" twice`);
          if (word.split(' ').length > 3) this.problems.push(`Lexicon phrase "${word}" is longer than 3 words`);
          this.exact.set(word, weight);
        } else {
          if (this.stems.has(entry)) this.problems.push(`Lexicon lists stem "${entry}" twice`);
          if (entry.length < 4) {
            this.problems.push(`Lexicon stem "${entry}" is shorter than 4 letters; list it as =${entry}`);
            continue;
          }
          this.stems.set(entry, weight);
          this.longest = Math.max(this.longest, entry.length);
        }
      }
    }
  }

  get size(): number {
    return this.exact.size + this.stems.size;
  }

  lookup(word: string): number | undefined {
    const exact = this.exact.get(word);
    if (exact !== undefined) return exact;
    for (let length = Math.min(word.length, this.longest); length >= 4; length--) {
      const value = this.stems.get(word.slice(0, length));
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Entries written with "_" for spaces ("=так_себе") are phrases; hand them to the scorer. */
  phrases(): Map<string, number> {
    const phrases = new Map<string, number>();
    for (const [key, value] of this.exact) if (key.includes(' ')) phrases.set(key, value);
    return phrases;
  }
}
