import { databaseUnavailableBody, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../common/http/database-unavailable';
import { jsonDepthExceeds, jsonHasUnstorableText, MAX_JSON_DEPTH, UNSTORABLE_TEXT_MESSAGE } from '../common/http/json-depth';
import { HttpStatus } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyAddr from 'proxy-addr';
import { ApiError, ErrorBody } from '../common/http/api-error';
import { flattenValidationErrors, VALIDATION_OPTIONS, validationError } from '../common/http/validation.pipe';
import { fromOwnOrigin, originAllowed } from './origin-policy';
import type { PublicIngestService } from './public-ingest.service';
import type { PublicRateLimiter } from './public-rate-limit.guard';
import { RateLimitedError } from './public-rate-limit.guard';
import type { PublicSurveyCache } from './public-survey.cache';
import { RecordDisplayDto, SubmitResponseDto } from './public.dto';
import { resolvePublicPath } from './public-route';

const INCOMING_ID = /^[\w.-]{1,64}$/;
const JSON_TYPES = /^(application\/json|text\/plain)\b/i;

export interface IngestEdgeDeps {
  ingest: PublicIngestService;
  cache: PublicSurveyCache;
  limiter: PublicRateLimiter;
  bodyLimitBytes: number;
  trustProxy: boolean | string;
  log: (entry: { req: { id: string; method: string; url: string }; res: { statusCode: number }; responseTime: number }) => void;
  logError: (error: unknown, requestId: string) => void;
}

class BodyError extends ApiError {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', `The request body is too large (limit ${limit} bytes).`));
      req.resume();
      return;
    }
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // A body without Content-Length (chunked) over the limit: answer 413 now and let the rest drain unread.
        // Destroying the socket here would reset the connection before the client could read the answer.
        chunks = [];
        reject(new BodyError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', `The request body is too large (limit ${limit} bytes).`));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    // A client that hangs up mid-body must not leave this request waiting forever.
    req.on('close', () => {
      if (!req.complete) reject(new BodyError(HttpStatus.BAD_REQUEST, 'bad_request', 'The request body was not sent completely.'));
    });
  });
}

/**
 * The widget write path (POST displays and responses) served straight from the HTTP server, ahead of
 * Express and Nest's pipeline, whose per-request cost dominated ingest. It is a transport only: the
 * same DTOs and validation options, the same rate limiter, origin policy and PublicIngestService as
 * the Nest controller, and the same error shape. Everything else (preflights, config GETs) goes on to Express.
 */
export function createIngestEdge(deps: IngestEdgeDeps) {
  const trust = deps.trustProxy === true ? () => true : proxyAddr.compile(String(deps.trustProxy).split(',').map((s) => s.trim()));

  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST') return false;
    // Anything but the exact route goes on to Express, whose public path guard answers 404 for other spellings.
    const route = resolvePublicPath(req.url ?? '');
    if (route?.target !== 'survey' || route.action === 'config') return false;
    void serve(req, res, route.key, route.action);
    return true;
  };

  async function serve(req: IncomingMessage, res: ServerResponse, publicKey: string, what: 'responses' | 'displays') {
    const started = performance.now();
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    let status = 500;
    let body: unknown;
    try {
      const origin = req.headers.origin;
      if (origin) {
        const survey = await deps.cache.byPublicKey(publicKey);
        if (survey && !fromOwnOrigin(origin, req.headers.host) && !originAllowed(origin, survey.allowedOrigins)) {
          throw new ApiError(HttpStatus.FORBIDDEN, 'origin_not_allowed', `This survey cannot be embedded on ${origin}. Add it to the survey's allowed origins.`);
        }
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Vary', 'Origin');
      }
      await deps.limiter.consume(proxyAddr(req, trust), publicKey);
      if (!JSON_TYPES.test(req.headers['content-type'] ?? '')) {
        throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', 'Send the body as JSON (application/json or text/plain).');
      }
      const text = await readBody(req, deps.bodyLimitBytes);
      if (jsonDepthExceeds(text)) throw new ApiError(HttpStatus.BAD_REQUEST, 'bad_request', `The request body nests too deeply (limit ${MAX_JSON_DEPTH} levels).`);
      if (jsonHasUnstorableText(text)) throw new ApiError(HttpStatus.BAD_REQUEST, 'bad_request', UNSTORABLE_TEXT_MESSAGE);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new ApiError(HttpStatus.BAD_REQUEST, 'bad_request', 'The request body is not valid JSON.');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw validationError([{ field: '', message: 'the body must be a JSON object' }]);
      }
      if (what === 'responses') {
        const input = plainToInstance(SubmitResponseDto, parsed);
        const errors = await validate(input, VALIDATION_OPTIONS);
        if (errors.length > 0) throw validationError(flattenValidationErrors(errors));
        const result = await deps.ingest.submitResponse(publicKey, input, { userAgent: req.headers['user-agent'] });
        [status, body] = [result.created ? 201 : 200, result.body];
      } else {
        const input = plainToInstance(RecordDisplayDto, parsed);
        const errors = await validate(input, VALIDATION_OPTIONS);
        if (errors.length > 0) throw validationError(flattenValidationErrors(errors));
        const result = await deps.ingest.recordDisplay(publicKey, input);
        [status, body] = [result.created ? 201 : 200, result.body];
      }
    } catch (error) {
      if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      if (error instanceof ApiError) {
        status = error.getStatus();
        body = { error: { status, code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}), requestId } } satisfies ErrorBody;
      } else if (isDatabaseUnavailable(error)) {
        status = 503;
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        body = databaseUnavailableBody(requestId);
      } else {
        deps.logError(error, requestId);
        status = 500;
        body = {
          error: { status, code: 'internal_error', message: 'Something went wrong on our side. Please try again; if it keeps happening, quote the request id.', requestId },
        } satisfies ErrorBody;
      }
    }
    if (res.headersSent || res.destroyed) return;
    const payload = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload) });
    res.end(payload);
    deps.log({ req: { id: requestId, method: 'POST', url: req.url ?? '' }, res: { statusCode: status }, responseTime: Math.round(performance.now() - started) });
  }
}
