import { describe, expect, it } from 'vitest';
import { PartCache } from './part-cache';

describe('PartCache', () => {
  it('shares one computation among concurrent callers and reuses it until the bound', async () => {
    const cache = new PartCache(1_000);
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([cache.get('k', compute, 0), cache.get('k', compute, 10)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await cache.get('k', compute, 999)).toBe(1);
    expect(await cache.get('k', compute, 1_000)).toBe(2); // past the bound: computed again
    expect(await cache.get('other', compute, 1_000)).toBe(3); // keys are separate
  });

  it('forgets a failed computation at once', async () => {
    const cache = new PartCache(1_000);
    await expect(cache.get('k', () => Promise.reject(new Error('db down')), 0)).rejects.toThrow('db down');
    expect(await cache.get('k', async () => 'ok', 1)).toBe('ok');
  });
});
