import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { notFound, TooManyRequestsError } from '../../common/http/api-error';
import type { BatchedRateLimiter } from '../../common/rate-limits/batched-rate-limiter';
import { SharedRateLimiters } from '../../common/rate-limits/shared-rate-limiters';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { resolvePublicPath } from './public-route';

/** A 429 with its Retry-After (the error mapping sends it), for the public API's per-IP and per-survey limits. */
export class RateLimitedError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, `Too many requests. Try again in ${retryAfterSeconds} s.`);
  }
}

/**
 * Limits the public survey edge per client IP and per survey, whichever runs out first, across all replicas: the
 * counters are shared in PostgreSQL and taken in batches (see BatchedRateLimiter for the bound), so the hot path
 * mostly costs no round trip.
 */
@Injectable()
export class PublicRateLimiter {
  private readonly perIp: BatchedRateLimiter;
  private readonly perSurvey: BatchedRateLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig, limiters: SharedRateLimiters) {
    this.perIp = limiters.batched({ keyPrefix: 'public-ip', points: config.publicLimitPerIpPerMinute, durationSeconds: 60 });
    this.perSurvey = limiters.batched({ keyPrefix: 'public-survey', points: config.publicLimitPerSurveyPerMinute, durationSeconds: 60 });
  }

  /** Throws RateLimitedError when the IP or the survey has used up its minute. */
  async consume(ip: string, publicKey: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
      await this.perSurvey.consume(publicKey);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  }
}

@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: PublicRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    // The key the controller gets must be the one the CORS check and the edge read from the raw path.
    const route = resolvePublicPath(req.originalUrl);
    if (!route || route.key !== req.params.publicKey) throw notFound('Route');
    // A RateLimitedError carries its Retry-After to the error filter.
    await this.limiter.consume(req.ip ?? 'unknown', route.key);
    return true;
  }
}
