/**
 * Bag-of-features for short texts: stemmed words, stem bigrams and character n-grams inside word
 * boundaries, weighted by sublinear TF-IDF; words and characters are normalised as two blocks and mixed.
 */
import type { AnalyzedText } from './tokenize';
import type { SparseVector } from './sparse';
import { isNegation } from './stopwords';

export interface FeatureOptions {
  /** Add stem bigrams. */
  bigrams: boolean;
  /** Character n-gram lengths inside word boundaries, [min, max]; null = none. */
  charNgrams: [number, number] | null;
  /** Share of the squared norm given to the word block (the rest goes to character n-grams). */
  wordWeight: number;
  /** Features seen in fewer texts are dropped. */
  minDf: number;
  /** Features seen in more than this share of texts are dropped. */
  maxDfRatio: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  bigrams: true,
  charNgrams: [3, 4],
  wordWeight: 0.5,
  minDf: 2,
  maxDfRatio: 0.5,
};

/** The fitted vocabulary: feature → column, its idf and whether it belongs to the word block. */
export interface Vocabulary {
  options: FeatureOptions;
  index: Map<string, number>;
  idf: Float64Array;
  isWord: Uint8Array;
}

const CHAR_PREFIX = '\u0001';

/** Raw feature keys of one analysed text (with repeats: they are the term frequencies). */
export function featureKeys(text: AnalyzedText, options: FeatureOptions): string[] {
  const keys: string[] = [];
  const stems = text.tokens.map((t) => t.stem);
  // A negation alone says nothing about the topic and glues unrelated texts together; it counts inside phrases.
  for (const t of text.tokens) if (!isNegation(t.surface)) keys.push(t.stem);
  if (options.bigrams) for (let i = 1; i < stems.length; i++) keys.push(`${stems[i - 1]} ${stems[i]}`);
  if (options.charNgrams) {
    const [lo, hi] = options.charNgrams;
    for (const t of text.tokens) {
      if (isNegation(t.surface)) continue;
      const w = ` ${t.surface} `;
      for (let n = lo; n <= hi; n++) for (let i = 0; i + n <= w.length; i++) keys.push(CHAR_PREFIX + w.slice(i, i + n));
    }
  }
  return keys;
}

/** Learns the vocabulary and idf from the texts' feature keys. */
export function fitVocabulary(docs: readonly string[][], options: FeatureOptions): Vocabulary {
  const df = new Map<string, number>();
  for (const keys of docs) {
    for (const key of new Set(keys)) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const n = docs.length;
  const maxDf = Math.max(options.maxDfRatio * n, options.minDf);
  const kept = [...df.entries()]
    .filter(([, c]) => c >= options.minDf && c <= maxDf)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const index = new Map<string, number>();
  const idf = new Float64Array(kept.length);
  const isWord = new Uint8Array(kept.length);
  kept.forEach(([key, c], i) => {
    index.set(key, i);
    idf[i] = Math.log((1 + n) / (1 + c)) + 1;
    isWord[i] = key.startsWith(CHAR_PREFIX) ? 0 : 1;
  });
  return { options, index, idf, isWord };
}

/** One text's TF-IDF vector in the fitted vocabulary (unit length, or empty when nothing is known). */
export function vectorize(keys: readonly string[], vocab: Vocabulary): SparseVector {
  const cols = new Int32Array(keys.length);
  let count = 0;
  for (const key of keys) {
    const col = vocab.index.get(key);
    if (col !== undefined) cols[count++] = col;
  }
  return vectorizeColumns(cols.subarray(0, count), vocab);
}

/** Where vectorizeAnalyzed keeps each word's columns: a Map, or a cache bounded in size (see BoundedCache). */
export interface WordColumnsCache {
  get(key: string): Int32Array | undefined;
  set(key: string, columns: Int32Array): unknown;
}

/**
 * featureKeys and vectorize in one, for placing many texts into one vocabulary: a word's own features (its stem and
 * character n-grams) are looked up once per distinct word and kept in `cache` as columns, so a text costs one lookup
 * per word and per bigram instead of one per n-gram. The same vector as vectorize(featureKeys(text)).
 */
export function vectorizeAnalyzed(text: AnalyzedText, vocab: Vocabulary, cache: WordColumnsCache): SparseVector {
  const { tokens } = text;
  const parts: Int32Array[] = [];
  let total = 0;
  for (const t of tokens) {
    if (isNegation(t.surface)) continue;
    const key = `${t.stem}\u0002${t.surface}`;
    let cols = cache.get(key);
    if (!cols) {
      const own = [t.stem];
      if (vocab.options.charNgrams) {
        const [lo, hi] = vocab.options.charNgrams;
        const w = ` ${t.surface} `;
        for (let n = lo; n <= hi; n++) for (let i = 0; i + n <= w.length; i++) own.push(CHAR_PREFIX + w.slice(i, i + n));
      }
      cols = Int32Array.from(own.map((k) => vocab.index.get(k) ?? -1).filter((c) => c >= 0));
      cache.set(key, cols);
    }
    parts.push(cols);
    total += cols.length;
  }
  const bigrams = vocab.options.bigrams ? Math.max(0, tokens.length - 1) : 0;
  const all = new Int32Array(total + bigrams);
  let count = 0;
  for (const cols of parts) {
    all.set(cols, count);
    count += cols.length;
  }
  for (let i = 1; i <= bigrams; i++) {
    const col = vocab.index.get(`${tokens[i - 1].stem} ${tokens[i].stem}`);
    if (col !== undefined) all[count++] = col;
  }
  return vectorizeColumns(all.subarray(0, count), vocab);
}

/** The TF-IDF vector of a text's feature columns (with repeats: they are the term frequencies). */
function vectorizeColumns(cols: Int32Array, vocab: Vocabulary): SparseVector {
  // Columns sorted, then counted in runs: cheaper than a Map per text on 10k texts.
  const count = cols.length;
  const found = cols.sort();
  let unique = 0;
  for (let p = 0; p < count; p++) if (p === 0 || found[p] !== found[p - 1]) unique++;
  const indices = new Int32Array(unique);
  const values = new Float64Array(unique);
  for (let p = 0, u = -1; p < count; p++) {
    if (p === 0 || found[p] !== found[p - 1]) {
      indices[++u] = found[p];
      values[u] = 1;
    } else values[u]++;
  }
  for (let u = 0; u < unique; u++) values[u] = (1 + Math.log(values[u])) * vocab.idf[indices[u]];
  let wordNorm = 0;
  let charNorm = 0;
  indices.forEach((col, i) => {
    const v = values[i];
    if (vocab.isWord[col]) wordNorm += v * v;
    else charNorm += v * v;
  });
  const hasChar = charNorm > 0;
  const hasWord = wordNorm > 0;
  const ww = hasWord ? (hasChar ? Math.sqrt(vocab.options.wordWeight) : 1) / Math.sqrt(wordNorm) : 0;
  const cw = hasChar ? (hasWord ? Math.sqrt(1 - vocab.options.wordWeight) : 1) / Math.sqrt(charNorm) : 0;
  indices.forEach((col, i) => {
    values[i] *= vocab.isWord[col] ? ww : cw;
  });
  return { indices, values };
}
