import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiError, conflict } from '../../common/http/api-error';
import { validationError } from '../../common/http/validation.pipe';
import { verifyWebhook } from '../../webhooks/webhook-signature';
import { MessagingService } from '../messaging.service';
import { MessagingSettingsService } from '../messaging-settings.service';
import {
  type Bounce,
  InboundEmailParseError,
  MAX_INBOUND_EMAIL_BYTES,
  parseInboundEmail,
  type ParsedInboundEmail,
} from './inbound-email.parser';
import { InboundLandingService } from './inbound-landing.service';
import { InboundNoncesRepository } from './inbound-nonces.repository';
import type { InboundResultDto } from './inbound.dto';

/** Requests older or newer than this (seconds) are refused as stale: a captured request can't be replayed later. */
export const INBOUND_TOLERANCE_SECONDS = 300;
/** A delivery report is applied only to a message of ours sent this recently (to the address it names). */
export const BOUNCE_WINDOW_DAYS = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unauthorized = (code: string, message: string) => new ApiError(HttpStatus.UNAUTHORIZED, code, message);

export interface InboundEmailRequest {
  workspaceId: string;
  headers: Record<string, string | string[] | undefined>;
  contentType: string | undefined;
  body: Buffer;
}

/**
 * The signed inbound-email endpoint a mail provider's inbound parse posts to: Standard Webhooks signature with the
 * workspace's inbound secret, the raw MIME parsed with mailparser, a bounce report applied, a reply stored and landed.
 */
@Injectable()
export class InboundEmailService {
  constructor(
    private readonly settings: MessagingSettingsService,
    private readonly messaging: MessagingService,
    private readonly nonces: InboundNoncesRepository,
    private readonly landing: InboundLandingService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * What can be checked before the body is read (app.factory runs it ahead of the raw body parser): the workspace has
   * an inbound secret, the signature headers are there and fresh. Returns the secret.
   */
  async authenticate(workspaceId: string, headers: Record<string, string | string[] | undefined>, now = new Date()): Promise<string> {
    const secret = UUID.test(workspaceId) ? (await this.settings.settingsOf(workspaceId)).inboundSecret : null;
    if (!secret)
      throw unauthorized('inbound_not_configured', 'Inbound email is not set up for this workspace: reveal its inbound secret first.');
    const [id, stamp, signature] = [headers['webhook-id'], headers['webhook-timestamp'], headers['webhook-signature']];
    if (typeof id !== 'string' || !id || id.length > 200 || typeof stamp !== 'string' || typeof signature !== 'string' || !signature)
      throw unauthorized(
        'missing_signature',
        'Send the webhook-id (at most 200 characters), webhook-timestamp and webhook-signature headers.',
      );
    const timestamp = Number(stamp);
    if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > INBOUND_TOLERANCE_SECONDS)
      throw unauthorized(
        'stale_request',
        `webhook-timestamp must be the current Unix time in seconds (within ${INBOUND_TOLERANCE_SECONDS} s).`,
      );
    return secret;
  }

  /** The raw MIME: the body itself (message/rfc822, text/plain) or the `raw` string of a JSON body. */
  private mimeOf(contentType: string | undefined, body: Buffer): Buffer {
    const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (type === 'message/rfc822' || type === 'text/plain') return body;
    if (type !== 'application/json')
      throw new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported_media_type',
        'Send the mail as message/rfc822, text/plain or JSON {"raw": "…"}.',
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw validationError([{ field: 'body', message: 'body must be JSON {"raw": "<the MIME source>"}' }]);
    }
    const raw = (parsed as { raw?: unknown } | null)?.raw;
    if (typeof raw !== 'string' || !raw) throw validationError([{ field: 'raw', message: 'raw must be the MIME source as a string' }]);
    return Buffer.from(raw, 'utf8');
  }

  async receive(request: InboundEmailRequest, now = new Date()): Promise<InboundResultDto> {
    const { workspaceId, headers } = request;
    const secret = await this.authenticate(workspaceId, headers, now);
    const flat = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : v]));
    if (!verifyWebhook(secret, flat, request.body, now, INBOUND_TOLERANCE_SECONDS))
      throw unauthorized(
        'bad_signature',
        'webhook-signature does not match: sign `${webhook-id}.${webhook-timestamp}.${body}` with the inbound secret.',
      );
    const mime = this.mimeOf(request.contentType, request.body);
    if (mime.length === 0 || mime.length > MAX_INBOUND_EMAIL_BYTES)
      throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', 'The mail must be 1 byte to 10 MB.');
    const webhookId = flat['webhook-id']!;
    const replayed = () => conflict('replayed', 'This webhook-id was already processed; send a new mail with a new webhook-id.');
    // A replay is refused before any parsing work (the claim itself is made with the work below).
    if (await this.nonces.seen(workspaceId, webhookId)) throw replayed();
    let mail: ParsedInboundEmail;
    try {
      mail = await parseInboundEmail(mime);
    } catch (error) {
      if (!(error instanceof InboundEmailParseError)) throw error;
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'unparseable_mail',
        `The mail could not be parsed (${error.message.slice(0, 200)}); nothing was stored. Do not retry the same source.`,
      );
    }

    const original = mail.bounce ? await this.bouncedMessage(workspaceId, mail.bounce, now) : null;
    if (mail.bounce && original) {
      const { bounce } = mail;
      if (!(await this.nonces.claim(workspaceId, webhookId, INBOUND_TOLERANCE_SECONDS * 2))) throw replayed();
      try {
        await this.messaging.markBounced(workspaceId, bounce.address, bounce.detail, original);
      } catch (error) {
        await this.nonces.release(workspaceId, webhookId);
        throw error;
      }
      return { id: null, outcome: 'bounce', caseId: null, matchedBy: null, customerExternalId: null, bouncedAddress: bounce.address };
    }

    // A report that names no message of ours, a From that is not exactly one valid address: kept, never matched.
    const from = mail.from ?? mail.fromText;
    if (!from) throw validationError([{ field: 'from', message: 'the mail has no From address' }]);
    return this.landing.land(
      {
        workspaceId,
        channel: 'email',
        from,
        subject: mail.subject,
        text: mail.text || '(no text)',
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        replyTo: mail.replyTo,
        answers: null,
        customerExternalId: null,
        receivedAt: now,
        autoReply: mail.autoReply,
        senderVerified: mail.senderVerified,
        noMatch: mail.bounce !== null || mail.from === null,
      },
      (work) =>
        this.dataSource.transaction(async (manager) => {
          if (!(await this.nonces.claim(workspaceId, webhookId, INBOUND_TOLERANCE_SECONDS * 2, manager))) throw replayed();
          return work(manager);
        }),
    );
  }

  /**
   * The message of ours a delivery report returns: named by the report's original Message-ID (or the returned
   * headers), in this workspace, sent to the bounced address within BOUNCE_WINDOW_DAYS. Anything else is not ours
   * to act on (anyone can mail a report naming a VIP's address): null.
   */
  private async bouncedMessage(workspaceId: string, bounce: Bounce, now: Date): Promise<string | null> {
    if (!bounce.originalMessageId) return null;
    const original = await this.messaging.outboundByMessageIds(workspaceId, [bounce.originalMessageId]);
    if (!original?.sentAt || original.to?.toLowerCase() !== bounce.address) return null;
    const age = now.getTime() - original.sentAt.getTime();
    return age >= -INBOUND_TOLERANCE_SECONDS * 1000 && age <= BOUNCE_WINDOW_DAYS * 86_400_000 ? original.id : null;
  }
}
