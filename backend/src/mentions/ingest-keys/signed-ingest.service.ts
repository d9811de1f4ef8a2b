import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, conflict } from '../../common/http/api-error';
import { jsonDepthExceeds, jsonHasUnstorableText, MAX_JSON_DEPTH, UNSTORABLE_TEXT_MESSAGE } from '../../common/http/json-depth';
import { validationError } from '../../common/http/validation.pipe';
import { verifyWebhook } from '../../webhooks/webhook-signature';
import { MAX_MENTIONS_PER_REQUEST, type MentionIngestResultDto } from '../mention-input.dto';
import { MentionIngestService } from '../mention-ingest.service';
import { IngestKeyRow, IngestKeysRepository } from './ingest-keys.repository';

/** Requests older or newer than this (seconds) are refused as stale: a captured request can't be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface SignedRequest {
  keyId: string | undefined;
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
}

const unauthorized = (code: string, message: string) => new ApiError(HttpStatus.UNAUTHORIZED, code, message);

/**
 * The signed mention webhook: the same scheme we sign our own webhooks with (Standard Webhooks), keyed
 * by an ingest key. Checks the key, timestamp and signature (401), refuses a processed message id
 * again (409), then hands the mentions to the common ingest path.
 */
@Injectable()
export class SignedIngestService {
  constructor(
    private readonly keys: IngestKeysRepository,
    private readonly ingest: MentionIngestService,
  ) {}

  /**
   * Everything that can be checked before the body is read: the key exists, the signature headers are there and
   * fresh. app.factory runs it ahead of the raw body parser, so an unknown key or unsigned request costs no body read.
   */
  async authenticate(
    keyId: string | undefined,
    headers: Record<string, string | string[] | undefined>,
    now = new Date(),
  ): Promise<IngestKeyRow> {
    if (typeof keyId !== 'string' || !keyId) throw unauthorized('missing_key', 'Send your ingest key id in the otklik-key header.');
    // Not a key id's shape: no need to ask the database.
    const key = keyId.length <= 100 ? await this.keys.byKeyId(keyId) : null;
    if (!key) throw unauthorized('unknown_key', 'This ingest key does not exist (deleted, or a typo).');
    const [id, stamp, signature] = [headers['webhook-id'], headers['webhook-timestamp'], headers['webhook-signature']];
    if (typeof id !== 'string' || !id || typeof stamp !== 'string' || !stamp || typeof signature !== 'string' || !signature) {
      throw unauthorized('missing_signature', 'Send the webhook-id, webhook-timestamp and webhook-signature headers.');
    }
    const timestamp = Number(stamp);
    if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
      throw unauthorized(
        'stale_request',
        `webhook-timestamp must be the current Unix time in seconds (within ${SIGNATURE_TOLERANCE_SECONDS} s); check the sender's clock.`,
      );
    }
    return key;
  }

  async receive(request: SignedRequest, now = new Date()): Promise<MentionIngestResultDto> {
    const key = await this.authenticate(request.keyId, request.headers, now);
    const { headers } = request;
    const id = headers['webhook-id']!;
    // The signature covers the bytes as sent, so a body that is not UTF-8 still verifies and is then refused for what it is.
    if (!verifyWebhook(key.secret, headers, request.rawBody, now, SIGNATURE_TOLERANCE_SECONDS)) {
      throw unauthorized(
        'bad_signature',
        'webhook-signature does not match the body: sign `${webhook-id}.${webhook-timestamp}.${body}` with HMAC-SHA256 and the key secret.',
      );
    }
    const body = decodeUtf8(request.rawBody);
    if (await this.keys.seen(key.keyId, id))
      throw conflict('replayed', 'This webhook-id was already processed; send new mentions with a new webhook-id.');

    const mentions = await parseMentions(body, request.rawBody);
    const result = await this.ingest.ingest(key.workspaceId, mentions, 'webhook');
    await this.keys.remember(key.keyId, id, SIGNATURE_TOLERANCE_SECONDS * 2);
    if (result.invalid === mentions.length) {
      throw validationError(
        result.items.flatMap((item) =>
          (item.errors ?? []).map((e) => ({ field: `mentions[${item.index}]${e.field ? `.${e.field}` : ''}`, message: e.message })),
        ),
        'mentions',
        'mentions',
      );
    }
    return result;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(raw: Buffer): string {
  try {
    return strictUtf8.decode(raw);
  } catch {
    throw validationError([{ field: 'body', message: 'body is not valid UTF-8: send the JSON encoded as UTF-8' }]);
  }
}

/**
 * One mention, an array of them, or `{ "mentions": [...] }`. The scans and the parse of a 5 MB body
 * are tens of milliseconds each: the event loop gets a turn between them.
 */
async function parseMentions(body: string, raw: Buffer): Promise<unknown[]> {
  const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));
  let parsed: unknown;
  if (jsonDepthExceeds(body)) throw validationError([{ field: 'body', message: `body nests deeper than ${MAX_JSON_DEPTH} levels` }]);
  await yieldToLoop();
  if (jsonHasUnstorableText(raw)) throw validationError([{ field: 'body', message: UNSTORABLE_TEXT_MESSAGE }]);
  await yieldToLoop();
  try {
    parsed = JSON.parse(body);
  } catch {
    throw validationError([{ field: 'body', message: 'body must be JSON: one mention, a list of mentions, or { "mentions": [...] }' }]);
  }
  const list = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { mentions?: unknown }).mentions)
      ? (parsed as { mentions: unknown[] }).mentions
      : [parsed];
  if (list.length === 0) throw validationError([{ field: 'mentions', message: 'mentions must not be empty' }]);
  if (list.length > MAX_MENTIONS_PER_REQUEST) {
    throw validationError([{ field: 'mentions', message: `send at most ${MAX_MENTIONS_PER_REQUEST} mentions per request` }]);
  }
  return list;
}
