/**
 * The plain baseline the engine is measured against, a faithful TypeScript equivalent of scikit-learn's
 * `TfidfVectorizer()` (defaults: lower-case, token pattern \b\w\w+\b, no stemming or stop words, smooth idf,
 * raw tf, L2 rows) followed by `KMeans(n_clusters=k, init='k-means++', n_init=10, max_iter=300, tol=1e-4)`
 * (Lloyd iterations, greedy k-means++ seeding, empty clusters re-seeded with the farthest texts, the run with
 * the lowest inertia kept), with the true number of clusters given.
 * Checked against scikit-learn 1.2.1 on banking77: see docs/ARCHITECTURE.md, "Complaint clustering engine".
 */
import { createRng, type Rng } from './random';
import type { SparseVector } from './sparse';

/** Python's \w is a letter, a digit (any Unicode number) or "_"; a token is a run of two or more of them. */
const TOKEN_RE = /[\p{L}\p{N}_]{2,}/gu;

export interface TfidfOptions {
  /** 'word': scikit-learn's default analyzer; 'char_wb': character n-grams inside space-padded words. */
  analyzer: 'word' | 'char_wb';
  /** n-gram lengths for 'char_wb' (scikit-learn's ngram_range). */
  ngramRange: [number, number];
}

/** scikit-learn's `_char_wb_ngrams`: each whitespace-separated word padded with one space on each side. */
function charWbNgrams(text: string, [lo, hi]: [number, number]): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const w = ` ${word} `;
    for (let n = lo; n <= hi; n++) {
      let offset = 0;
      out.push(w.slice(offset, offset + n));
      while (offset + n < w.length) {
        offset++;
        out.push(w.slice(offset, offset + n));
      }
      if (offset === 0) break; // a word shorter than n counts once
    }
  }
  return out;
}

export function plainTfidf(texts: readonly string[], options: Partial<TfidfOptions> = {}): { rows: SparseVector[]; dim: number } {
  const { analyzer = 'word', ngramRange = [2, 5] } = options;
  const docs = texts.map((t) =>
    analyzer === 'word' ? (t.toLowerCase().match(TOKEN_RE) ?? []) : charWbNgrams(t.toLowerCase(), ngramRange),
  );
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  const vocab = new Map([...df.keys()].sort().map((w, i) => [w, i] as const));
  const n = texts.length;
  const idf = new Float64Array(vocab.size);
  for (const [w, i] of vocab) idf[i] = Math.log((1 + n) / (1 + df.get(w)!)) + 1;
  const rows = docs.map((d) => {
    const tf = new Map<number, number>();
    for (const w of d) tf.set(vocab.get(w)!, (tf.get(vocab.get(w)!) ?? 0) + 1);
    const indices = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const values = Float64Array.from(indices, (i) => tf.get(i)! * idf[i]);
    let norm = 0;
    for (const v of values) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let p = 0; p < values.length; p++) values[p] /= norm;
    return { indices, values };
  });
  return { rows, dim: vocab.size };
}

export interface SparseKMeansOptions {
  seed: number;
  /** Independent k-means++ starts; the one with the lowest inertia wins (scikit-learn's n_init). */
  nInit: number;
  maxIterations: number;
  /** Relative tolerance: stop when the squared centre shift falls below tol × the mean feature variance. */
  tol: number;
}

export const SKLEARN_KMEANS_DEFAULTS: Omit<SparseKMeansOptions, 'seed'> = { nInit: 10, maxIterations: 300, tol: 1e-4 };

export interface SparseKMeansResult {
  assignment: Int32Array;
  /** Sum of squared distances of the rows to their centre. */
  inertia: number;
  /** Lloyd iterations of the winning run. */
  iterations: number;
}

/**
 * Squared Euclidean distances between sparse rows and dense centroids. The centroids are kept
 * transposed (dim×k), so a row's non-zeros each touch one contiguous block of k numbers.
 */
class CentroidSpace {
  readonly centT: Float64Array;
  readonly cnorm: Float64Array;
  private readonly acc: Float64Array;

  constructor(
    readonly dim: number,
    readonly k: number,
  ) {
    this.centT = new Float64Array(dim * k);
    this.cnorm = new Float64Array(k);
    this.acc = new Float64Array(k);
  }

