import { describe, expect, it } from 'vitest';
import { dedupKeys, MIN_WORDS_FOR_COPY, NEAR_SIMILARITY, similarity } from './dedup-text';
import { BANDS, bandKeys, minhash } from './minhash';

const shared = (a: number[] | null, b: number[] | null) => (a ?? []).filter((k) => (b ?? []).includes(k)).length;

describe('minhash', () => {
  it('is deterministic, gives 8 signed 32-bit band keys, equal sets equal keys', () => {
    const a = bandKeys(minhash(['доставка', 'опоздала', 'доставка опоздала']));
    expect(a).toHaveLength(BANDS);
    expect(bandKeys(minhash(['доставка опоздала', 'опоздала', 'доставка']))).toEqual(a);
    expect(a.every((k) => Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31)).toBe(true);
  });

  it('estimates Jaccard similarity: identical signatures agree everywhere, disjoint sets nowhere', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const other = Array.from({ length: 40 }, (_, i) => `v${i}`);
    const agree = (x: Uint32Array, y: Uint32Array) => x.filter((v, i) => v === y[i]).length;
    expect(agree(minhash(words), minhash(words))).toBe(16);
    expect(agree(minhash(words), minhash(other))).toBe(0);
    // Half the features shared (Jaccard 1/3): roughly a third of the 16 min-hashes agree.
    const half = [...words.slice(0, 20), ...other.slice(0, 20)];
    expect(agree(minhash(words), minhash(half))).toBeGreaterThanOrEqual(2);
    expect(agree(minhash(words), minhash(half))).toBeLessThanOrEqual(10);
  });
});

describe('dedupKeys', () => {
  const post = 'Курьер опоздал на три часа и даже не извинился, больше не закажу в @shop';

  it('recognises reposts and hashes their body like the original', () => {
    const rt = dedupKeys(`RT @angry_client: ${post}`);
    expect(rt.repostOf).toBe(post);
    expect(rt.textHash).toBe(dedupKeys(post).textHash);
    expect(dedupKeys(`Репост @user ${post}`).textHash).toBe(dedupKeys(post).textHash);
  });

  it('ignores case, ё, punctuation, links, handles and numbers when hashing', () => {
    const a = dedupKeys('Ещё раз: курьер опоздал на 3 часа!!! https://t.co/xyz @shop');
    const b = dedupKeys('еще раз курьер опоздал на 5 часа');
    expect(a.words).toEqual(['еще', 'раз', 'курьер', 'опоздал', 'на', 'часа']);
    expect(a.textHash).toBe(b.textHash);
  });

  it(`does not treat texts under ${MIN_WORDS_FOR_COPY} words as copies unless reposted`, () => {
    expect(dedupKeys('Спасибо большое!').textHash).toBeNull();
    expect(dedupKeys('Спасибо большое!').bands).toBeNull();
    expect(dedupKeys('RT @fan: Спасибо большое!').textHash).not.toBeNull();
  });

  it('finds lightly edited copies as candidates and confirms them; different complaints are neither', () => {
    const pairs: [string, string][] = [
      [post, 'Курьер опоздал на три часа и даже не извинился. Больше никогда не закажу'],
      [
        'Worst customer service ever, waited two hours on the phone and nobody answered',
        'Worst customer service ever!! waited 2 hours on the phone and nobody answered me',
      ],
      [
        'The delivery was late again and the pizza was cold when it arrived',
        'The delivery was late again and the pizza was cold when it finally arrived',
      ],
    ];
    for (const [a, b] of pairs) {
      const x = dedupKeys(a);
      const y = dedupKeys(b);
      expect(similarity(x.words, y.words)).toBeGreaterThanOrEqual(NEAR_SIMILARITY);
      expect(shared(x.bands, y.bands)).toBeGreaterThan(0);
    }
    const other = dedupKeys('Приложение вылетает при оплате картой, поддержка молчит уже неделю');
    expect(similarity(dedupKeys(post).words, other.words)).toBeLessThan(0.1);
    expect(shared(dedupKeys(post).bands, other.bands)).toBe(0);
  });
});
