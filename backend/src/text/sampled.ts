/**
 * Clustering at scale. The graph step (kNN search and Louvain) costs more than linear time and holds every text's
 * features at once, so above `sampleSize` texts the engine fits its model on an evenly spread sample and then places
 * every text into the fitted clusters by nearest centre, batch by batch, as it places new texts between rebuilds.
 * Memory then grows with the sample and the batch, not with the number of texts (a caller may stream them from the
 * database); the sample's own texts keep the place the fit gave them. Up to `sampleSize` texts nothing changes.
 */
import { analyze, type AnalyzedText, type TextLanguage } from './tokenize';
import {
  clusterTexts,
  embedVector,
  nearestCluster,
  UNCLUSTERED,
  type ClusterEngineOptions,
  type ClusteringResult,
  type ClusterSummary,
} from './engine';
import { vectorizeAnalyzed } from './features';
import { BoundedCache } from './bounded-cache';

/** Texts a fit takes at most: above this the graph step's time grows faster than the texts (measured: see docs/scale.md). */
export const DEFAULT_SAMPLE_SIZE = 20_000;
/** A text in a placement batch the fit did not see: placed by nearest centre. */
export const TO_PLACE = -2;
const EXAMPLES = 5;
/**
 * Characters of texts whose placement is remembered (repeated texts — "ok", "thanks", copies — are analysed once):
 * bounded by characters, not entries, since texts come from the public (security finding 7).
 */
const TEXT_CACHE_CHARS = 8_000_000;
/** Characters of words (and their feature columns) whose columns are remembered. */
const WORD_CACHE_CHARS = 8_000_000;
/** One word's entry at most (a word of about 200 letters with its n-grams): a longer "word" is no real word. */
const WORD_CACHE_MAX_ENTRY = 2_000;
/** A placement's weight beside its text, in characters: an object of three fields. */
const PLACED_WEIGHT = 32;

/**
 * Evenly spread positions of `size` texts out of `n` (all of them when n ≤ size), ascending: position p is taken when
 * p·size mod n < size, exactly `size` of them (the rebuild's SQL picks its sample by the same rule).
 */
export function samplePositions(n: number, size: number): Int32Array {
  if (n <= size) return Int32Array.from({ length: n }, (_, i) => i);
  const positions = new Int32Array(size);
  let taken = 0;
  for (let p = 0; p < n; p++) if ((p * size) % n < size) positions[taken++] = p;
  return positions;
}

interface Placed {
  cluster: number;
  similarity: number;
  language: TextLanguage;
}

/**
 * Places texts into a fitted model batch by batch and keeps what the summaries need: each cluster's size, its most
 * central texts (positions in the order the texts were given) and its languages. Labels are the fit's own.
 */
export class ClusterPlacer {
  private readonly sizes: Int32Array;
  private readonly examples: { i: number; sim: number }[][];
  private readonly votes: Map<TextLanguage, number>[];
  private readonly cache = new BoundedCache<Placed>(TEXT_CACHE_CHARS, TEXT_CACHE_CHARS / 100, () => PLACED_WEIGHT);
  /** Each distinct word's feature columns in the model's vocabulary (see vectorizeAnalyzed); an Int32 weighs 2 chars. */
  private readonly wordFeatures = new BoundedCache<Int32Array>(WORD_CACHE_CHARS, WORD_CACHE_MAX_ENTRY, (cols) => 2 * cols.length);
  private placed = 0;

  constructor(private readonly fit: Pick<ClusteringResult, 'clusters' | 'model'>) {
    const count = fit.model.clusterCount;
    this.sizes = new Int32Array(count);
    this.examples = Array.from({ length: count }, () => []);
    this.votes = Array.from({ length: count }, () => new Map());
  }

  /** Characters the placer's caches hold (texts, words and their columns): bounded whatever the texts. */
  get cachedChars(): number {
    return this.cache.weight + this.wordFeatures.weight;
  }

  /** Texts placed so far. */
  get count(): number {
    return this.placed;
  }

