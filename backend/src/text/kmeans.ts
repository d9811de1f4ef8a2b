/** Spherical k-means (k-means++ seeding) on unit-length dense rows; used for the kNN index and refinement. */
import { createRng, type Rng } from './random';

export interface KMeansResult {
  assignment: Int32Array;
  /** k×dim row-major, unit length. */
  centroids: Float64Array;
  k: number;
}

export function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, dim: number): number {
  let s = 0;
  for (let j = 0; j < dim; j++) s += a[ao + j] * b[bo + j];
  return s;
}

/** Scales every row of an n×dim matrix to unit length (zero rows stay zero). */
export function normalizeRows(x: Float64Array, n: number, dim: number): Float64Array {
  for (let i = 0; i < n; i++) {
    const o = i * dim;
    const norm = Math.sqrt(dot(x, o, x, o, dim));
    if (norm > 0) for (let j = 0; j < dim; j++) x[o + j] /= norm;
  }
  return x;
}

/** k-means++ seeding with cosine distance (1 - cos), from a seeded generator. */
function seedCentroids(x: Float64Array, n: number, dim: number, k: number, rng: Rng): Float64Array {
  const centroids = new Float64Array(k * dim);
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rng() * n);
  for (let c = 0; c < k; c++) {
    centroids.set(x.subarray(pick * dim, pick * dim + dim), c * dim);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(x, i * dim, centroids, c * dim, dim));
      if (d < dist[i]) dist[i] = d;
      total += dist[i];
    }
    if (c + 1 === k) break;
    let r = rng() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  return centroids;
}

/** Nearest centroid (highest cosine) of every row. */
export function assignNearest(
  x: Float64Array,
  n: number,
  dim: number,
  centroids: Float64Array,
  k: number,
  out = new Int32Array(n),
): Int32Array {
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestSim = -Infinity;
    for (let c = 0; c < k; c++) {
      const s = dot(x, i * dim, centroids, c * dim, dim);
      if (s > bestSim) {
        bestSim = s;
        best = c;
      }
    }
    out[i] = best;
  }
  return out;
}

/** Mean direction of every group, unit length; empty groups get a zero row. */
export function groupCentroids(x: Float64Array, n: number, dim: number, assignment: Int32Array, k: number): Float64Array {
  const centroids = new Float64Array(k * dim);
  for (let i = 0; i < n; i++) {
    const c = assignment[i];
    if (c < 0) continue;
    const o = c * dim;
    const xo = i * dim;
    for (let j = 0; j < dim; j++) centroids[o + j] += x[xo + j];
  }
  return normalizeRows(centroids, k, dim);
}

export function sphericalKMeans(
  x: Float64Array,
  n: number,
  dim: number,
  k: number,
  options: { seed: number; maxIterations?: number; init?: Float64Array },
): KMeansResult {
  const rng = createRng(options.seed);
  k = Math.max(1, Math.min(k, n));
  let centroids = options.init ?? seedCentroids(x, n, dim, k, rng);
  const assignment = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  for (let it = 0; it < (options.maxIterations ?? 20); it++) {
    assignNearest(x, n, dim, centroids, k, next);
    let changed = 0;
    for (let i = 0; i < n; i++) if (next[i] !== assignment[i]) changed++;
    assignment.set(next);
    centroids = groupCentroids(x, n, dim, assignment, k);
    if (changed <= n * 0.001) break;
  }
  return { assignment, centroids, k };
}
