import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { sha256Hex } from '../common/crypto/secrets';
import { TooManyRequestsError } from '../common/http/api-error';
import { SharedRateLimiters } from '../common/rate-limits/shared-rate-limiters';
import { SharedThrottlerStorage } from '../common/rate-limits/shared-throttler-storage';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const TOO_MANY = 'Too many attempts. Please wait a little and try again.';
const ACCOUNT_WINDOW_SECONDS = 15 * 60;

/**
 * Per-IP limit on sign-in routes (the only routes using ThrottlerGuard so far): every attempt counts, on whichever
 * replica (the counts are in PostgreSQL). Named `default` because the throttler suffixes other names to its headers
 * (`Retry-After-ip`), and clients only understand the standard `Retry-After`.
 */
export function loginThrottlers(config: AppConfig, limiters: SharedRateLimiters): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'default', ttl: 60_000, limit: config.loginLimitPerIpPerMinute }],
    errorMessage: TOO_MANY,
    storage: new SharedThrottlerStorage(limiters),
  };
}

/**
 * Per-account limit on failed sign-ins, whatever the IP, so a botnet cannot spray one account;
 * a success clears the count, so people who sign in often are never locked out.
 * Exact across replicas and under concurrency: each attempt is counted by one upsert of the account's row in the shared
 * table *before* the password is checked (a read of the count first would let parallel guesses all pass it), so no
 * more than the limit ever reach the password check within a window.
 */
@Injectable()
export class AccountLoginLimiter {
  private readonly attempts: RateLimiterPostgres;

  constructor(@Inject(APP_CONFIG) config: AppConfig, limiters: SharedRateLimiters) {
    this.attempts = limiters.exact({
      keyPrefix: 'login-fail',
      points: config.loginLimitPerAccountPer15Minutes,
      durationSeconds: ACCOUNT_WINDOW_SECONDS,
    });
  }

  /** Hashed: the shared table holds no email addresses, and any account name fits its key column. */
  private key(account: string): string {
    return sha256Hex(account.trim().toLowerCase());
  }

  /**
   * Counts one attempt on the account, then throws 429 when it is past the limit. A wrong password keeps the point;
   * refused attempts count too (the window does not grow: it ends where its first attempt put it).
   */
  async countAttempt(account: string): Promise<void> {
    const state = await this.attempts.penalty(this.key(account), 1);
    if (state.consumedPoints > this.attempts.points) throw this.tooMany(state);
  }

  /** The right password: the account's count starts over, this attempt included. */
  async recordSuccess(account: string): Promise<void> {
    await this.attempts.delete(this.key(account));
  }

  private tooMany(state: RateLimiterRes): TooManyRequestsError {
    const minutes = Math.max(1, Math.ceil(state.msBeforeNext / 60_000));
    return new TooManyRequestsError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)), `${TOO_MANY} (about ${minutes} min)`);
  }
}
