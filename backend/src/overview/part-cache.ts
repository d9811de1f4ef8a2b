/**
 * How long a computed part of the overview is reused: the staleness bound of the home page. Its parts run the
 * linked pages' own reports (all customers' activity for the sleeping list, every cluster's weekly counts, …), about
 * half a second together on the demo workspace with this machine's two cores; the page is opened often and by many
 * people. Within this bound a page linked from a tile may already show newer figures than the tile.
 */
export const OVERVIEW_CACHE_MS = 15_000;
const MAX_ENTRIES = 2_000;

/**
 * Per workspace, part and filter: the promise of the part's figures, shared by concurrent callers (one computation
 * for a burst of requests) and reused for OVERVIEW_CACHE_MS. A failed computation is forgotten at once.
 */
export class PartCache {
  private readonly entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>();

  constructor(private readonly ttlMs = OVERVIEW_CACHE_MS) {}

  get<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
    // Bounded memory: expired entries go first; if the cache is still full, it starts over.
    if (this.entries.size >= MAX_ENTRIES) {
      for (const [k, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(k);
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    }
    const value = compute();
    this.entries.set(key, { expiresAt: now + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
