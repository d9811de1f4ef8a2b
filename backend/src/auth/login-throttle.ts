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
 * Exact across replicas: every failure is one upsert of the account's row in the shared table.
 */
@Injectable()
export class AccountLoginLimiter {
  private readonly failures: RateLimiterPostgres;

  constructor(@Inject(APP_CONFIG) config: AppConfig, limiters: SharedRateLimiters) {
    this.failures = limiters.exact({
      keyPrefix: 'login-fail',
      points: config.loginLimitPerAccountPer15Minutes,
      durationSeconds: ACCOUNT_WINDOW_SECONDS,
    });
  }

  /** Hashed: the shared table holds no email addresses, and any account name fits its key column. */
  private key(account: string): string {
    return sha256Hex(account.trim().toLowerCase());
  }

  /** Throws 429 when the account has used up its failed attempts. */
  async assertAllowed(account: string): Promise<void> {
    const state = await this.failures.get(this.key(account));
    if (state && state.consumedPoints >= this.failures.points) throw this.tooMany(state);
  }

  async recordFailure(account: string): Promise<void> {
    await this.failures.penalty(this.key(account), 1);
  }

  async recordSuccess(account: string): Promise<void> {
    await this.failures.delete(this.key(account));
  }

  private tooMany(state: RateLimiterRes): TooManyRequestsError {
    const minutes = Math.max(1, Math.ceil(state.msBeforeNext / 60_000));
    return new TooManyRequestsError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)), `${TOO_MANY} (about ${minutes} min)`);
  }
}