  /** Squared distance of every centre to the row, written into `out` (length k). */
  distances(r: SparseVector, rowSq: number, out: Float64Array): void {
    const { centT, k, acc } = this;
    acc.fill(0);
    for (let p = 0; p < r.indices.length; p++) {
      const v = r.values[p];
      const o = r.indices[p] * k;
      for (let c = 0; c < k; c++) acc[c] += v * centT[o + c];
    }
    for (let c = 0; c < k; c++) out[c] = Math.max(0, rowSq - 2 * acc[c] + this.cnorm[c]);
  }

  /** Squared distance of one row to one centre. */
  distance(r: SparseVector, rowSq: number, c: number): number {
    const { centT, k } = this;
    let s = 0;
    for (let p = 0; p < r.indices.length; p++) s += r.values[p] * centT[r.indices[p] * k + c];
    return Math.max(0, rowSq - 2 * s + this.cnorm[c]);
  }

  setFromRow(c: number, r: SparseVector, rowSq: number): void {
    for (let j = 0; j < this.dim; j++) this.centT[j * this.k + c] = 0;
    for (let p = 0; p < r.indices.length; p++) this.centT[r.indices[p] * this.k + c] = r.values[p];
    this.cnorm[c] = rowSq;
  }
}

/** Greedy k-means++ as scikit-learn does it: each new centre is the best of 2 + ⌊ln k⌋ sampled candidates. */
function kmeansPlusPlus(rows: readonly SparseVector[], sq: Float64Array, space: CentroidSpace, rng: Rng): void {
  const n = rows.length;
  const k = space.k;
  const trials = 2 + Math.floor(Math.log(k));
  // Candidates are scored in a scratch space with a single centre.
  const scratch = new CentroidSpace(space.dim, 1);
  const first = Math.floor(rng() * n);
  space.setFromRow(0, rows[first], sq[first]);
  const closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) potential += closest[i] = space.distance(rows[i], sq[i], 0);
  const candidate = new Float64Array(n);
  const best = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestPotential = Infinity;
    let bestPick = 0;
    for (let t = 0; t < trials; t++) {
      // searchsorted over the cumulative distances, as numpy does it.
      let r = rng() * potential;
      let pick = n - 1;
      for (let i = 0; i < n; i++) {
        r -= closest[i];
        if (r < 0) {
          pick = i;
          break;
        }
      }
      scratch.setFromRow(0, rows[pick], sq[pick]);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += candidate[i] = Math.min(closest[i], scratch.distance(rows[i], sq[i], 0));
      if (sum < bestPotential) {
        bestPotential = sum;
        bestPick = pick;
        best.set(candidate);
      }
    }
    space.setFromRow(c, rows[bestPick], sq[bestPick]);
    closest.set(best);
    potential = bestPotential;
  }
}

/** One Lloyd run from a k-means++ start. */
function lloyd(
  rows: readonly SparseVector[],
  sq: Float64Array,
  dim: number,
  k: number,
  rng: Rng,
  options: SparseKMeansOptions,
  tol: number,
): SparseKMeansResult {
  const n = rows.length;
  const space = new CentroidSpace(dim, k);
  kmeansPlusPlus(rows, sq, space, rng);
  const labels = new Int32Array(n).fill(-1);
  const rowDist = new Float64Array(n);
  const d = new Float64Array(k);
  const sums = new Float64Array(dim * k);
  const counts = new Int32Array(k);
  const assign = (): number => {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      space.distances(rows[i], sq[i], d);
      let best = 0;
      for (let c = 1; c < k; c++) if (d[c] < d[best]) best = c;
      if (labels[i] !== best) changed++;
      labels[i] = best;
      rowDist[i] = d[best];
    }
    return changed;
  };
  let iterations = 0;
  let converged = false;
  for (let it = 0; it < options.maxIterations; it++) {
    iterations = it + 1;
    const changed = assign();
    if (it > 0 && changed === 0) {
      converged = true;
      break;
    }
    // M-step: means of the members (transposed layout, like the centres).
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      const r = rows[i];
      for (let p = 0; p < r.indices.length; p++) sums[r.indices[p] * k + c] += r.values[p];
    }
    relocateEmptyClusters(rows, labels, rowDist, counts, sums, k);
    let shift = 0;
    space.cnorm.fill(0);
    for (let j = 0; j < dim; j++) {
      const o = j * k;
      for (let c = 0; c < k; c++) {
        const v = counts[c] > 0 ? sums[o + c] / counts[c] : space.centT[o + c];
        const delta = v - space.centT[o + c];
        shift += delta * delta;
        space.centT[o + c] = v;
        space.cnorm[c] += v * v;
      }
    }
    if (shift <= tol) break;
  }
  // Labels consistent with the final centres (scikit-learn re-runs the E-step when not strictly converged).
  if (!converged) assign();
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += rowDist[i];
  return { assignment: labels, inertia, iterations };
}

