import { describe, expect, it } from 'vitest';
import { rerankWithSparse, type KnnGraph } from './knn';
import { sparseDot, type SparseVector } from './sparse';

const vec = (indices: number[], values: number[]): SparseVector => ({
  indices: Int32Array.from(indices),
  values: Float64Array.from(values),
});

describe('sparseDot', () => {
  it('multiplies only the shared columns', () => {
    expect(sparseDot(vec([0, 2, 5], [1, 2, 3]), vec([2, 3, 5], [4, 5, 6]))).toBe(2 * 4 + 3 * 6);
    expect(sparseDot(vec([1], [1]), vec([2], [1]))).toBe(0);
  });
});

describe('rerankWithSparse', () => {
  it('lets the exact TF-IDF cosine reorder LSA candidates that look alike', () => {
    // Node 0's candidates 1 and 2 tie in LSA space, but only node 2 shares its words.
    const rows = [vec([0, 1], [Math.SQRT1_2, Math.SQRT1_2]), vec([5], [1]), vec([0, 1], [Math.SQRT1_2, Math.SQRT1_2])];
    const candidates: KnnGraph = {
      k: 2,
      neighbors: Int32Array.from([1, 2, 0, 2, 0, 1]),
      similarities: Float64Array.from([0.8, 0.8, 0.8, 0.5, 0.8, 0.5]),
    };
    const knn = rerankWithSparse(candidates, rows, 1, 0.5);
    expect(knn.k).toBe(1);
    expect(Array.from(knn.neighbors)).toEqual([2, 0, 0]);
    expect(knn.similarities[0]).toBeCloseTo(0.5 * 0.8 + 0.5 * 1, 10);
  });

  it('keeps the LSA order when the lexical weight is zero', () => {
    const rows = [vec([0], [1]), vec([1], [1]), vec([0], [1])];
    const candidates: KnnGraph = {
      k: 2,
      neighbors: Int32Array.from([1, 2, 0, 2, 0, 1]),
      similarities: Float64Array.from([0.9, 0.7, 0.9, 0.1, 0.7, 0.1]),
    };
    expect(Array.from(rerankWithSparse(candidates, rows, 2, 0).neighbors)).toEqual([1, 2, 0, 2, 0, 1]);
  });
});
