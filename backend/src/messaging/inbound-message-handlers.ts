import { Injectable, Logger } from '@nestjs/common';
import type { InboundMessage, InboundMessageHandler } from './message-types';

/**
 * The modules that act on inbound messages register here in onModuleInit (cases: a reply lands on its case). The
 * first handler that returns a case id claims the message; a handler that throws is logged and skipped, so one
 * broken handler does not lose the message for the others.
 */
@Injectable()
export class InboundMessageHandlers {
  private readonly logger = new Logger('InboundMessages');
  private readonly handlers: InboundMessageHandler[] = [];

  register(handler: InboundMessageHandler): void {
    if (!this.handlers.includes(handler)) this.handlers.push(handler);
  }

  async dispatch(message: InboundMessage): Promise<{ caseId: string } | null> {
    for (const handler of this.handlers) {
      try {
        const claimed = await handler.handle(message);
        if (claimed) return claimed;
      } catch (error) {
        this.logger.warn(`an inbound handler failed on message ${message.id}: ${(error as Error).message}`);
      }
    }
    return null;
  }
}
