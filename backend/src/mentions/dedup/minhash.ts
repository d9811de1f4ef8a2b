/**
 * MinHash with locality-sensitive banding, for finding near-identical texts by equality lookups:
 * 16 min-hashes in 8 bands of 2. Two texts whose feature sets have Jaccard similarity s share at
 * least one band with probability 1 − (1 − s²)⁸: 0.97 at s = 0.6, 0.75 at s = 0.4, 0.28 at s = 0.2.
 * Candidates found this way are confirmed by computing the similarity itself.
 */
const HASHES = 16;
const ROWS_PER_BAND = 2;
export const BANDS = HASHES / ROWS_PER_BAND;

const SEEDS = Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/** FNV-1a, 32-bit, seeded, with murmur3's final avalanche so short inputs mix well. */
export function hash32(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export function minhash(features: Iterable<string>): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  for (const feature of features) {
    const base = hash32(feature, 0);
    for (let i = 0; i < HASHES; i++) {
      // One string hash per feature, re-mixed per seed: 16× cheaper than hashing the string 16 times.
      let h = (base ^ SEEDS[i]) >>> 0;
      h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
      h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < signature[i]) signature[i] = h;
    }
  }
  return signature;
}

/** Band keys as signed 32-bit integers (PostgreSQL integer[]), each mixing in its band number. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    const text = `${band}:${signature[band * ROWS_PER_BAND]}:${signature[band * ROWS_PER_BAND + 1]}`;
    keys.push(hash32(text, 0x5bd1e995) | 0);
  }
  return keys;
}
