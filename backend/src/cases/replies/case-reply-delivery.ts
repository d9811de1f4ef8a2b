import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChurnReader } from '../../churn/churn.reader';
import { CustomersReader } from '../../customers/customers.reader';
import type { MessageView } from '../../messaging/message-view';
import type { MessageChannel, MessageStatus } from '../../messaging/message-types';
import { MessagingService } from '../../messaging/messaging.service';
import { MentionsReader } from '../../mentions/mentions.reader';
import { ResponsesReader } from '../../responses/responses.reader';
import type { CaseRow } from '../cases.repository';
import { primaryLanguage, replySubject } from './reply-message';
import { replyRoute, type ReplyFacts, type ReplyRoute } from './reply-route';

/** Until a workspace has a language of its own, replies to customers of unknown language are written in English. */
const DEFAULT_LANGUAGE = 'en';

/** Why a reply was only logged: the agent said so, or the customer cannot be reached on the channel. */
export type NotSentReason = 'not_requested' | 'no_customer' | 'no_address' | 'public_url_missing';

/** Where an agent's reply went (stored on the reply event and answered by the reply endpoint). */
export type ReplyDelivery =
  | { sent: true; messageId: string; channel: MessageChannel; to: string; language: string; subject: string | null; status: MessageStatus }
  | { sent: false; channel: MessageChannel | null; reason: NotSentReason };

/** Everything a reply's route and wording depend on, read before the case is locked. */
export interface ReplyPlan {
  route: ReplyRoute;
  language: string;
  subject: string | null;
  /** The Message-ID this reply answers: the customer's last mail on the case, else our last email (threading). */
  inReplyTo: string | null;
}

export interface ReplyChoice {
  publicUrl?: string | null;
  via?: MessageChannel | null;
}

/**
 * Sends an agent's case reply in the customer's own channel through the messaging outbox: reads the facts (the
 * thread, the customer's addresses, the language of the feedback) and queues the message in the reply's transaction.
 */
@Injectable()
export class CaseReplyDelivery {
  constructor(
    private readonly messaging: MessagingService,
    private readonly customers: CustomersReader,
    private readonly responses: ResponsesReader,
    private readonly mentions: MentionsReader,
    private readonly churn: ChurnReader,
  ) {}

  /** The language of the feedback that opened the case, if it has one. */
  private async sourceLanguage(workspaceId: string, c: CaseRow): Promise<string | null> {
    if (!c.sourceId || !/^[0-9a-f-]{36}$/i.test(c.sourceId)) return null;
    if (c.source === 'response') return this.responses.languageOf(workspaceId, c.sourceId);
    if (c.source === 'mention') return this.mentions.languageOf(workspaceId, c.sourceId);
    if (c.source === 'cancellation') return this.churn.cancellationLanguage(workspaceId, c.sourceId);
    return null;
  }

  /** How a reply on this case would go out now (the reply box previews it; the reply sends by it). */
  async plan(workspaceId: string, c: CaseRow, choice: ReplyChoice, thread?: MessageView[]): Promise<ReplyPlan> {
    const messages = thread ?? (await this.messaging.listForCase(workspaceId, c.id));
    const lastInbound = messages.filter((m) => m.direction === 'inbound').at(-1) ?? null;
    const lastOurEmail = messages.filter((m) => m.direction === 'outbound' && m.channel === 'email').at(-1) ?? null;
    const customer = c.customerExternalId ? await this.customers.replyAddresses(workspaceId, c.customerExternalId) : null;
    const facts: ReplyFacts = {
      source: c.source,
      caseChannel: c.channel,
      lastInbound: lastInbound && { channel: lastInbound.channel, from: lastInbound.from },
      customer,
      publicUrl: choice.publicUrl ?? null,
      via: choice.via ?? null,
    };
    const route = replyRoute(facts);
    const language =
      primaryLanguage(await this.sourceLanguage(workspaceId, c)) ??
      primaryLanguage(customer && typeof customer.attributes.language === 'string' ? customer.attributes.language : null) ??
      (lastInbound ? primaryLanguage(lastInbound.language) : null) ??
      DEFAULT_LANGUAGE;
    const threadParent = lastInbound?.channel === 'email' ? lastInbound : lastOurEmail;
    // The conversation keeps its subject: the latest email's in either direction (a short "thanks" may have none).
    const lastSubject = messages.filter((m) => m.channel === 'email' && m.subject?.trim()).at(-1)?.subject ?? null;
    return {
      route,
      language,
      subject: route.channel === 'email' ? replySubject(c, language, lastSubject) : null,
      inReplyTo: route.channel === 'email' ? (threadParent?.messageId ?? null) : null,
    };
  }

  /** Queues the reply in `manager`'s transaction when it can go; otherwise says why it is only logged. */
  async queue(
    manager: EntityManager,
    workspaceId: string,
    c: CaseRow,
    plan: ReplyPlan,
    text: string,
    createdBy: string | null,
  ): Promise<ReplyDelivery> {
    const { route } = plan;
    if (route.to === null) return { sent: false, channel: route.channel, reason: route.unreachable };
    const queued = await this.messaging.enqueue(
      {
        workspaceId,
        channel: route.channel,
        purpose: 'service',
        to: route.to,
        customerExternalId: c.customerExternalId,
        language: plan.language,
        subject: plan.subject,
        text,
        caseId: c.id,
        inReplyTo: plan.inReplyTo,
        createdBy,
      },
      manager,
    );
    return {
      sent: true,
      messageId: queued.id,
      channel: route.channel,
      to: route.to,
      language: plan.language,
      subject: plan.subject,
      status: queued.status,
    };
  }
}