  /**
   * Places the next batch. `fitted[i]` is the fit's answer for a sample text (kept as it is) or TO_PLACE; without
   * `fitted` every text is placed. Returns each text's cluster (or UNCLUSTERED) and its cosine to that centre.
   */
  place(texts: readonly string[], fitted?: Int32Array): { assignments: Int32Array; similarities: Float32Array } {
    const assignments = new Int32Array(texts.length);
    const similarities = new Float32Array(texts.length);
    for (let b = 0; b < texts.length; b++) {
      const position = this.placed++;
      const { cluster: nearest, similarity, language } = this.lookup(texts[b]);
      const kept = fitted ? fitted[b] : TO_PLACE;
      const cluster = kept === TO_PLACE ? nearest : kept;
      assignments[b] = cluster;
      if (cluster === UNCLUSTERED) continue;
      // A sample text the fit put elsewhere than its nearest centre: its cosine to its own cluster's centre.
      const sim = cluster === nearest ? similarity : this.cosineTo(texts[b], cluster);
      similarities[b] = sim;
      this.sizes[cluster]++;
      this.votes[cluster].set(language, (this.votes[cluster].get(language) ?? 0) + 1);
      this.keepExample(cluster, position, sim);
    }
    return { assignments, similarities };
  }

  /** The fit's clusters with sizes, examples and languages over every text placed; empty clusters dropped. */
  clusters(): ClusterSummary[] {
    return this.fit.clusters
      .filter((c) => this.sizes[c.index] > 0)
      .map((c) => ({
        ...c,
        size: this.sizes[c.index],
        examples: this.examples[c.index].map((e) => e.i),
        language: [...this.votes[c.index].entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? c.language,
      }));
  }

  private lookup(text: string): Placed {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const analyzed = analyze(text);
    const { cluster, similarity } = nearestCluster(this.fit.model, this.embed(analyzed));
    const placed = { cluster, similarity, language: analyzed.language };
    this.cache.set(text, placed);
    return placed;
  }

  private embed(analyzed: AnalyzedText): Float64Array {
    return embedVector(vectorizeAnalyzed(analyzed, this.fit.model.vocabulary, this.wordFeatures), this.fit.model.projection);
  }

  private cosineTo(text: string, cluster: number): number {
    const { model } = this.fit;
    const e = this.embed(analyze(text));
    const dim = model.projection.k;
    let s = 0;
    for (let j = 0; j < dim; j++) s += e[j] * model.centroids[cluster * dim + j];
    return s;
  }

  /** Keeps the cluster's EXAMPLES most central texts, best first (ties: the earlier text), as the engine orders them. */
  private keepExample(cluster: number, i: number, sim: number): void {
    const list = this.examples[cluster];
    if (list.length === EXAMPLES && sim <= list[EXAMPLES - 1].sim) return;
    let at = list.length;
    while (at > 0 && list[at - 1].sim < sim) at--;
    list.splice(at, 0, { i, sim });
    if (list.length > EXAMPLES) list.pop();
  }
}

export interface SampledOptions extends Partial<ClusterEngineOptions> {
  /** The most texts the model is fitted on; above it the rest are placed. */
  sampleSize?: number;
  /** Texts placed per batch (progress is reported per batch). */
  batchSize?: number;
}

/**
 * clusterTexts for any number of texts: itself up to `sampleSize`, above it a fit on an evenly spread sample and every
 * text placed. The same input gives the same output.
 */
export function clusterTextsSampled(texts: readonly string[], options: SampledOptions = {}): ClusteringResult {
  const { sampleSize = DEFAULT_SAMPLE_SIZE, batchSize = 5_000, onProgress, ...engine } = options;
  const n = texts.length;
  if (n <= sampleSize) return clusterTexts(texts, { ...engine, onProgress });
  const progress = onProgress ?? (() => undefined);
  const positions = samplePositions(n, sampleSize);
  const fit = clusterTexts(
    Array.from(positions, (p) => texts[p]),
    { ...engine, onProgress: (fraction, stage) => progress(fraction * FIT_SHARE, stage === 'done' ? 'place' : stage) },
  );
  const fitted = new Int32Array(n).fill(TO_PLACE);
  positions.forEach((p, s) => (fitted[p] = fit.assignments[s]));
  const placer = new ClusterPlacer(fit);
  const assignments = new Int32Array(n);
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    assignments.set(placer.place(texts.slice(start, end), fitted.subarray(start, end)).assignments, start);
    progress(FIT_SHARE + ((1 - FIT_SHARE) * end) / n, 'place');
  }
  return { assignments, clusters: placer.clusters(), model: fit.model };
}

/** Share of the progress bar the fit takes; placing every text takes the rest. */
export const FIT_SHARE = 0.6;
