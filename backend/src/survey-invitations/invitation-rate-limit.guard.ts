import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { PublicRateLimiter } from '../web/public-write/public-rate-limit.guard';

/** The public invitation links share the widget API's per-IP limit (and one bucket for all invitations). */
@Injectable()
export class InvitationRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: PublicRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    await this.limiter.consume(req.ip ?? 'unknown', 'survey-invitations');
    return true;
  }
}
