/** One field-level problem reported by a validation error. */
export interface ApiErrorDetail {
  field: string;
  message: string;
}

/** Codes the UI reacts to specifically; the server may send others. */
export type KnownErrorCode =
  | 'validation_failed'
  | 'invalid_credentials'
  | 'too_many_requests'
  | 'csrf_invalid'
  | 'last_admin'
  | 'not_found'
  | 'network_error'
  | 'unknown_error';

/**
 * Every failed API call rejects with an ApiError, built from the server's
 * `{ error: { status, code, message, details?, requestId } }` envelope.
 * Network failures use status 0 and code `network_error`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: KnownErrorCode | (string & {});
  readonly details?: ApiErrorDetail[];
  readonly requestId: string;

  constructor(init: { status: number; code: string; message: string; details?: ApiErrorDetail[]; requestId?: string }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId ?? '';
  }

  /** The message for one form field, if the server reported one. */
  fieldMessage(field: string): string | undefined {
    return this.details?.find((d) => d.field === field)?.message;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseDetails(value: unknown): ApiErrorDetail[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const details = value.filter(isRecord).map((d) => ({ field: String(d.field ?? ''), message: String(d.message ?? '') }));
  return details.length > 0 ? details : undefined;
}

/** Builds an ApiError from a non-2xx response, tolerating unexpected bodies. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    const text = await response.clone().text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  return new ApiError({
    status: typeof envelope?.status === 'number' ? envelope.status : response.status,
    code: typeof envelope?.code === 'string' ? envelope.code : 'unknown_error',
    message:
      typeof envelope?.message === 'string' && envelope.message ? envelope.message : response.statusText || `HTTP ${response.status}`,
    details: parseDetails(envelope?.details),
    requestId: (typeof envelope?.requestId === 'string' ? envelope.requestId : undefined) ?? response.headers.get('x-request-id') ?? '',
  });
}

/** Normalises anything thrown by an API call into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    status: 0,
    code: 'network_error',
    message: error instanceof Error ? error.message : String(error),
  });
}
