import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, apiErrorFromResponse, toApiError } from './errors';

export { ApiError } from './errors';

/** Hooks the rest of the app plugs in (kept here to avoid import cycles). */
interface ClientHooks {
  /** CSRF token of the current session, sent on every non-GET request. */
  csrfToken: () => string | null;
  /** UI language, sent as Accept-Language so the server may localise messages. */
  locale: () => string;
  /** Called when a request outside /auth/ comes back 401 (session expired). */
  onUnauthorized: () => void;
}

const hooks: ClientHooks = {
  csrfToken: () => null,
  locale: () => 'en',
  onUnauthorized: () => {},
};

export function configureApiClient(next: Partial<ClientHooks>): void {
  Object.assign(hooks, next);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json');
    request.headers.set('Accept-Language', hooks.locale());
    if (!SAFE_METHODS.has(request.method.toUpperCase())) {
      const token = hooks.csrfToken();
      if (token) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) return undefined;
    const error = await apiErrorFromResponse(response);
    if (error.status === 401 && !new URL(request.url).pathname.startsWith('/api/v1/auth/')) {
      hooks.onUnauthorized();
    }
    throw error;
  },
  onError({ error }) {
    return toApiError(error);
  },
};

/**
 * Typed client for the Otklik API. Every non-2xx response rejects with an
 * {@link ApiError}, so a resolved call always carries the success body.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionMiddleware);

/**
 * Returns the success body of an openapi-fetch call. Errors never reach here
 * (the middleware throws), but this keeps the types honest.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  try {
    const result = await call;
    if (!result.response.ok) throw await apiErrorFromResponse(result.response);
    return result.data as T;
  } catch (error) {
    throw toApiError(error);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
