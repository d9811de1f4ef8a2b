import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';

/**
 * Brute-force limits for sign-in routes (the only routes that use ThrottlerGuard so far):
 * per client IP, and per target account whatever the IP, so a botnet cannot spray one account.
 */
export function loginThrottlers(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'ip', ttl: 60_000, limit: config.loginLimitPerIpPerMinute },
      {
        name: 'account',
        ttl: 15 * 60_000,
        limit: config.loginLimitPerAccountPer15Minutes,
        getTracker: (req) => {
          const body = req.body as { email?: unknown; token?: unknown } | undefined;
          const key = typeof body?.email === 'string' ? body.email : typeof body?.token === 'string' ? body.token : '';
          return `account:${key.trim().toLowerCase().slice(0, 254)}`;
        },
      },
    ],
    errorMessage: 'Too many attempts. Please wait a little and try again.',
  };
}
