import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The request's Accept-Language header, optional and not a documented parameter (the dashboard sends its UI
 * language there on every call; `@Headers()` would make the generated SDK demand it).
 */
export const AcceptLanguage = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined => ctx.switchToHttp().getRequest<Request>().headers['accept-language'],
);
