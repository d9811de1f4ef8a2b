import { describe, expect, it } from 'vitest';
import { baselineClusters, plainTfidf, sparseKMeans } from './baseline';
import { adjustedRandIndex } from './metrics';

/** Dense view of the TF-IDF rows, rounded like the reference figures. */
function dense(texts: string[], options?: Parameters<typeof plainTfidf>[1]): number[][] {
  const { rows, dim } = plainTfidf(texts, options);
  return rows.map((r) => {
    const out = new Array<number>(dim).fill(0);
    r.indices.forEach((col, p) => (out[col] = Math.round(r.values[p] * 1e6) / 1e6));
    return out;
  });
}

describe('plain TF-IDF (scikit-learn TfidfVectorizer defaults)', () => {
  it('gives the same matrix as scikit-learn 1.2.1 on a small corpus', () => {
    // Reference: TfidfVectorizer().fit_transform(texts).toarray().round(6); vocabulary 42 cat dog down sat the ёж ёлка_2.
    expect(dense(['The cat sat', 'the dog sat down', 'a cat', 'Ёлка_2 и ёж 42'])).toEqual([
      [0, 0.57735, 0, 0, 0.57735, 0.57735, 0, 0],
      [0, 0, 0.555283, 0.555283, 0.437791, 0.437791, 0, 0],
      [0, 1, 0, 0, 0, 0, 0, 0],
      [0.57735, 0, 0, 0, 0, 0, 0.57735, 0.57735],
    ]);
  });

  it("builds character n-grams inside padded words as scikit-learn's char_wb analyzer does", () => {
    // scikit-learn: build_analyzer() of TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5)) on 'Ab  xyz!' gives
    // 20 n-grams, 'ab' words shorter than n counted once (' ab ' for n = 4 and 5).
    const { dim } = plainTfidf(['Ab  xyz!'], { analyzer: 'char_wb', ngramRange: [2, 5] });
    expect(dim).toBe(20);
  });
});

describe('sparse k-means (scikit-learn KMeans: k-means++, n_init, Lloyd)', () => {
  const groups = ['card payment declined at the shop', 'refund for returned parcel not received', 'courier late with the delivery'];
  const texts = groups.flatMap((g, gi) =>
    Array.from({ length: 8 }, (_, i) => `${g} ${['today', 'again', 'twice', 'still'][i % 4]} ${gi}${i}`),
  );
  const truth = groups.flatMap((_, gi) => Array.from({ length: 8 }, () => gi));

  it('recovers well-separated groups when given their number', () => {
    expect(adjustedRandIndex(truth, Array.from(baselineClusters(texts, 3, 7)))).toBe(1);
  });

  it('keeps the start with the lowest inertia, never worse than its first start alone', () => {
    const { rows, dim } = plainTfidf(texts);
    for (const seed of [1, 2, 3]) {
      const one = sparseKMeans(rows, dim, 5, { seed, nInit: 1 });
      const ten = sparseKMeans(rows, dim, 5, { seed, nInit: 10 });
      expect(ten.inertia).toBeLessThanOrEqual(one.inertia + 1e-12);
      expect(new Set(ten.assignment).size).toBe(5);
    }
  });

  it('is deterministic for a seed and caps k at the number of texts', () => {
    expect(Array.from(baselineClusters(texts, 4, 11))).toEqual(Array.from(baselineClusters(texts, 4, 11)));
    expect(new Set(baselineClusters(texts.slice(0, 3), 10, 1)).size).toBe(3);
    expect(baselineClusters([], 3)).toHaveLength(0);
  });
});
