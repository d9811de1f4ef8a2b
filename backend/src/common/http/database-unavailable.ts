import type { ErrorBody } from './api-error';

/** PostgreSQL connection-class and shutdown SQLSTATEs, and the socket errors of a database going away. */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
]);
const MESSAGES =
  /Connection terminated|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error/i;

/**
 * Whether an error means "the database is away for now" (restart, failover, network) rather than a bug:
 * such requests get 503 with Retry-After, so widgets and integrations retry instead of giving up.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; driverError?: unknown } | undefined, depth = 0; e && depth < 3; depth++) {
    if (typeof e.code === 'string' && CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    e = e.driverError as typeof e;
  }
  return false;
}

export const RETRY_AFTER_SECONDS = 5;

export function databaseUnavailableBody(requestId: string): ErrorBody {
  return {
    error: {
      status: 503,
      code: 'database_unavailable',
      message: 'The database is unavailable for a moment. Please retry shortly; nothing was stored.',
      requestId,
    },
  };
}
