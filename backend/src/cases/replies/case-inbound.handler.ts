import { Injectable, OnModuleInit } from '@nestjs/common';
import { InboundMessageHandlers } from '../../messaging/inbound-message-handlers';
import type { InboundMessage, InboundMessageHandler } from '../../messaging/message-types';
import { SYSTEM } from '../case-actor';
import { CasesService } from '../cases.service';

/**
 * Lands a customer's inbound message on its case as the customer's reply (which resumes a paused case's timers):
 * the case of the outbound message it answers (the thread), else the customer's most recent open case. Unmatched
 * messages stay in the messaging module's inbox.
 */
@Injectable()
export class CaseInboundHandler implements InboundMessageHandler, OnModuleInit {
  constructor(
    private readonly handlers: InboundMessageHandlers,
    private readonly cases: CasesService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  private async caseOf(message: InboundMessage): Promise<string | null> {
    // The thread names a case of this workspace only (the messaging module matched within it; checked again here).
    if (message.answersCaseId && (await this.cases.exists(message.workspaceId, message.answersCaseId))) return message.answersCaseId;
    if (message.customerExternalId) return this.cases.latestOpenCaseOf(message.workspaceId, message.customerExternalId);
    return null;
  }

  async handle(message: InboundMessage): Promise<{ caseId: string } | null> {
    const caseId = await this.caseOf(message);
    if (!caseId) return null;
    await this.cases.replyAndSend(
      message.workspaceId,
      caseId,
      {
        text: message.text.trim() || '(no text)',
        from: 'customer',
        // The SLA channel of the event: email, or a messenger through the gateway.
        channel: message.channel === 'email' ? 'email' : 'messenger',
        inboundMessageId: message.id,
      },
      SYSTEM,
      message.receivedAt,
    );
    return { caseId };
  }
}
