import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, notFound } from '../common/http/api-error';
import type { KeysetPosition } from '../common/http/keyset-cursor';
import { JobRunner } from '../common/jobs/job-runner';
import { CustomersReader } from '../customers/customers.reader';
import { composeEmail } from './email/compose-email';
import { EmailTransport } from './email/email-transport';
import { maskInvitationTokens } from './mask-links';
import type { MessageEntity } from './message.entity';
import { GATEWAY_CHANNELS, type MessageStatus, type QueuedMessage } from './message-types';
import type { DeliveryReportDto, SendableChannel, SendMessageDto } from './messaging.dto';
import { type MessageFilter, MessagesRepository } from './messages.repository';
import { MESSAGING_DISPATCH_JOB } from './messaging-dispatch.names';
import { MessagingSettingsService, type Sender } from './messaging-settings.service';
import { MessagingService } from './messaging.service';

export interface MessagePreview {
  html: string | null;
  text: string;
  headers: Record<string, string>;
}

const mailbox = (name: string, address: string) => `"${name.replace(/["\\]/g, '')}" <${address}>`;

/** Where a message on this channel reaches the customer: email, phone for SMS, attributes.telegram/whatsapp else phone. */
function addressFor(
  channel: SendableChannel,
  customer: { email: string | null; phone: string | null; attributes: Record<string, unknown> },
) {
  if (channel === 'email') return customer.email;
  if (channel === 'sms') return customer.phone;
  const own = customer.attributes[channel];
  return typeof own === 'string' && own.trim() ? own.trim() : customer.phone;
}

const cannot = (code: string, message: string) => new ApiError(HttpStatus.CONFLICT, code, message);

