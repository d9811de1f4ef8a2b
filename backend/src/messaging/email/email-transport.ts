import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SMTP_TIMEOUTS } from '../../mail/mailer';
import type { ComposedEmail } from './compose-email';

/**
 * sent: the SMTP server took it; bounced: it refused the recipient for good (5xx on RCPT TO); refused: it refused
 * our sender or the content for good (5xx on MAIL FROM or DATA: our misconfiguration, not the customer's address);
 * retry: anything else.
 */
export type SendOutcome =
  { kind: 'sent' } | { kind: 'bounced'; detail: string } | { kind: 'refused'; detail: string } | { kind: 'retry'; detail: string };

interface SmtpError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  rejected?: string[];
  rejectedErrors?: SmtpError[];
}

/** What a nodemailer error says about the send: a recipient bounce only when the refusal is on RCPT TO. */
export function classifySmtpError(smtp: SmtpError): Exclude<SendOutcome, { kind: 'sent' }> {
  const rcptError = smtp.rejectedErrors?.find((e) => e.command === 'RCPT TO');
  const source = smtp.command === 'RCPT TO' ? smtp : (rcptError ?? smtp);
  const detail = (source.response ?? smtp.response ?? smtp.message).slice(0, 1000);
  const code = source.responseCode ?? smtp.responseCode ?? 0;
  const permanent = code >= 500 && code < 600;
  if (!permanent) return { kind: 'retry', detail };
  const onRecipient = source.command === 'RCPT TO' || (smtp.code === 'EENVELOPE' && (smtp.rejected?.length ?? 0) > 0);
  if (onRecipient) return { kind: 'bounced', detail };
  const stage = smtp.command === 'MAIL FROM' ? 'our sender' : smtp.command === 'DATA' ? 'the message' : 'the email';
  return {
    kind: 'refused',
    detail: `the SMTP server refused ${stage} (${smtp.command ?? smtp.code ?? 'no command'}): ${detail}`.slice(0, 1000),
  };
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
      // A 5xx on RCPT TO is the recipient's bounce; a 5xx on MAIL FROM or DATA is ours (never suppresses the address).
      return classifySmtpError(error as SmtpError);
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
