import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MessageView } from '../message-view';
import { MessagingService } from '../messaging.service';
import { InboundLandingService } from './inbound-landing.service';
import type { GatewayInboundDto, InboundResultDto } from './inbound.dto';
import { stripQuotedHistory } from './quoted-history';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A customer's SMS/Telegram/WhatsApp message, posted by the workspace's own gateway: stored and landed on its case. */
@Injectable()
export class GatewayInboundService {
  constructor(
    private readonly messaging: MessagingService,
    private readonly landing: InboundLandingService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The message of ours the gateway says this answers: our id (message.requested's messageId) or a Message-ID. */
  private async answered(workspaceId: string, inReplyTo: string | undefined): Promise<MessageView | null> {
    if (!inReplyTo) return null;
    if (UUID.test(inReplyTo)) return this.messaging.outboundById(workspaceId, inReplyTo);
    return this.messaging.outboundByMessageIds(workspaceId, [inReplyTo]);
  }

  async receive(workspaceId: string, input: GatewayInboundDto, now = new Date()): Promise<InboundResultDto> {
    const answers = await this.answered(workspaceId, input.inReplyTo);
    return this.landing.land(
      {
        workspaceId,
        channel: input.channel,
        from: input.from,
        subject: null,
        text: stripQuotedHistory(input.text),
        messageId: null,
        inReplyTo: answers?.messageId ?? null,
        references: [],
        replyTo: [],
        answers,
        customerExternalId: input.customerExternalId ?? null,
        receivedAt: now,
      },
      (work) => this.dataSource.transaction(work),
    );
  }
}
