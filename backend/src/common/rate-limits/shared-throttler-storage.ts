import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { SharedRateLimiters } from './shared-rate-limiters';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's storage in the shared table, so the per-IP sign-in limit is one count across replicas. A hit
 * over the limit is refused until the window ends (the window is the block: the throttlers here set no blockDuration).
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  private readonly byWindow = new Map<string, RateLimiterPostgres>();

  constructor(private readonly limiters: SharedRateLimiters) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const state = await this.limiter(throttlerName, ttl, limit).penalty(key, 1);
    const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    const isBlocked = state.consumedPoints > limit;
    return { totalHits: state.consumedPoints, timeToExpire: seconds, isBlocked, timeToBlockExpire: isBlocked ? seconds : 0 };
  }

  private limiter(throttlerName: string, ttlMs: number, limit: number): RateLimiterPostgres {
    const id = `${throttlerName}:${ttlMs}`;
    let limiter = this.byWindow.get(id);
    if (!limiter) {
      limiter = this.limiters.exact({ keyPrefix: `throttle-${id}`, points: limit, durationSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) });
      this.byWindow.set(id, limiter);
    }
    return limiter;
  }
}
