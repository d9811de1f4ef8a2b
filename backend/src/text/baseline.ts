/**
 * The plain baseline the engine is measured against: word TF-IDF (no stemming, no stop words, tokens of
 * two or more word characters, smooth idf, L2) and k-means++ with the true number of clusters given.
 */
import { createRng } from './random';
import type { SparseVector } from './sparse';

export function plainTfidf(texts: readonly string[]): { rows: SparseVector[]; dim: number } {
  const docs = texts.map((t) => t.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? []);
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
    const norm = Math.hypot(...values) || 1;
    for (let p = 0; p < values.length; p++) values[p] /= norm;
    return { indices, values };
  });
  return { rows, dim: vocab.size };
}

/** Euclidean k-means (Lloyd, k-means++ seeding) on sparse rows with dense centroids. */
export function sparseKMeans(rows: readonly SparseVector[], dim: number, k: number, seed: number, maxIterations = 100): Int32Array {
  const n = rows.length;
  const rng = createRng(seed);
  const centroids = new Float64Array(k * dim);
  const cnorm = new Float64Array(k);
  const sqNorm = rows.map((r) => r.values.reduce((s, v) => s + v * v, 0));
  const dotRow = (r: SparseVector, c: number): number => {
    let s = 0;
    const o = c * dim;
    for (let p = 0; p < r.indices.length; p++) s += r.values[p] * centroids[o + r.indices[p]];
    return s;
  };
  const dist = (i: number, c: number): number => Math.max(0, sqNorm[i] - 2 * dotRow(rows[i], c) + cnorm[c]);
  const setCentroidFromRow = (c: number, i: number): void => {
    const r = rows[i];
    for (let p = 0; p < r.indices.length; p++) centroids[c * dim + r.indices[p]] = r.values[p];
    cnorm[c] = sqNorm[i];
  };
  const clearCentroid = (c: number, i: number): void => {
    const r = rows[i];
    for (let p = 0; p < r.indices.length; p++) centroids[c * dim + r.indices[p]] = 0;
    cnorm[c] = 0;
  };
  // Greedy k-means++ as scikit-learn does it: each step samples 2 + ln k candidates and keeps the one
  // that lowers the total distance most.
  const minD = new Float64Array(n).fill(Infinity);
  const trials = 2 + Math.floor(Math.log(k));
  setCentroidFromRow(0, Math.floor(rng() * n));
  let total = 0;
  for (let i = 0; i < n; i++) total += minD[i] = dist(i, 0);
  const candidateD = new Float64Array(n);
  const bestD = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestTotal = Infinity;
    let bestPick = 0;
    for (let t = 0; t < trials; t++) {
      let r = rng() * total;
      let pick = n - 1;
      for (let i = 0; i < n; i++) {
        r -= minD[i];
        if (r <= 0) {
          pick = i;
          break;
        }
      }
      setCentroidFromRow(c, pick);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += candidateD[i] = Math.min(minD[i], dist(i, c));
      clearCentroid(c, pick);
      if (sum < bestTotal) {
        bestTotal = sum;
        bestPick = pick;
        bestD.set(candidateD);
      }
    }
    setCentroidFromRow(c, bestPick);
    minD.set(bestD);
    total = bestTotal;
  }
  const assignment = new Int32Array(n).fill(-1);
  for (let it = 0; it < maxIterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = dist(i, c);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      if (assignment[i] !== best) changed++;
      assignment[i] = best;
    }
    if (changed === 0) break;
    centroids.fill(0);
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assignment[i];
      counts[c]++;
      const r = rows[i];
      for (let p = 0; p < r.indices.length; p++) centroids[c * dim + r.indices[p]] += r.values[p];
    }
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < dim; j++) {
        centroids[c * dim + j] /= counts[c] || 1;
        s += centroids[c * dim + j] ** 2;
      }
      cnorm[c] = s;
    }
  }
  return assignment;
}

/** TF-IDF + k-means with the given k: the reference every engine result is compared with. */
export function baselineClusters(texts: readonly string[], k: number, seed = 42): Int32Array {
  const { rows, dim } = plainTfidf(texts);
  return sparseKMeans(rows, dim, Math.max(1, Math.min(k, texts.length)), seed);
}
