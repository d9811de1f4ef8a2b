import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { AppRequest } from '../auth/principal';
import { errorBody, isServerFault, retryAfterOf } from './error-body';

/** Turns every error into the one JSON shape (error-body.ts); never leaks internals on 5xx. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AppRequest>();
    const res = ctx.getResponse<Response>();
    const body = errorBody(exception, String(req.id ?? ''));
    const retryAfter = retryAfterOf(exception, body);
    if (retryAfter !== undefined && !res.headersSent) res.setHeader('Retry-After', String(retryAfter));
    if (isServerFault(body)) this.logger.error({ err: exception, requestId: req.id }, 'Unhandled error');
    if (res.headersSent) return;
    res.status(body.error.status).json(body);
  }
}
