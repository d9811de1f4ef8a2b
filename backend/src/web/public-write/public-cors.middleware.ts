import type { NextFunction, Request, Response } from 'express';
import { errorBody } from '../../common/http/error-body';
import { fromOwnOrigin, originAllowed, originNotAllowed } from './origin-policy';
import { type PublicRoute, resolvePublicPath } from './public-route';

/** Finds the allowed origins of the survey or flow a public route names (null when it does not exist). */
export type OriginLookup = (route: PublicRoute) => Promise<{ allowedOrigins: readonly string[] } | null>;

/**
 * CORS for the public survey API (mounted at /api/v1/public): answers preflights, and lets a browser
 * read responses only on the survey's allowed origins; other origins get 403 before any work is done.
 * Requests without an Origin (servers, curl) pass: CORS guards browsers, rate limits guard the rest.
 */
export function publicCors(lookup: OriginLookup) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    // Widgets are embedded on other sites: let them load what this edge returns.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    const origin = req.headers.origin;
    if (!origin) return next();
    // The key is read from the raw URL by the same resolver as the router guard and the ingest edge: a path that
    // is not exactly a public route gets no CORS headers at all (publicPathGuard has answered it with 404).
    const route = resolvePublicPath(req.originalUrl);
    if (!route) return next();
    try {
      const target = await lookup(route);
      // Unknown keys fall through to their 404; there is no allow-list to apply.
      if (target && !fromOwnOrigin(origin, req.headers.host) && !originAllowed(origin, target.allowedOrigins)) {
        res.status(403).json(errorBody(originNotAllowed(origin), (req as Request & { id?: string }).id ?? ''));
        return;
      }
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
