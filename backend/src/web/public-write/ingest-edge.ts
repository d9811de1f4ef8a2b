import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdFrom } from '../../common/http/request-logging';
import type { PublicWrites } from './public-write.module';

export interface IngestEdgeDeps {
  writes: Pick<PublicWrites, 'handles' | 'run'>;
  log: (entry: { req: { id: string; method: string; url: string }; res: { statusCode: number }; responseTime: number }) => void;
}

/**
 * The public writes (survey displays and responses, cancellation submissions) served straight from the HTTP
 * server, ahead of Express and Nest, whose per-request cost dominated ingest. A transport only: the
 * public-write pipeline does everything (the Nest controllers call the same one); this gives each request its
 * id, sends the answer and writes the access-log line. Everything else (preflights, config GETs) goes on to Express.
 */
export function createIngestEdge(deps: IngestEdgeDeps) {
  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    // Anything but the exact route goes on to Express, whose public path guard answers 404 for other spellings.
    if (!deps.writes.handles(req.method, req.url ?? '')) return false;
    void serve(req, res);
    return true;
  };

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const url = req.url ?? '';
    const answer = await deps.writes.run({
      method: 'POST',
      url,
      headers: req.headers,
      body: req,
      remoteAddress: req.socket.remoteAddress,
      requestId,
    });
    if (res.headersSent || res.destroyed) return;
    const payload = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'X-Request-Id': requestId,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...answer.headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(payload),
    });
    res.end(payload);
    deps.log({
      req: { id: requestId, method: 'POST', url },
      res: { statusCode: answer.status },
      responseTime: Math.round(performance.now() - started),
    });
  }
}
