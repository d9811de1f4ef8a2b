/**
 * Louvain community detection (modularity with a resolution parameter) on a weighted undirected graph.
 * It picks the number of communities itself; node order comes from a seeded shuffle, so runs repeat exactly.
 */
import { createRng, shuffle } from './random';

/** Symmetric weighted adjacency in CSR form; self-loops allowed (used by the aggregated levels). */
export interface WeightedGraph {
  n: number;
  ptr: Int32Array;
  idx: Int32Array;
  w: Float64Array;
}

/** Builds the symmetric graph from directed edges; parallel edges add up. */
export function graphFromEdges(n: number, from: Int32Array, to: Int32Array, weight: Float64Array): WeightedGraph {
  const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let e = 0; e < from.length; e++) {
    const a = from[e];
    const b = to[e];
    const w = weight[e];
    if (a < 0 || b < 0 || !(w > 0)) continue;
    rows[a].set(b, (rows[a].get(b) ?? 0) + w);
    if (a !== b) rows[b].set(a, (rows[b].get(a) ?? 0) + w);
  }
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) ptr[i + 1] = ptr[i] + rows[i].size;
  const idx = new Int32Array(ptr[n]);
  const w = new Float64Array(ptr[n]);
  for (let i = 0; i < n; i++) {
    const entries = [...rows[i].entries()].sort((x, y) => x[0] - y[0]);
    entries.forEach(([j, v], p) => {
      idx[ptr[i] + p] = j;
      w[ptr[i] + p] = v;
    });
  }
  return { n, ptr, idx, w };
}

/** One level of local moving; returns community per node (renumbered 0..c-1) and whether anything moved. */
function localMoving(g: WeightedGraph, resolution: number, order: number[]): { community: Int32Array; count: number; moved: boolean } {
  const { n, ptr, idx, w } = g;
  const degree = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    for (let p = ptr[i]; p < ptr[i + 1]; p++) degree[i] += w[p];
    m2 += degree[i];
  }
  const community = new Int32Array(n);
  const tot = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    community[i] = i;
    tot[i] = degree[i];
  }
  const neighWeight = new Float64Array(n).fill(-1);
  const neighComms = new Int32Array(n);
  let movedAny = false;
  if (m2 > 0) {
    for (let pass = 0; pass < 50; pass++) {
      let moves = 0;
      for (const i of order) {
        const ci = community[i];
        const ki = degree[i];
        let count = 0;
        neighWeight[ci] = 0;
        neighComms[count++] = ci;
        for (let p = ptr[i]; p < ptr[i + 1]; p++) {
          const j = idx[p];
          if (j === i) continue;
          const cj = community[j];
          if (neighWeight[cj] < 0) {
            neighWeight[cj] = 0;
            neighComms[count++] = cj;
          }
          neighWeight[cj] += w[p];
        }
        tot[ci] -= ki;
        const f = (resolution * ki) / m2;
        let best = ci;
        let bestGain = neighWeight[ci] - f * tot[ci];
        for (let a = 1; a < count; a++) {
          const c = neighComms[a];
          const gain = neighWeight[c] - f * tot[c];
          if (gain > bestGain + 1e-12) {
            bestGain = gain;
            best = c;
          }
        }
        tot[best] += ki;
        community[i] = best;
        if (best !== ci) moves++;
        for (let a = 0; a < count; a++) neighWeight[neighComms[a]] = -1;
      }
      if (moves > 0) movedAny = true;
      if (moves === 0 || moves < n * 1e-4) break;
    }
  }
  // Renumber in order of first appearance (deterministic).
  const renumber = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = community[i];
    if (renumber[c] < 0) renumber[c] = count++;
    community[i] = renumber[c];
  }
  return { community, count, moved: movedAny };
}

function aggregate(g: WeightedGraph, community: Int32Array, count: number): WeightedGraph {
  const rows: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  for (let i = 0; i < g.n; i++) {
    const ci = community[i];
    const row = rows[ci];
    for (let p = g.ptr[i]; p < g.ptr[i + 1]; p++) {
      const cj = community[g.idx[p]];
      row.set(cj, (row.get(cj) ?? 0) + g.w[p]);
    }
  }
  const ptr = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) ptr[c + 1] = ptr[c] + rows[c].size;
  const idx = new Int32Array(ptr[count]);
  const w = new Float64Array(ptr[count]);
  for (let c = 0; c < count; c++) {
    [...rows[c].entries()]
      .sort((x, y) => x[0] - y[0])
      .forEach(([j, v], p) => {
        idx[ptr[c] + p] = j;
        w[ptr[c] + p] = v;
      });
  }
  return { n: count, ptr, idx, w };
}

/** Community of every node of the graph (0..count-1). */
export function louvain(
  graph: WeightedGraph,
  options: { resolution?: number; seed: number; maxLevels?: number },
): { community: Int32Array; count: number } {
  const rng = createRng(options.seed);
  const resolution = options.resolution ?? 1;
  let membership = Int32Array.from({ length: graph.n }, (_, i) => i);
  let g = graph;
  let count = graph.n;
  for (let level = 0; level < (options.maxLevels ?? 20); level++) {
    const order = shuffle(
      Array.from({ length: g.n }, (_, i) => i),
      rng,
    );
    const result = localMoving(g, resolution, order);
    if (!result.moved) break;
    for (let i = 0; i < membership.length; i++) membership[i] = result.community[membership[i]];
    count = result.count;
    if (count === g.n) break;
    g = aggregate(g, result.community, count);
  }
  if (count === graph.n) membership = Int32Array.from({ length: graph.n }, (_, i) => i);
  return { community: membership, count };
}
