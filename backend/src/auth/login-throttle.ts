import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../common/http/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const TOO_MANY = 'Too many attempts. Please wait a little and try again.';
const ACCOUNT_WINDOW_SECONDS = 15 * 60;

/**
 * Per-IP limit on sign-in routes (the only routes using ThrottlerGuard so far): every attempt counts.
 * Named `default` because the throttler suffixes other names to its headers (`Retry-After-ip`), and clients
 * only understand the standard `Retry-After`.
 */
export function loginThrottlers(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'default', ttl: 60_000, limit: config.loginLimitPerIpPerMinute }],
    errorMessage: TOO_MANY,
  };
}

/**
 * Per-account limit on failed sign-ins, whatever the IP, so a botnet cannot spray one account;
 * a success clears the count, so people who sign in often are never locked out.
 * In memory per process for now; a shared store comes with multi-replica deployments.
 */
@Injectable()
export class AccountLoginLimiter {
  private readonly failures: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.failures = new RateLimiterMemory({
      keyPrefix: 'login-fail',
      points: config.loginLimitPerAccountPer15Minutes,
      duration: ACCOUNT_WINDOW_SECONDS,
    });
  }

  private key(account: string): string {
    return account.trim().toLowerCase();
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
