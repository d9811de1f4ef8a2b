import { applyDecorators, CanActivate, ExecutionContext, HttpStatus, Inject, Injectable, UseGuards } from '@nestjs/common';
import { ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { Public } from '../common/auth/access.decorators';
import { ApiError } from '../common/http/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Unauthenticated auth writes (sign-in, account creation, password reset) have no session and so no CSRF token.
 * A foreign page can still post an HTML form to them (login CSRF: the victim ends up signed in as the attacker).
 * Forms cannot send `application/json`, and browsers send Origin on cross-site POSTs, so: JSON only (415
 * otherwise), and an Origin, when present, must be PUBLIC_URL's or this server's own host (403 otherwise).
 */
@Injectable()
export class SignInRequestGuard implements CanActivate {
  private readonly publicOrigin: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.publicOrigin = new URL(config.publicUrl).origin;
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.is('application/json') !== 'application/json') {
      throw new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported_media_type',
        'Send this request as JSON (Content-Type: application/json).',
      );
    }
    const origin = req.header('origin');
    if (origin !== undefined && !this.isOwnOrigin(origin, req.header('host'))) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'origin_refused', 'This request came from another site and was refused.');
    }
    return true;
  }

  private isOwnOrigin(origin: string, host: string | undefined): boolean {
    if (origin === this.publicOrigin) return true;
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && host !== undefined && url.host === host.toLowerCase();
    } catch {
      return false; // includes "null" (sandboxed frames, file: pages)
    }
  }
}

/** No session needed; per-IP throttle; JSON from this site only. */
export const SignInRequest = () =>
  applyDecorators(
    Public(),
    UseGuards(ThrottlerGuard, SignInRequestGuard),
    ApiUnsupportedMediaTypeResponse({ description: 'Only application/json is accepted' }),
  );
