import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';

const INCOMING_ID = /^[\w.-]{1,64}$/;

/** The id of a request: its X-Request-Id when that is sane (a caller tracing its own calls), else a new one. */
export function requestIdFrom(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * First middleware of all: gives every request an id (from a sane X-Request-Id, or new) and echoes it,
 * so even errors raised before Nest's pipeline (body parsing) carry one.
 */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const id = requestIdFrom(req.headers['x-request-id']);
  (req as Request & { id: string }).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}

/** Access log with a request id per request: taken from X-Request-Id when sane, echoed back. */
export function requestLoggingParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      transport: config.logFormat === 'pretty' ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const assigned = (req as { id?: unknown }).id;
        if (typeof assigned === 'string') return assigned;
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    // Nest's own context (e.g. "RoutesResolver") is noise at start-up; keep pino's.
    renameContext: 'context',
  };
}
