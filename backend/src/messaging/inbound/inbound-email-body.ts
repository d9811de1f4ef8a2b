import { type NextFunction, raw, type Request, type Response } from 'express';
import { MAX_INBOUND_EMAIL_BYTES } from './inbound-email.parser';
import type { InboundEmailService } from './inbound-email.service';

/** POST /api/v1/workspaces/{workspaceId}/inbound/email, matched exactly (strict, case-sensitive routing). */
const INBOUND_EMAIL_PATH = /^\/api\/v1\/workspaces\/([^/]{1,64})\/inbound\/email$/;
/** A JSON body carries the MIME as an escaped string: room for the escaping, the 10 MB MIME is checked after. */
const JSON_LIMIT = Math.ceil(MAX_INBOUND_EMAIL_BYTES * 1.6);

const isJson = (req: Request) => (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
const mimeBody = raw({ limit: MAX_INBOUND_EMAIL_BYTES, type: () => true });
const jsonBody = raw({ limit: JSON_LIMIT, type: () => true });

/**
 * The inbound-email endpoint keeps its body raw (the signature covers the exact bytes) and reads it only after the
 * checks that need no body: a workspace with an inbound secret and fresh signature headers (401 before any of up to
 * 10 MB is read). Runs ahead of the JSON parsers, which then skip the body already read.
 */
export function inboundEmailBody(service: InboundEmailService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const match = req.method === 'POST' ? INBOUND_EMAIL_PATH.exec(req.path) : null;
    if (!match) return next();
    service.authenticate(match[1]!, req.headers).then(() => (isJson(req) ? jsonBody : mimeBody)(req, res, next), next);
  };
}
