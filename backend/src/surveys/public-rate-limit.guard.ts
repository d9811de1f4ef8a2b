import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from '../common/http/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Limits the public survey edge per client IP and per survey, whichever runs out first.
 * In memory per process (a shared store comes with multi-replica deployments).
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly perIp: RateLimiterMemory;
  private readonly perSurvey: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.perIp = new RateLimiterMemory({ keyPrefix: 'public-ip', points: config.publicLimitPerIpPerMinute, duration: 60 });
    this.perSurvey = new RateLimiterMemory({ keyPrefix: 'public-survey', points: config.publicLimitPerSurveyPerMinute, duration: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const key = String(req.params.publicKey ?? '');
    try {
      await this.perIp.consume(req.ip ?? 'unknown');
      await this.perSurvey.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      context.switchToHttp().getResponse().setHeader('Retry-After', String(seconds));
      throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'too_many_requests', `Too many requests. Try again in ${seconds} s.`);
    }
    return true;
  }
}
