import type { NextFunction, Request, Response } from 'express';
import { fromOwnOrigin, originAllowed } from './origin-policy';

/** Finds the allowed origins of the thing a public path names (null when it does not exist). */
export type OriginLookup = (path: string) => Promise<{ allowedOrigins: string[] } | null>;

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
    try {
      const target = await lookup(req.path);
      // Unknown keys fall through to their 404; there is no allow-list to apply.
      if (target && !fromOwnOrigin(origin, req.headers.host) && !originAllowed(origin, target.allowedOrigins)) {
        res.status(403).json({
          error: {
            status: 403,
            code: 'origin_not_allowed',
            message: `This cannot be embedded on ${origin}. Add it to the allowed origins.`,
            requestId: (req as Request & { id?: string }).id ?? '',
          },
        });
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
