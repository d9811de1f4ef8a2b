import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_OPTIONS, featureKeys, fitVocabulary, vectorize } from './features';
import { orthonormalize, gram, randomizedSvd, symmetricEigen } from './linalg';
import { normalizeRows } from './kmeans';
import { approximateKnn } from './knn';
import { graphFromEdges, louvain } from './louvain';
import { createRng } from './random';
import { csrFromRows } from './sparse';
import { analyze } from './tokenize';

describe('features', () => {
  it('makes stem, stem-bigram and character n-gram features', () => {
    const keys = featureKeys(analyze('Refunds delayed'), { ...DEFAULT_FEATURE_OPTIONS, charNgrams: [3, 3] });
    expect(keys.filter((k) => !k.startsWith('\u0001'))).toEqual(['refund', 'delai', 'refund delai']);
    expect(keys.filter((k) => k.startsWith('\u0001')).map((k) => k.slice(1))).toEqual([
      ' re',
      'ref',
      'efu',
      'fun',
      'und',
      'nds',
      'ds ',
      ' de',
      'del',
      'ela',
      'lay',
      'aye',
      'yed',
      'ed ',
    ]);
  });

  it('weights by sublinear TF-IDF with unit length, words and characters as equal blocks', () => {
    const options = { ...DEFAULT_FEATURE_OPTIONS, charNgrams: null, bigrams: false, minDf: 1, maxDfRatio: 1 };
    const docs = [
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'a', 'b'],
    ];
    const vocab = fitVocabulary(docs, options);
    expect([...vocab.index.keys()]).toEqual(['a', 'b', 'c']);
    // idf = ln((1+n)/(1+df)) + 1
    expect(vocab.idf[0]).toBeCloseTo(1, 12);
    expect(vocab.idf[1]).toBeCloseTo(Math.log(4 / 3) + 1, 12);
    const v = vectorize(['a', 'a', 'b'], vocab);
    const a = (1 + Math.log(2)) * 1;
    const b = Math.log(4 / 3) + 1;
    expect(Array.from(v.values)).toEqual([a / Math.hypot(a, b), b / Math.hypot(a, b)].map((x) => expect.closeTo(x, 12)));
    expect(vectorize(['unknown'], vocab).indices.length).toBe(0);
  });
});

describe('linear algebra', () => {
  it('finds eigenvalues of a symmetric matrix', () => {
    // [[2,1],[1,2]] has eigenvalues 3 and 1.
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(Array.from(values)).toEqual([expect.closeTo(3, 12), expect.closeTo(1, 12)]);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('orthonormalises a tall matrix', () => {
    const rng = createRng(1);
    const n = 200;
    const l = 12;
    const y = Float64Array.from({ length: n * l }, (_, i) => (rng() - 0.5) * (1 + (i % l) ** 2));
    const g = gram(orthonormalize(y, n, l), n, l);
    for (let i = 0; i < l; i++) for (let j = 0; j < l; j++) expect(g[i * l + j]).toBeCloseTo(i === j ? 1 : 0, 9);
  });

  it('recovers the singular values of a low-rank sparse matrix', () => {
    // Rows are multiples of two orthogonal patterns: singular values sqrt(Σ scale²) per pattern.
    const rows = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? { indices: Int32Array.from([0, 1]), values: Float64Array.from([1, 1]) }
        : { indices: Int32Array.from([2]), values: Float64Array.from([2]) },
    );
    const { projection } = randomizedSvd(csrFromRows(rows, 3), { k: 2, seed: 3 });
    expect(projection.singularValues[0]).toBeCloseTo(Math.sqrt(20 * 4), 9);
    expect(projection.singularValues[1]).toBeCloseTo(Math.sqrt(20 * 2), 9);
  });
});

describe('louvain', () => {
  it('finds two cliques joined by one weak edge, whatever the seed', () => {
    const from: number[] = [];
    const to: number[] = [];
    const w: number[] = [];
    for (const base of [0, 5]) {
      for (let i = 0; i < 5; i++) {
        for (let j = i + 1; j < 5; j++) {
          from.push(base + i);
          to.push(base + j);
          w.push(1);
        }
      }
    }
    from.push(4);
    to.push(5);
    w.push(0.1);
    const g = graphFromEdges(10, Int32Array.from(from), Int32Array.from(to), Float64Array.from(w));
    for (const seed of [1, 2, 3]) {
      const { community, count } = louvain(g, { seed });
      expect(count).toBe(2);
      expect(new Set(community.slice(0, 5)).size).toBe(1);
      expect(new Set(community.slice(5)).size).toBe(1);
      expect(community[0]).not.toBe(community[9]);
    }
  });
});

describe('approximateKnn', () => {
  const n = 240;
  const dim = 6;
  const rng = createRng(5);
  // Six tight groups around the axes, plus noise.
  const x = normalizeRows(
    Float64Array.from({ length: n * dim }, (_, i) => (Math.floor(i / dim) % dim === i % dim ? 1 : 0) + (rng() - 0.5) * 0.6),
    n,
    dim,
  );
  const exact = (i: number, k: number): number[] => {
    const sims = Array.from({ length: n }, (_, j) => ({
      j,
      s: j === i ? -Infinity : x.slice(i * dim, i * dim + dim).reduce((acc, v, q) => acc + v * x[j * dim + q], 0),
    }));
    return sims
      .sort((a, b) => b.s - a.s || a.j - b.j)
      .slice(0, k)
      .map((e) => e.j);
  };

  it('equals the exact search when every bucket is probed', () => {
    const knn = approximateKnn(x, n, dim, 5, { seed: 1, buckets: 8, probes: 8 });
    for (let i = 0; i < n; i += 17) expect(new Set(knn.neighbors.slice(i * 5, i * 5 + 5))).toEqual(new Set(exact(i, 5)));
  });

  it('finds nearly all true neighbours with the default probes', () => {
    const knn = approximateKnn(x, n, dim, 5, { seed: 1 });
    let found = 0;
    for (let i = 0; i < n; i++) {
      const truth = new Set(exact(i, 5));
      for (const j of knn.neighbors.slice(i * 5, i * 5 + 5)) if (truth.has(j)) found++;
    }
    expect(found / (n * 5)).toBeGreaterThan(0.9);
  });
});
