import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  error: {
    status: number;
    code: string;
    message: string;
    details?: FieldError[];
    requestId: string;
  };
}

/** An HTTP error with a stable machine code and a message a person understands. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: FieldError[],
  ) {
    super({ code, message, details }, status);
  }
}

/** 429 that tells the client when to come back: the error filter sends `retryAfterSeconds` as Retry-After. */
export class TooManyRequestsError extends ApiError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'too_many_requests', message);
  }
}

export const notFound = (what = 'Resource') => new ApiError(HttpStatus.NOT_FOUND, 'not_found', `${what} not found`);
export const forbidden = (message: string) => new ApiError(HttpStatus.FORBIDDEN, 'forbidden', message);
export const conflict = (code: string, message: string) => new ApiError(HttpStatus.CONFLICT, code, message);
export const unauthenticated = (message = 'Please sign in') => new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', message);

/**
 * A write that repeats an idempotency key started by another respondent or customer: it changes nothing.
 * Keys are client-made and travel in pages and logs, so knowing one must not let anyone take the record over.
 */
export const idempotencyKeyTaken = (what: string) =>
  new ApiError(
    HttpStatus.CONFLICT,
    'idempotency_key_conflict',
    `This idempotency key belongs to another respondent's or customer's ${what}; nothing was changed. Send a new key for every new ${what}.`,
  );
