import type { IncomingMessage } from 'node:http';
import { posix } from 'node:path';
import { notFound } from '../../common/http/api-error';

/**
 * The one reading of a public (unauthenticated, widget-facing) API path: which route it is and which public
 * key it names. The router guard, the CORS check and the ingest edge all call it on the raw request path, so
 * none of them can see another key than the others. Only the exact shape is a route: lower-case literals, a
 * plain key (no percent-encoding), no double or trailing slash, no dot segments. Anything else that still
 * points under /api/v1/public once decoded and normalised is refused with 404 before its body is read.
 */
export const PUBLIC_PREFIX = '/api/v1/public';

export type PublicRoute =
  | { target: 'survey'; key: string; action: 'config' | 'displays' | 'responses' }
  | { target: 'cancellation-flow'; key: string; action: 'config' | 'submissions' };

// Keys are `srv_`/`cxl_` + base62 today; the shape stays a little wider for keys minted by older versions.
const ROUTE = /^\/api\/v1\/public\/(surveys|cancellation-flows)\/([\w-]{1,32})(?:\/(displays|responses|submissions))?$/;

/**
 * A survey invitation's links (survey-invitations/): the token, then nothing, a score or unsubscribe. Exact shapes
 * only; they are served by their own controller like any API route (no CORS: only the link page and mail clients call them).
 */
const INVITATION_ROUTE = /^\/api\/v1\/public\/invitations\/[\w-]{1,64}(?:\/score\/\d{1,2}|\/unsubscribe)?$/;

/** A marketing email's unsubscribe link (win-back/): its 43-character token, nothing else. */
const MARKETING_UNSUBSCRIBE_ROUTE = /^\/api\/v1\/public\/marketing\/unsubscribe\/[\w-]{43}$/;

const pathOf = (url: string): string => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/** The route a raw request URL (path and query, as sent) names, or null when it is not exactly one. */
export function resolvePublicPath(url: string): PublicRoute | null {
  const match = ROUTE.exec(pathOf(url));
  if (!match) return null;
  const [, kind, key, action] = match;
  if (kind === 'surveys') {
    if (action === 'submissions') return null;
    return { target: 'survey', key, action: (action as 'displays' | 'responses' | undefined) ?? 'config' };
  }
  if (action === 'displays' || action === 'responses') return null;
  return { target: 'cancellation-flow', key, action: (action as 'submissions' | undefined) ?? 'config' };
}

/**
 * Whether a raw request URL points into the public API in any spelling a router, proxy or browser might
 * treat as the same place (letter case, percent-encoding, repeated slashes, dot segments, backslashes,
 * absolute-form targets).
 */
export function inPublicArea(url: string): boolean {
  // An absolute-form target (`POST http://host/api/…`) names the same path to Express.
  let path = pathOf(url).replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed escapes: judge the raw text.
  }
  const normalised = posix.normalize(path.replace(/\\/g, '/').toLowerCase());
  return normalised === PUBLIC_PREFIX || normalised.startsWith(`${PUBLIC_PREFIX}/`);
}

/** Both at once: the route, null for a shape that is refused, or undefined when the URL is not public at all. */
export function classifyPublicPath(url: string): PublicRoute | null | undefined {
  // The common cases (exact routes, and the rest of the API) cost one regular expression or a prefix test.
  const route = resolvePublicPath(url);
  if (route) return route;
  if (INVITATION_ROUTE.test(pathOf(url)) || MARKETING_UNSUBSCRIBE_ROUTE.test(pathOf(url))) return undefined;
  return inPublicArea(url) ? null : undefined;
}

/**
 * Express middleware, installed before the body parsers and CORS: a request that points under /api/v1/public
 * but is not exactly one of its routes (other letter case, an encoded key, // or a trailing slash, dot
 * segments) is answered 404 before anything reads its body or writes, and never gets CORS headers.
 */
export function publicPathGuard(req: IncomingMessage & { originalUrl?: string }, _res: unknown, next: (error?: unknown) => void): void {
  if (classifyPublicPath(req.originalUrl ?? req.url ?? '') === null) return next(notFound('Route'));
  next();
}
