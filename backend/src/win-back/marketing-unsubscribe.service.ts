import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '../common/http/api-error';
import { CustomersService } from '../customers/customers.service';
import { unsubscribeTokenHash } from './marketing-unsubscribe';
import { RecoveryCustomersRepository } from './recovery-customers.repository';

/** An unknown or malformed link: the page says the link no longer works (404, nothing changed). */
export class UnknownUnsubscribeLinkError extends ApiError {
  constructor() {
    super(HttpStatus.NOT_FOUND, 'not_found', 'Unsubscribe link not found');
  }
}

/**
 * A win-back notice's unsubscribe link: withdraws the customer's marketing consent in the workspace the link was made
 * for (consents.marketing granted false, when, how), so the contact policy holds their next marketing message.
 */
@Injectable()
export class MarketingUnsubscribeService {
  constructor(
    private readonly recoveryCustomers: RecoveryCustomersRepository,
    private readonly customers: CustomersService,
  ) {}

  private async target(token: string) {
    const hash = unsubscribeTokenHash(token);
    const target = hash ? await this.recoveryCustomers.byUnsubscribeToken(hash) : null;
    if (!target) throw new UnknownUnsubscribeLinkError();
    return target;
  }

  /** The language of the link's notice, for the confirmation page. */
  async languageOf(token: string): Promise<string> {
    return (await this.target(token)).language;
  }

  /** Withdraws the consent; repeating it leaves it withdrawn. Answers the notice's language. */
  async unsubscribe(token: string): Promise<string> {
    const target = await this.target(token);
    await this.customers.upsert(target.workspaceId, target.customerExternalId, {
      consents: {
        marketing: {
          granted: false,
          at: new Date().toISOString(),
          source: 'unsubscribe link',
        },
      },
    });
    return target.language;
  }
}
