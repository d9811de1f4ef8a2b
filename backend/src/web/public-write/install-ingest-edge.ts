import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import { createIngestEdge } from './ingest-edge';
import { PublicWrites } from './public-write.module';

/** Puts the ingest edge in front of Express on the app's HTTP server; other requests pass through. */
export function installIngestEdge(app: NestExpressApplication): void {
  const logger = app.get(Logger);
  const edge = createIngestEdge({
    writes: app.get(PublicWrites),
    log: (entry) => logger.log(entry, 'request completed'),
  });
  const server: Server = app.getHttpServer();
  const express = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!edge(req, res)) for (const listener of express) listener(req, res);
  });
}
