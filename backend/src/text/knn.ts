/**
 * Approximate k-nearest neighbours by cosine over unit rows: an inverted-file index (spherical k-means
 * buckets, each row searched in its few nearest buckets) keeps 10k texts well under a second,
 * where the exact all-pairs search would take many.
 */
import { assignNearest, dot, sphericalKMeans } from './kmeans';
import { sparseDot, type SparseVector } from './sparse';

export interface KnnGraph {
  k: number;
  /** n×k neighbour ids (-1 when fewer were found), best first. */
  neighbors: Int32Array;
  /** n×k cosine similarities, aligned with `neighbors`. */
  similarities: Float64Array;
}

export function approximateKnn(
  x: Float64Array,
  n: number,
  dim: number,
  k: number,
  options: { seed: number; probes?: number; buckets?: number },
): KnnGraph {
  const neighbors = new Int32Array(n * k).fill(-1);
  const similarities = new Float64Array(n * k).fill(-Infinity);
  const buckets = Math.max(1, Math.min(options.buckets ?? Math.round(Math.sqrt(n)), n));
  const probes = Math.min(options.probes ?? 3, buckets);
  // Bucket centres come from k-means on a sample (enough to partition the space), then every row joins its nearest.
  const sampleSize = Math.min(n, Math.max(buckets * 20, 1));
  const stride = n / sampleSize;
  const sample = new Float64Array(sampleSize * dim);
  for (let s = 0; s < sampleSize; s++) {
    const i = Math.floor(s * stride);
    sample.set(x.subarray(i * dim, i * dim + dim), s * dim);
  }
  const { centroids } = sphericalKMeans(sample, sampleSize, dim, buckets, { seed: options.seed, maxIterations: 5 });
  const assignment = assignNearest(x, n, dim, centroids, buckets);
  // Copy the rows bucket by bucket, so a bucket's members sit next to each other in memory while scanned.
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) start[assignment[i] + 1]++;
  for (let c = 0; c < buckets; c++) start[c + 1] += start[c];
  const fill = start.slice(0, buckets);
  const ids = new Int32Array(n);
  const sorted = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    const at = fill[assignment[i]]++;
    ids[at] = i;
    sorted.set(x.subarray(i * dim, i * dim + dim), at * dim);
  }
  const centroidSims = new Float64Array(buckets);
  const order = new Int32Array(buckets);
  for (let i = 0; i < n; i++) {
    const xo = i * dim;
    for (let c = 0; c < buckets; c++) {
      centroidSims[c] = dot(x, xo, centroids, c * dim, dim);
      order[c] = c;
    }
    // Partial selection of the best `probes` buckets (stable for equal scores).
    for (let a = 0; a < probes; a++) {
      let best = a;
      for (let b = a + 1; b < buckets; b++) if (centroidSims[order[b]] > centroidSims[order[best]]) best = b;
      const t = order[a];
      order[a] = order[best];
      order[best] = t;
    }
    const no = i * k;
    for (let a = 0; a < probes; a++) {
      const bucket = order[a];
      for (let at = start[bucket]; at < start[bucket + 1]; at++) {
        const j = ids[at];
        if (j === i) continue;
        const so = at * dim;
        let s = 0;
        for (let q = 0; q < dim; q++) s += x[xo + q] * sorted[so + q];
        if (s <= similarities[no + k - 1]) continue;
        // Insert into the sorted top-k list; equal scores keep the earlier-seen neighbour first.
        let p = k - 1;
        while (p > 0 && similarities[no + p - 1] < s) {
          similarities[no + p] = similarities[no + p - 1];
          neighbors[no + p] = neighbors[no + p - 1];
          p--;
        }
        similarities[no + p] = s;
        neighbors[no + p] = j;
      }
    }
  }
  for (let p = 0; p < similarities.length; p++) if (neighbors[p] < 0) similarities[p] = 0;
  return { k, neighbors, similarities };
}

/**
 * Re-scores a wider candidate list by mixing its LSA cosine with the exact TF-IDF cosine of the two texts, and keeps
 * the best k. LSA finds candidates that share no word (recall); 64 dimensions blur the fine distinctions between
 * neighbouring topics ("card arrived" vs "card delivery estimate"), which the full vectors still see (precision).
 * `rows[i]` must be the unit TF-IDF vector of graph node i.
 */
export function rerankWithSparse(candidates: KnnGraph, rows: readonly SparseVector[], k: number, lexicalWeight: number): KnnGraph {
  const n = rows.length;
  const kc = candidates.k;
  const neighbors = new Int32Array(n * k).fill(-1);
  const similarities = new Float64Array(n * k);
  const ids = new Int32Array(kc);
  const scores = new Float64Array(kc);
  const order = Array.from({ length: kc }, (_, a) => a);
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let a = 0; a < kc; a++) {
      const j = candidates.neighbors[i * kc + a];
      if (j < 0) continue;
      ids[count] = j;
      scores[count++] = (1 - lexicalWeight) * candidates.similarities[i * kc + a] + lexicalWeight * sparseDot(rows[i], rows[j]);
    }
    const ranked = order.slice(0, count).sort((x, y) => scores[y] - scores[x] || ids[x] - ids[y]);
    for (let a = 0; a < Math.min(k, count); a++) {
      neighbors[i * k + a] = ids[ranked[a]];
      similarities[i * k + a] = scores[ranked[a]];
    }
  }
  return { k, neighbors, similarities };
}
