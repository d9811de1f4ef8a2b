import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { createIngestEdge } from './ingest-edge';
import { PublicIngestService } from './public-ingest.service';
import { PublicRateLimiter } from './public-rate-limit.guard';
import { PublicSurveyCache } from './public-survey.cache';

/** "64kb" / "1mb" → bytes. */
export function parseSize(size: string): number {
  const match = /^(\d+)(kb|mb)$/i.exec(size);
  if (!match) throw new Error(`not a size: ${size}`);
  return Number(match[1]) * (match[2].toLowerCase() === 'mb' ? 1024 * 1024 : 1024);
}

/** Puts the ingest edge in front of Express on the app's HTTP server; other requests pass through. */
export function installIngestEdge(app: NestExpressApplication, config: AppConfig): void {
  const logger = app.get(Logger);
  const edge = createIngestEdge({
    ingest: app.get(PublicIngestService),
    cache: app.get(PublicSurveyCache),
    limiter: app.get(PublicRateLimiter),
    bodyLimitBytes: parseSize(config.publicBodyLimit),
    trustProxy: config.trustProxy,
    log: (entry) => logger.log(entry, 'request completed'),
    logError: (error, requestId) => logger.error({ err: error, requestId }, 'Unhandled error'),
  });
  const server: Server = app.getHttpServer();
  const express = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!edge(req, res)) for (const listener of express) listener(req, res);
  });
}
