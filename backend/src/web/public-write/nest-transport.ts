import type { Request, Response } from 'express';
import type { PublicWrites } from './public-write.module';

/**
 * The Nest controllers' side of a public write: the app's body parsers leave these routes unread (app.factory), so
 * the pipeline reads the body itself, exactly as on the ingest edge, and its answer is sent as it is.
 */
export async function answerPublicWrite(writes: PublicWrites, req: Request, res: Response): Promise<void> {
  const answer = await writes.run({
    method: req.method,
    url: req.originalUrl,
    headers: req.headers,
    body: req,
    remoteAddress: req.socket.remoteAddress,
    requestId: String((req as Request & { id?: string }).id ?? ''),
  });
  res.status(answer.status).set(answer.headers).json(answer.body);
}