/**
 * scikit-learn's remedy for a cluster left empty by the E-step: it takes over the texts farthest from their
 * centres (one per empty cluster), which leave their old cluster's sums. Labels stay as they were.
 */
function relocateEmptyClusters(
  rows: readonly SparseVector[],
  labels: Int32Array,
  rowDist: Float64Array,
  counts: Int32Array,
  sums: Float64Array,
  k: number,
): void {
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const farthest = Array.from(rowDist.keys())
    .sort((a, b) => rowDist[b] - rowDist[a] || a - b)
    .slice(0, empty.length);
  empty.forEach((c, e) => {
    const i = farthest[e];
    const old = labels[i];
    const r = rows[i];
    for (let p = 0; p < r.indices.length; p++) {
      sums[r.indices[p] * k + old] -= r.values[p];
      sums[r.indices[p] * k + c] = r.values[p];
    }
    counts[old]--;
    counts[c] = 1;
  });
}

/** Mean per-feature variance of the rows times tol: scikit-learn's absolute stopping threshold. */
function absoluteTolerance(rows: readonly SparseVector[], dim: number, tol: number): number {
  const n = rows.length;
  if (n === 0 || dim === 0) return 0;
  const sum = new Float64Array(dim);
  const sumSq = new Float64Array(dim);
  for (const r of rows) {
    for (let p = 0; p < r.indices.length; p++) {
      sum[r.indices[p]] += r.values[p];
      sumSq[r.indices[p]] += r.values[p] * r.values[p];
    }
  }
  let variance = 0;
  for (let j = 0; j < dim; j++) variance += sumSq[j] / n - (sum[j] / n) ** 2;
  return (variance / dim) * tol;
}

/** Euclidean k-means on sparse rows (dense centroids), best of `nInit` seeded k-means++ starts. */
export function sparseKMeans(
  rows: readonly SparseVector[],
  dim: number,
  k: number,
  options: Partial<SparseKMeansOptions> & { seed: number },
): SparseKMeansResult {
  const opts: SparseKMeansOptions = { ...SKLEARN_KMEANS_DEFAULTS, ...options };
  k = Math.max(1, Math.min(k, rows.length));
  const sq = Float64Array.from(rows, (r) => r.values.reduce((s, v) => s + v * v, 0));
  const tol = absoluteTolerance(rows, dim, opts.tol);
  const rng = createRng(opts.seed);
  let best: SparseKMeansResult | undefined;
  for (let run = 0; run < Math.max(1, opts.nInit); run++) {
    // Each start gets its own generator, drawn from the master one (as scikit-learn draws one seed per init).
    const result = lloyd(rows, sq, dim, k, createRng(Math.floor(rng() * 2 ** 31)), opts, tol);
    if (!best || result.inertia < best.inertia) best = result;
  }
  return best!;
}

/** TF-IDF + k-means with the given k: the reference every engine result is compared with. */
export function baselineClusters(
  texts: readonly string[],
  k: number,
  seed = 42,
  options: Partial<Omit<SparseKMeansOptions, 'seed'>> & { tfidf?: Partial<TfidfOptions> } = {},
): Int32Array {
  if (texts.length === 0) return new Int32Array(0);
  const { rows, dim } = plainTfidf(texts, options.tfidf);
  return sparseKMeans(rows, dim, k, { ...options, seed }).assignment;
}