/** The outbox as the dashboard and the API use it: list, preview, one-off sends, retry, cancel, gateway delivery reports. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly messaging: MessagingService,
    private readonly settings: MessagingSettingsService,
    private readonly customers: CustomersReader,
    private readonly transport: EmailTransport,
    private readonly jobs: JobRunner,
  ) {}

  async list(workspaceId: string, filter: Omit<MessageFilter, 'before'>, limit: number, cursor?: KeysetPosition) {
    const rows = await this.messages.list(workspaceId, { ...filter, before: cursor && { createdAt: cursor.at, id: cursor.id } }, limit + 1);
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  }

  async get(workspaceId: string, id: string): Promise<MessageEntity> {
    const row = await this.messages.find(workspaceId, id);
    if (!row) throw notFound('Message');
    return row;
  }

  /**
   * What the customer gets: for an email the HTML and text parts and the headers, as the dispatch would send them now,
   * with invitation tokens masked (a viewer must not open a recipient's links).
   */
  async preview(row: MessageEntity): Promise<MessagePreview> {
    if (row.channel !== 'email' || row.direction !== 'outbound')
      return { html: null, text: maskInvitationTokens(row.textBody), headers: {} };
    const sender = await this.settings.senderOf(row.workspaceId);
    const email = composeEmail(row, sender);
    const headers: Record<string, string> = {
      From: mailbox(email.from.name, email.from.address),
      To: email.to,
      Subject: email.subject,
      'Message-ID': email.messageId,
    };
    if (email.replyTo) headers['Reply-To'] = email.replyTo;
    if (email.inReplyTo) headers['In-Reply-To'] = email.inReplyTo;
    if (email.references) headers.References = email.references.join(' ');
    const all = Object.entries({ ...headers, ...email.headers }).map(([name, value]) => [name, maskInvitationTokens(value)]);
    return { html: maskInvitationTokens(email.html), text: maskInvitationTokens(email.text), headers: Object.fromEntries(all) };
  }

  /** A one-off message to a customer at the address their record has for the channel. */
  async send(workspaceId: string, body: SendMessageDto, userId: string | null): Promise<QueuedMessage> {
    if (body.channel === 'email' && body.purpose === 'marketing')
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'marketing_email_not_supported',
        'A one-off message cannot be marketing email: it has no unsubscribe link. Send it as service, or by SMS.',
      );
    const customer = await this.customers.replyAddresses(workspaceId, body.customerExternalId);
    if (!customer) throw notFound('Customer');
    const to = addressFor(body.channel, customer);
    if (!to) {
      const what =
        body.channel === 'email'
          ? 'an email address'
          : body.channel === 'sms'
            ? 'a phone number'
            : `a ${body.channel} address or phone number`;
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'no_address',
        `This customer has no ${what} to send a ${body.channel} message to.`,
      );
    }
    return this.messaging.enqueue({
      workspaceId,
      channel: body.channel,
      purpose: body.purpose ?? 'service',
      to,
      customerExternalId: body.customerExternalId,
      language: body.language ?? 'en',
      subject: body.subject ?? null,
      text: body.text,
      createdBy: userId,
    });
  }

  /** A failed message goes back in the queue with fresh attempts. */
  async retry(workspaceId: string, id: string): Promise<MessageEntity> {
    const row = await this.get(workspaceId, id);
    const moved = await this.messages.transition(workspaceId, id, ['failed'], {
      status: 'queued',
      attempts: 0,
      nextAttemptAt: () => 'now()',
      failedAt: null,
      lastError: null,
    });
    if (!moved) throw cannot('not_retryable', `Only a failed message can be retried; this one is ${row.status}.`);
    this.jobs.wake(MESSAGING_DISPATCH_JOB);
    return this.get(workspaceId, id);
  }

  async cancel(workspaceId: string, id: string): Promise<MessageEntity> {
    const row = await this.get(workspaceId, id);
    const moved = await this.messages.transition(workspaceId, id, ['queued', 'held'], { status: 'cancelled' });
    if (!moved) throw cannot('not_cancellable', `Only a queued or held message can be cancelled; this one is ${row.status}.`);
    return this.get(workspaceId, id);
  }

  /**
   * The gateway's delivery report: sent → delivered, failed or bounced; delivered → bounced. Repeating a report is
   * answered with the message unchanged; a move backwards (failed → delivered) is refused.
   */
  async reportDelivery(workspaceId: string, id: string, report: DeliveryReportDto): Promise<MessageEntity> {
    const row = await this.get(workspaceId, id);
    if (row.direction !== 'outbound' || !(GATEWAY_CHANNELS as readonly string[]).includes(row.channel))
      throw cannot('not_a_gateway_message', 'Delivery is reported only for messages sent through the gateway (sms, telegram, whatsapp).');
    if (row.status === report.status) return row;
    const from: MessageStatus[] = report.status === 'bounced' ? ['sent', 'delivered'] : ['sent'];
    const error = report.error?.slice(0, 1000) ?? null;
    const changes =
      report.status === 'delivered'
        ? { status: 'delivered' as const, deliveredAt: () => 'now()' }
        : report.status === 'failed'
          ? { status: 'failed' as const, failedAt: () => 'now()', lastError: error ?? 'the gateway reported a failure' }
          : { status: 'bounced' as const, bouncedAt: () => 'now()', lastError: error ?? 'the gateway reported a bounce' };
    if (!(await this.messages.transition(workspaceId, id, from, changes))) {
      const now = await this.get(workspaceId, id);
      if (now.status === report.status) return now;
      throw cannot('invalid_transition', `A ${now.status} message cannot become ${report.status}.`);
    }
    return this.get(workspaceId, id);
  }

  async status(workspaceId: string): Promise<{ email: { configured: boolean; from: string }; counts: Record<string, number> }> {
    const [sender, counts] = await Promise.all([this.settings.senderOf(workspaceId), this.messages.countsByStatus(workspaceId)]);
    return { email: { configured: this.transport.configured, from: fromLine(sender) }, counts };
  }
}

/** How a sender is written in the status and the settings: "Name" <address>. */
export const fromLine = (sender: Sender) => mailbox(sender.fromName, sender.fromAddress);
