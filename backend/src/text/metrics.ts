/**
 * External clustering quality against known labels: adjusted Rand index, normalised mutual information
 * (arithmetic-mean normalisation, as scikit-learn's default) and purity. Unclustered texts (null / -1)
 * count as one more cluster, so dumping texts into "other" is not free.
 */

export type Label = string | number | null;

interface Contingency {
  n: number;
  table: Map<string, Map<string, number>>;
  rowSums: Map<string, number>;
  colSums: Map<string, number>;
}

const key = (label: Label): string => (label === null || label === -1 ? '\u0000other' : String(label));

function contingency(truth: readonly Label[], predicted: readonly Label[]): Contingency {
  if (truth.length !== predicted.length) throw new Error(`label arrays differ in length (${truth.length} vs ${predicted.length})`);
  const table = new Map<string, Map<string, number>>();
  const rowSums = new Map<string, number>();
  const colSums = new Map<string, number>();
  for (let i = 0; i < truth.length; i++) {
    const t = key(truth[i]);
    const p = key(predicted[i]);
    let row = table.get(t);
    if (!row) table.set(t, (row = new Map()));
    row.set(p, (row.get(p) ?? 0) + 1);
    rowSums.set(t, (rowSums.get(t) ?? 0) + 1);
    colSums.set(p, (colSums.get(p) ?? 0) + 1);
  }
  return { n: truth.length, table, rowSums, colSums };
}

const pairs = (x: number): number => (x * (x - 1)) / 2;

export function adjustedRandIndex(truth: readonly Label[], predicted: readonly Label[]): number {
  const c = contingency(truth, predicted);
  let index = 0;
  for (const row of c.table.values()) for (const v of row.values()) index += pairs(v);
  let a = 0;
  for (const v of c.rowSums.values()) a += pairs(v);
  let b = 0;
  for (const v of c.colSums.values()) b += pairs(v);
  const total = pairs(c.n);
  if (total === 0) return 1;
  const expected = (a * b) / total;
  const max = (a + b) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

function entropy(sums: Map<string, number>, n: number): number {
  let h = 0;
  for (const v of sums.values()) if (v > 0) h -= (v / n) * Math.log(v / n);
  return h;
}

export function normalizedMutualInformation(truth: readonly Label[], predicted: readonly Label[]): number {
  const c = contingency(truth, predicted);
  if (c.n === 0) return 1;
  let mi = 0;
  for (const [t, row] of c.table) {
    const rt = c.rowSums.get(t)!;
    for (const [p, v] of row) mi += (v / c.n) * Math.log((c.n * v) / (rt * c.colSums.get(p)!));
  }
  const ht = entropy(c.rowSums, c.n);
  const hp = entropy(c.colSums, c.n);
  if (ht === 0 && hp === 0) return 1;
  const denominator = (ht + hp) / 2;
  return denominator === 0 ? 0 : Math.max(0, mi / denominator);
}

/** Share of texts whose cluster's majority label is their own label. */
export function purity(truth: readonly Label[], predicted: readonly Label[]): number {
  const byCluster = new Map<string, Map<string, number>>();
  for (let i = 0; i < truth.length; i++) {
    const p = key(predicted[i]);
    let m = byCluster.get(p);
    if (!m) byCluster.set(p, (m = new Map()));
    const t = key(truth[i]);
    m.set(t, (m.get(t) ?? 0) + 1);
  }
  let hit = 0;
  for (const m of byCluster.values()) hit += Math.max(...m.values());
  return truth.length === 0 ? 1 : hit / truth.length;
}

export interface ClusteringScores {
  ari: number;
  nmi: number;
  purity: number;
}

export function scoreClustering(truth: readonly Label[], predicted: readonly Label[]): ClusteringScores {
  return { ari: adjustedRandIndex(truth, predicted), nmi: normalizedMutualInformation(truth, predicted), purity: purity(truth, predicted) };
}
