import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SMTP_TIMEOUTS } from '../../mail/mailer';
import type { ComposedEmail } from './compose-email';

/** sent: the SMTP server took it; bounced: it refused the recipient for good (5xx); retry: anything else. */
export type SendOutcome = { kind: 'sent' } | { kind: 'bounced'; detail: string } | { kind: 'retry'; detail: string };

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/**
 * The customer messages' SMTP connection: one pooled nodemailer transport on SMTP_URL with the account mails' bounded
 * timeouts. Null without SMTP_URL: emails then wait in the outbox.
 */
@Injectable()
export class EmailTransport implements OnModuleDestroy {
  private readonly transport: ReturnType<typeof createTransport> | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.transport = config.smtpUrl ? createTransport({ url: config.smtpUrl, pool: true, maxConnections: 3, ...SMTP_TIMEOUTS }) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async send(email: ComposedEmail): Promise<SendOutcome> {
    if (!this.transport) return { kind: 'retry', detail: 'SMTP_URL is not set' };
    try {
      await this.transport.sendMail({
        from: email.from,
        to: email.to,
        replyTo: email.replyTo,
        subject: email.subject,
        messageId: email.messageId,
        inReplyTo: email.inReplyTo,
        references: email.references,
        headers: email.headers,
        html: email.html,
        text: email.text,
      });
      return { kind: 'sent' };
    } catch (error) {
      const smtp = error as SmtpError;
      const detail = (smtp.response ?? smtp.message).slice(0, 1000);
      // EENVELOPE with a 5xx: the server refused the recipient (RCPT) for good, a bounce. 4xx and network errors pass.
      const permanent = smtp.code === 'EENVELOPE' && (smtp.responseCode ?? 0) >= 500 && (smtp.responseCode ?? 0) < 600;
      return permanent ? { kind: 'bounced', detail } : { kind: 'retry', detail };
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
