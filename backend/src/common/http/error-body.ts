import { HttpException, HttpStatus } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { type ErrorBody, type FieldError, TooManyRequestsError } from './api-error';
import { databaseUnavailableBody, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-unavailable';
import { UNSTORABLE_TEXT_MESSAGE } from './json-depth';

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
};

/**
 * The one mapping from a thrown error to the error shape, shared by the Nest error filter and the public-write
 * pipeline (which answers outside Nest on the ingest edge): the same error gives the same status and body.
 */
export function errorBody(exception: unknown, requestId: string): ErrorBody {
  if (exception instanceof ThrottlerException) {
    return {
      error: { status: 429, code: 'too_many_requests', message: 'Too many attempts. Please wait a little and try again.', requestId },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const payload = (typeof response === 'object' && response !== null ? response : { message: response }) as {
      code?: string;
      message?: string | string[];
      details?: FieldError[];
    };
    const message = Array.isArray(payload.message) ? payload.message.join('; ') : payload.message;
    return {
      error: {
        status,
        code: payload.code ?? CODES[status] ?? (status >= 500 ? 'internal_error' : 'error'),
        message: message ?? exception.message,
        ...(payload.details ? { details: payload.details } : {}),
        requestId,
      },
    };
  }
  if (isDatabaseUnavailable(exception)) return databaseUnavailableBody(requestId);
  // Errors from Express middleware (body parser) carry an HTTP status and a type.
  const raw = exception as { status?: number; statusCode?: number; type?: string; limit?: number };
  const status = raw?.status ?? raw?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { error: { status, code: CODES[status] ?? 'bad_request', message: middlewareMessage(raw), requestId } };
  }
  return {
    error: {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal_error',
      message: 'Something went wrong on our side. Please try again; if it keeps happening, quote the request id.',
      requestId,
    },
  };
}

/** The Retry-After (seconds) an error answer carries, if any: a 503 (database away) or a 429 that knows its wait. */
export function retryAfterOf(exception: unknown, body: ErrorBody): number | undefined {
  if (exception instanceof TooManyRequestsError) return exception.retryAfterSeconds;
  if (body.error.status === 503) return RETRY_AFTER_SECONDS;
  return undefined;
}

/** Whether an answer is our fault, so it is logged with its error. */
export const isServerFault = (body: ErrorBody): boolean => body.error.status > 503 || body.error.status === 500;

function middlewareMessage(error: { type?: string; limit?: number }): string {
  switch (error.type) {
    case 'entity.too.large':
      return `The request body is too large (limit ${error.limit} bytes).`;
    case 'entity.parse.failed':
      return 'The request body is not valid JSON.';
    case 'entity.unstorable.text':
      return UNSTORABLE_TEXT_MESSAGE;
    case 'entity.too.deep':
      return `The request body nests too deeply (limit ${error.limit} levels).`;
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return 'The request body must be UTF-8.';
    default:
      return 'The request could not be read.';
  }
}
