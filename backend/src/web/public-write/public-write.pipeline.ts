import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import proxyAddr from 'proxy-addr';
import { notFound } from '../../common/http/api-error';
import { errorBody, isServerFault, retryAfterOf } from '../../common/http/error-body';
import { flattenValidationErrors, VALIDATION_OPTIONS, validationError } from '../../common/http/validation.pipe';
import { fromOwnOrigin, originAllowed, originNotAllowed } from './origin-policy';
import type { PublicRateLimiter } from './public-rate-limit.guard';
import { checkJsonHeaders, parseJsonObject, readBody } from './json-body';
import type { PublicRoutes } from './public-routes';

/** A public write as any transport received it: the body is the request stream, not yet read. */
export interface PublicWriteRequest {
  method: string;
  /** The raw request target (path and query, as sent). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Readable & { complete: boolean };
  /** The peer address; with `trustProxy`, X-Forwarded-For names the client. */
  remoteAddress: string | undefined;
  requestId: string;
}

/** What the transport sends back: a JSON body with these headers (the transport adds its own). */
export interface PublicWriteAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface PublicWriteDeps {
  routes: PublicRoutes;
  limiter: PublicRateLimiter;
  bodyLimitBytes: number;
  trustProxy: boolean | string;
  logError: (error: unknown, requestId: string) => void;
}

/**
 * The one pipeline of public writes (survey displays and responses, cancellation submissions), behind thin
 * transports: the ingest edge and the Nest controllers both hand it the request and send back its answer, so the
 * same request gets the same status and body from either. In this order, each before any work the next one costs:
 * the route, the origin (403), the rate limit (429), the media type, charset and encoding (415), the body size (413),
 * nesting, unstorable text and JSON (400), validation against the write's DTO (400), then the owning service.
 * Every error is mapped by the error filter's own errorBody.
 */
export function createPublicWritePipeline(deps: PublicWriteDeps) {
  const trust =
    deps.trustProxy === true
      ? () => true
      : proxyAddr.compile(
          String(deps.trustProxy)
            .split(',')
            .map((s) => s.trim()),
        );

  return async function publicWrite(req: PublicWriteRequest): Promise<PublicWriteAnswer> {
    // Widgets are embedded on other sites: let them load what this answers.
    const headers: Record<string, string> = { 'Cross-Origin-Resource-Policy': 'cross-origin' };
    try {
      const found = deps.routes.writeFor(req.method, req.url);
      if (!found) throw notFound('Route');
      const { route, target, write } = found;
      const origin = req.headers.origin;
      if (origin) {
        // Unknown keys fall through to their 404; there is no allow-list to apply.
        const owner = await target.origins(route.key);
        if (owner && !fromOwnOrigin(origin, req.headers.host) && !originAllowed(origin, owner.allowedOrigins))
          throw originNotAllowed(origin);
        headers['Access-Control-Allow-Origin'] = origin;
        headers.Vary = 'Origin';
      }
      await deps.limiter.consume(
        proxyAddr({ headers: req.headers, socket: { remoteAddress: req.remoteAddress } } as never, trust),
        route.key,
      );
      checkJsonHeaders(req.headers);
      const parsed = parseJsonObject(await readBody(req.body, req.headers['content-length'], deps.bodyLimitBytes));
      const input = plainToInstance(write.dto, parsed);
      const errors = await validate(input, VALIDATION_OPTIONS);
      if (errors.length > 0) throw validationError(flattenValidationErrors(errors));
      const ua = req.headers['user-agent'];
      const outcome = await write.handle(route.key, input, { userAgent: typeof ua === 'string' ? ua : undefined });
      return { status: outcome.created ? 201 : 200, headers, body: outcome.body };
    } catch (error) {
      const body = errorBody(error, req.requestId);
      const retryAfter = retryAfterOf(error, body);
      if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
      if (isServerFault(body)) deps.logError(error, req.requestId);
      return { status: body.error.status, headers, body };
    }
  };
}

export type PublicWritePipelineFn = ReturnType<typeof createPublicWritePipeline>;
