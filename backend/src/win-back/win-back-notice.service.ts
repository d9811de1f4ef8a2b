import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '../common/http/api-error';
import { CustomersReader } from '../customers/customers.reader';
import { MessagingService } from '../messaging/messaging.service';
import { noticeLanguageOf, renderNotice } from './notice-template';
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
  ) {}

  async notify(workspaceId: string, problemId: string, userId: string | null, input: NotifyDto): Promise<NotifyResultDto> {
    const problem = await this.problems.get(workspaceId, problemId);
    if (!problem) throw notFound('Problem');
    if (problem.status !== 'fixed' || !problem.whatChanged) throw conflict('not_fixed', 'Mark the problem fixed before telling customers');
    const customerIds = input.customerIds ? [...new Set(input.customerIds)] : null;
    const standing = await this.customers.noticeStanding(workspaceId, problemId, customerIds);
    const retrySkippedBefore = input.onlyNotNotified === false ? new Date() : null;
    const language = noticeLanguageOf(input.language);
    const result: NotifyResultDto = {
      queued: 0,
      skipped: { noAddress: 0, alreadyNotified: standing.alreadyNotified, notAffected: standing.notAffected },
    };
    for (;;) {
      const claimed = await this.problems.transaction(async (manager) => {
        const ids = await this.customers.claimNoticeBatch(
          workspaceId,
          problemId,
          { customerIds, retrySkippedBefore, limit: NOTICE_BATCH },
          manager,
        );
        const people = await this.contacts.noticeContacts(workspaceId, ids, manager);
        const notices: { customerExternalId: string; messageId: string }[] = [];
        const noAddress: string[] = [];
        for (const person of people) {
          const to = person.email?.trim() || person.phone?.trim();
          if (!to) {
            noAddress.push(person.externalId);
            continue;
          }
          const values = { name: person.name, whatChanged: problem.whatChanged! };
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
              createdBy: userId,
            },
            manager,
          );
          notices.push({ customerExternalId: person.externalId, messageId: queued.id });
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
