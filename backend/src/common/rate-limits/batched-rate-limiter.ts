import { RateLimiterRes, type RateLimiterStoreAbstract } from 'rate-limiter-flexible';

/** Local state of one key: points granted to this process and not spent yet, until the shared window ends. */
interface Held {
  left: number;
  /** Epoch ms of the shared window's end; nothing held outlives it. */
  until: number;
  /** The shared counter is spent: refuse locally until the window ends. */
  spent: boolean;
}

/** Keys held at once; past this the map starts over (held points are forgotten: fewer requests pass, never more). */
const MAX_KEYS = 20_000;

/**
 * A shared fixed-window limit spent in batches. A process that runs out for a key adds `batch` points to the shared
 * counter in one upsert (one at a time per key: callers arriving meanwhile wait for it) and keeps the part that fell
 * below the limit; once the shared counter is spent, the key is refused locally until the window ends (no database
 * traffic from a flood). Every grant is the part of one atomic increment below the limit, so all replicas together
 * never pass more than `points` per window; a replica strands at most `batch - 1` granted points per key and window,
 * so the limit a client meets is between `points - replicas × (batch - 1)` and `points`.
 */
export class BatchedRateLimiter {
  private readonly held = new Map<string, Held>();
  private readonly refilling = new Map<string, Promise<void>>();

  constructor(
    private readonly shared: RateLimiterStoreAbstract,
    readonly batch: number,
  ) {}

  /** Spends one point; rejects with a RateLimiterRes (its msBeforeNext says when to retry) when the key is spent. */
  async consume(key: string): Promise<void> {
    for (;;) {
      const now = Date.now();
      const mine = this.held.get(key);
      if (mine && mine.until > now) {
        if (mine.left > 0) {
          mine.left -= 1;
          return;
        }
        if (mine.spent) throw refused(mine.until - now);
      }
      let refill = this.refilling.get(key);
      if (!refill) {
        refill = this.refill(key).finally(() => this.refilling.delete(key));
        this.refilling.set(key, refill);
      }
      await refill;
    }
  }

  private async refill(key: string): Promise<void> {
    const state = await this.shared.penalty(key, this.batch);
    const before = state.consumedPoints - this.batch;
    const granted = Math.max(0, Math.min(this.batch, this.shared.points - before));
    if (this.held.size >= MAX_KEYS) this.held.clear();
    this.held.set(key, { left: granted, until: Date.now() + state.msBeforeNext, spent: granted === 0 });
  }
}

function refused(msBeforeNext: number): RateLimiterRes {
  return new RateLimiterRes(0, Math.max(0, msBeforeNext));
}
