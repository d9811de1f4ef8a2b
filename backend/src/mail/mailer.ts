import { HttpStatus, Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { ApiError } from '../common/http/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

type Transport = ReturnType<typeof createTransport>;

/** Bounded SMTP timeouts: a stuck SMTP server must not hold a request (or the messaging dispatch) for minutes. */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

/**
 * Sends account mails (address codes, password resets) through SMTP_URL with nodemailer.
 * Without SMTP_URL the mail is written to the server log at warn level instead, code included: a dev instance's
 * operator is trusted, and it keeps sign-up and resets usable before mail is set up.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transport | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Bounded timeouts: a request waits for the send, and a stuck SMTP server must not hold it for minutes.
    this.transport = config.smtpUrl ? createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS }, { from: config.mailFrom }) : null;
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.transport) {
      this.logger.warn(
        `SMTP_URL is not set, so this mail was not sent; its text follows.\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`,
      );
      return;
    }
    try {
      await this.transport.sendMail({ to: message.to, subject: message.subject, text: message.text });
    } catch (error) {
      this.logger.error(`sending mail failed: ${(error as Error).message}`);
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'mail_unavailable',
        'The email could not be sent. Please try again in a few minutes.',
      );
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
