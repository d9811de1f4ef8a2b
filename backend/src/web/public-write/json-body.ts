import { HttpStatus } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { ApiError } from '../../common/http/api-error';
import { jsonDepthExceeds, jsonHasUnstorableText, MAX_JSON_DEPTH, UNSTORABLE_TEXT_MESSAGE } from '../../common/http/json-depth';
import { validationError } from '../../common/http/validation.pipe';

/** JSON also comes as text/plain: widgets send it so, because a "simple" cross-origin POST needs no preflight. */
const JSON_TYPES = new Set(['application/json', 'text/plain']);

const unsupported = (message: string) => new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', message);
const tooLarge = (limit: number) =>
  new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', `The request body is too large (limit ${limit} bytes).`);
const badRequest = (message: string) => new ApiError(HttpStatus.BAD_REQUEST, 'bad_request', message);

/**
 * What a public write accepts, checked from the headers before a byte of the body is read: JSON (or text/plain) in
 * UTF-8 — a charset parameter, when sent, must say UTF-8 — and not compressed. Widgets never compress what they send,
 * and a compressed body is a way to make the server inflate far more than the body limit.
 */
export function checkJsonHeaders(headers: IncomingHttpHeaders): void {
  const [type, ...params] = (headers['content-type'] ?? '').split(';');
  if (!JSON_TYPES.has(type.trim().toLowerCase())) throw unsupported('Send the body as JSON (application/json or text/plain).');
  for (const param of params) {
    const [name, value = ''] = param.split('=');
    if (
      name.trim().toLowerCase() === 'charset' &&
      value
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase() !== 'utf-8'
    ) {
      throw unsupported('The request body must be UTF-8.');
    }
  }
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') throw unsupported('Send the body uncompressed (no Content-Encoding).');
}

/**
 * Reads a request body of at most `limit` bytes (`contentLength` is the header, refused early when over), decoded as
 * UTF-8: invalid bytes become U+FFFD, as body-parser does.
 */
export function readBody(req: Readable & { complete: boolean }, contentLength: string | undefined, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(contentLength ?? 0);
    if (declared > limit) {
      reject(tooLarge(limit));
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
        reject(tooLarge(limit));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    // A client that hangs up mid-body must not leave this request waiting forever.
    req.on('close', () => {
      if (!req.complete) reject(badRequest('The request body was not sent completely.'));
    });
  });
}

/** The body as a JSON object: nesting and unstorable text are refused before parsing (see json-depth.ts). */
export function parseJsonObject(text: string): object {
  if (jsonDepthExceeds(text)) throw badRequest(`The request body nests too deeply (limit ${MAX_JSON_DEPTH} levels).`);
  if (jsonHasUnstorableText(text)) throw badRequest(UNSTORABLE_TEXT_MESSAGE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError([{ field: '', message: 'the body must be a JSON object' }]);
  }
  return parsed;
}
