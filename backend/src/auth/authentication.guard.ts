import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTokensService } from '../api-tokens/api-tokens.service';
import { PUBLIC_KEY } from '../common/auth/access.decorators';
import type { AppRequest } from '../common/auth/principal';
import { safeEqual } from '../common/crypto/secrets';
import { ApiError, unauthenticated } from '../common/http/api-error';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Establishes who is calling: an API token (Authorization: Bearer) or a dashboard session cookie.
 * Cookie-authenticated writes must echo the session's CSRF token in X-CSRF-Token
 * (synchronizer-token pattern; the token lives with the session in the database).
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<AppRequest>();

    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, value] = authorization.split(' ', 2);
      const principal = scheme?.toLowerCase() === 'bearer' && value ? await this.apiTokens.authenticate(value.trim()) : null;
      if (!principal) {
        throw new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_token', 'The API token is invalid, expired or revoked.');
      }
      req.principal = principal;
      return true;
    }

    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const principal = cookie ? await this.sessions.authenticate(cookie) : null;
    if (!principal) throw unauthenticated(cookie ? 'Your session has expired. Please sign in again.' : 'Please sign in.');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.header(CSRF_HEADER);
      if (!sent || !safeEqual(sent, principal.csrfToken)) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'csrf_invalid', 'Missing or wrong X-CSRF-Token header. Reload the page and try again.');
      }
    }
    req.principal = principal;
    return true;
  }
}
