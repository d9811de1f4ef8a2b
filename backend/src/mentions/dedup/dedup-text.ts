import { createHash } from 'node:crypto';
import { normalize } from '../../text/normalize';
import { bandKeys, minhash } from './minhash';

/**
 * "RT @user: text", "Repost @user text", "Репост @user: text": an explicit copy of someone's post.
 * Spaces before and after the optional colon are separate groups (`\s*(?::\s*)?`, not `\s*:?\s*`):
 * two adjacent `\s*` split a run of spaces every possible way, quadratic on "rt" + 100,000 spaces.
 */
const REPOST_RE = /^\s*(?:rt|repost|репост|ретвит)\s*(?::\s*)?@[\p{L}\p{N}_.]+\s*(?::\s*)?/iu;
const PUNCTUATION_RE = /[^\p{L}\p{N}\s]+/gu;

/**
 * Below this many words a text is too generic to call a copy ("Спасибо!", "great service"): many
 * people write it independently. Explicit reposts are copies whatever their length.
 */
export const MIN_WORDS_FOR_COPY = 5;

export interface DedupKeys {
  /** Set when the text announces itself as a repost; the text without the "RT @user:" prefix. */
  repostOf: string | null;
  /** Normalised words (case, ё, links, handles, numbers, emoji and punctuation removed). */
  words: string[];
  /** SHA-1 of the normalised text; null when the text is too short to be a copy (and not a repost). */
  textHash: string | null;
  /** MinHash LSH band keys for near-duplicate candidates; null when the text is too short. */
  bands: number[] | null;
}

export function dedupKeys(text: string): DedupKeys {
  const repost = REPOST_RE.exec(text);
  const body = repost ? text.slice(repost[0].length) : text;
  const words = normalize(body).replace(PUNCTUATION_RE, ' ').split(/\s+/).filter(Boolean);
  const joined = words.join(' ');
  const eligible = words.length >= MIN_WORDS_FOR_COPY;
  return {
    repostOf: repost ? body : null,
    words,
    textHash: (eligible || repost) && joined ? createHash('sha1').update(joined).digest('hex') : null,
    bands: eligible ? bandKeys(minhash(features(words))) : null,
  };
}

/** Words and word pairs: pairs keep order, so a reshuffled text is less similar than a reworded one. */
function features(words: readonly string[]): string[] {
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}

/** The set `similarity` compares; build it once per text when comparing one text with many. */
export const featureSet = (words: readonly string[]): Set<string> => new Set(features(words));

/** Jaccard similarity of word and word-pair sets: the confirmation after a MinHash candidate match. */
export function similarity(a: readonly string[] | Set<string>, b: readonly string[] | Set<string>): number {
  const left = a instanceof Set ? a : featureSet(a);
  const right = b instanceof Set ? b : featureSet(b);
  let shared = 0;
  for (const f of left) if (right.has(f)) shared += 1;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Two texts are near-identical at or above this similarity of their word and word-pair sets. */
export const NEAR_SIMILARITY = 0.6;
