import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError, conflict, notFound } from '../common/http/api-error';
import { CustomersReader } from '../customers/customers.reader';
import { MessagingService } from '../messaging/messaging.service';
import { marketingUnsubscribeUrl, newUnsubscribeToken } from './marketing-unsubscribe';
import { noticeLanguageOf, noticeTooLong, renderNotice } from './notice-template';
import { RecoveryCustomersRepository } from './recovery-customers.repository';
import { RecoveryProblemsRepository } from './recovery-problems.repository';
import type { NotifyDto, NotifyResultDto } from './win-back.dto';

/** Customers claimed and told per transaction: a long list goes in several short transactions. */
const NOTICE_BATCH = 200;

/**
 * Tells a fixed problem's affected customers, each once, in their channel: email when they have one, else SMS
 * through the workspace's gateway, else skipped (no address). Purpose `marketing`, so the messaging dispatch asks
 * the contact policy (consents, the guard) before sending and holds the message with its reasons when refused.
 */
@Injectable()
export class WinBackNoticeService {
  constructor(
    private readonly problems: RecoveryProblemsRepository,
    private readonly customers: RecoveryCustomersRepository,
    private readonly contacts: CustomersReader,
    private readonly messaging: MessagingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notify(workspaceId: string, problemId: string, userId: string | null, input: NotifyDto): Promise<NotifyResultDto> {
    const problem = await this.problems.get(workspaceId, problemId);
    if (!problem) throw notFound('Problem');
    if (problem.status !== 'fixed' || !problem.whatChanged) throw conflict('not_fixed', 'Mark the problem fixed before telling customers');
    const tooLong = noticeTooLong(input, problem.whatChanged);
    if (tooLong)
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'notice_too_long',
        `The ${tooLong.field} would be ${tooLong.length} characters after filling in {what_changed} and {name} ` +
          `(with a 200-character name); at most ${tooLong.limit}. Use each placeholder less often or shorten the text.`,
        [{ field: tooLong.field, message: `at most ${tooLong.limit} characters once filled in` }],
      );
    const customerIds = input.customerIds ? [...new Set(input.customerIds)] : null;
    // A customer told about another problem lately is not written to again (five fixes in a week read as spam).
    const skipRecentlyNotified = input.skipRecentlyNotified !== false;
    const standing = await this.customers.noticeStanding(workspaceId, problemId, customerIds, skipRecentlyNotified);
    // The database's clock, as the claim's notified_at = now() is: skew with this server cannot re-claim this request's skips.
    const retrySkippedBefore = input.onlyNotNotified === false ? await this.customers.databaseNow() : null;
    const language = noticeLanguageOf(input.language);
    const result: NotifyResultDto = {
      queued: 0,
      skipped: {
        noAddress: 0,
        alreadyNotified: standing.alreadyNotified,
        notAffected: standing.notAffected,
        recentlyNotified: standing.recentlyNotified,
      },
    };
    for (;;) {
      const claimed = await this.problems.transaction(async (manager) => {
        const ids = await this.customers.claimNoticeBatch(
          workspaceId,
          problemId,
          { customerIds, retrySkippedBefore, skipRecentlyNotified, limit: NOTICE_BATCH },
          manager,
        );
        const people = await this.contacts.noticeContacts(workspaceId, ids, manager);
        const notices: { customerExternalId: string; messageId: string; unsubscribeTokenHash: string }[] = [];
        const noAddress: string[] = [];
        for (const person of people) {
          const to = person.email?.trim() || person.phone?.trim();
          if (!to) {
            noAddress.push(person.externalId);
            continue;
          }
          const values = { name: person.name, whatChanged: problem.whatChanged! };
          // Marketing: each notice carries its own unsubscribe link (footer and List-Unsubscribe headers).
          const unsubscribe = newUnsubscribeToken();
          const queued = await this.messaging.enqueue(
            {
              workspaceId,
              channel: person.email?.trim() ? 'email' : 'sms',
              purpose: 'marketing',
              to,
              customerExternalId: person.externalId,
              language,
              subject: renderNotice(input.subject, values).replace(/[\r\n]+/g, ' '),
              text: renderNotice(input.text, values),
              unsubscribeUrl: marketingUnsubscribeUrl(this.config.publicUrl, unsubscribe.token),
              createdBy: userId,
            },
            manager,
          );
          notices.push({ customerExternalId: person.externalId, messageId: queued.id, unsubscribeTokenHash: unsubscribe.hash });
        }
        await this.customers.recordNotices(workspaceId, problemId, notices, manager);
        await this.customers.markSkipped(workspaceId, problemId, noAddress, manager);
        return { claimed: ids.length, queued: notices.length, noAddress: noAddress.length };
      });
      result.queued += claimed.queued;
      result.skipped.noAddress += claimed.noAddress;
      if (claimed.claimed < NOTICE_BATCH) break;
    }
    return result;
  }
}
