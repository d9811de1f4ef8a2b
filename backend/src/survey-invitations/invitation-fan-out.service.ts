import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { CONTACT_GATE, type ContactGate } from '../common/contact/contact-gate.port';
import { optionalProvider } from '../common/nest/optional-provider';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InvitationAudienceReader } from '../customers/invitation-audience.reader';
import { MessagingService } from '../messaging/messaging.service';
import { InvitationResponsesReader } from '../responses/invitation-responses.reader';
import { SurveysReader } from '../surveys/surveys.reader';
import { buildInvitationEmail } from './invitation-email';
import { FAN_OUT_BATCH, type SkipReason } from './invitation-rules';
import { SurveySendsRepository } from './survey-sends.repository';
import type { SurveySendRecipientEntity } from './survey-send-recipient.entity';

const DAY_MS = 86_400_000;

/** The response an invitation starts is keyed by its recipient, so a second click or the link page continues it. */
export const invitationResponseKey = (recipientId: string): string => `inv-${recipientId}`;

/**
 * Invites a send's pending recipients a batch at a time (one transaction per batch: the messages are queued in the
 * messaging outbox with the recipients' rows), skipping with a reason those who must not be written to; and sends
 * the one reminder to invited recipients who have not answered.
 */
@Injectable()
export class InvitationFanOutService {
  /** Looked up once (undefined: not yet; null: no contact-policy module, everyone allowed). */
  private gate: ContactGate | null | undefined;

  constructor(
    private readonly sends: SurveySendsRepository,
    private readonly surveys: SurveysReader,
    private readonly audience: InvitationAudienceReader,
    private readonly responses: InvitationResponsesReader,
    private readonly messaging: MessagingService,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private contactGate(): ContactGate | null {
    if (this.gate === undefined) this.gate = optionalProvider<ContactGate>(this.moduleRef, CONTACT_GATE);
    return this.gate;
  }

  /** Invites the next batch of one send; false when nothing was pending. */
  async inviteBatch(workspaceId: string, sendId: string): Promise<boolean> {
    return this.sends.transaction(async (manager) => {
      const send = await this.sends.findSend(workspaceId, sendId, manager);
      if (!send || (send.status !== 'sending' && send.status !== 'active')) return false;
      const survey = await this.surveys.findById(workspaceId, send.surveyId);
      if (!survey || survey.status !== 'live') {
        // A survey paused or closed after the send was made: nothing more goes out; the send says so.
        await this.sends.setStatus(workspaceId, sendId, 'stopped');
        return false;
      }
      const batch = await this.sends.pendingBatch(workspaceId, sendId, FAN_OUT_BATCH, manager);
      if (batch.length === 0) {
        await this.sends.refreshProgress(workspaceId, sendId, manager);
        return false;
      }
      const skipped = new Map<SkipReason, string[]>();
      const skip = (recipient: SurveySendRecipientEntity, reason: SkipReason) =>
        skipped.set(reason, [...(skipped.get(reason) ?? []), recipient.id]);
      const reasons = await this.skipReasons(workspaceId, batch);
      const gate = this.contactGate();
      // Customers are claimed in one order, so two batches sharing customers never wait on each other in a circle.
      const ordered = [...batch].sort((a, b) => (a.customerExternalId ?? '').localeCompare(b.customerExternalId ?? ''));
      for (const recipient of ordered) {
        const reason = reasons.get(recipient.id);
        if (reason) {
          skip(recipient, reason);
          continue;
        }
        if (gate && recipient.customerExternalId) {
          // The contact policy (consent, the guard, the frequency) is checked and the ask recorded under the customer's
          // lock, held until this batch commits: a widget display or another send cannot slip between.
          const decision = await gate.claimSurveyContact(
            workspaceId,
            recipient.customerExternalId,
            { surveyId: survey.id, channel: 'email' },
            manager,
          );
          if (!decision.allowed) {
            skip(recipient, decision.reasons[0]?.code ?? 'contacted_recently');
            continue;
          }
        }
        const email = buildInvitationEmail(survey, {
          language: recipient.language,
          token: recipient.token,
          publicUrl: this.config.publicUrl,
          reminder: false,
        });
        const queued = await this.messaging.enqueue(
          {
            workspaceId,
            channel: 'email',
            purpose: 'survey',
            to: recipient.address!,
            customerExternalId: recipient.customerExternalId,
            language: recipient.language,
            invitationRecipientId: recipient.id,
            createdBy: send.createdBy,
            ...email,
          },
          manager,
        );
        const reminderDueAt = send.reminderDays > 0 ? new Date(Date.now() + send.reminderDays * DAY_MS) : null;
        await this.sends.markInvited(workspaceId, recipient.id, { messageId: queued.id, reminderDueAt }, manager);
      }
      for (const [reason, ids] of skipped) await this.sends.markSkipped(workspaceId, ids, reason, manager);
      await this.sends.refreshProgress(workspaceId, sendId, manager);
      return true;
    });
  }

  /**
   * Why each of these recipients must not be invited: no address; consent to surveys withdrawn (in the customer's
   * consents, or an unsubscribe from an earlier invitation to the same address); an address that bounced or was
   * suppressed. Absent from the map: the contact policy is asked next (claimed under the customer's lock).
   */
  private async skipReasons(workspaceId: string, batch: SurveySendRecipientEntity[]): Promise<Map<string, SkipReason>> {
    const reasons = new Map<string, SkipReason>();
    const ids = batch.flatMap((r) => (r.customerExternalId ? [r.customerExternalId] : []));
    const withdrawn = new Set(
      (await this.audience.byIds(workspaceId, ids)).filter((c) => c.surveyConsentWithdrawn).map((c) => c.externalId),
    );
    const unsubscribed = await this.sends.unsubscribedAddresses(
      workspaceId,
      batch.flatMap((r) => (r.address ? [r.address] : [])),
    );
    for (const recipient of batch) {
      if (!recipient.address) reasons.set(recipient.id, 'no_email');
      else if ((recipient.customerExternalId && withdrawn.has(recipient.customerExternalId)) || unsubscribed.has(recipient.address))
        reasons.set(recipient.id, 'consent_withdrawn');
      else if (await this.messaging.isSuppressed(workspaceId, recipient.address)) reasons.set(recipient.id, 'suppressed');
    }
    return reasons;
  }

  /**
   * Sends due reminders, a batch at a time: each recipient's one reminder is claimed under a row lock and settled in
   * the same transaction, so two runs never remind anyone twice. Someone who answered (through the email or the link
   * page), unsubscribed or withdrew consent gets none. Returns how many recipients were settled.
   */
  async remindBatch(limit = FAN_OUT_BATCH): Promise<number> {
    return this.sends.transaction(async (manager) => {
      const due = await this.sends.dueReminders(limit, manager);
      for (const recipient of due) await this.remindOne(recipient, manager);
      return due.length;
    });
  }

  private async remindOne(recipient: SurveySendRecipientEntity, manager: EntityManager): Promise<void> {
    const { workspaceId } = recipient;
    const survey = await this.surveys.findById(workspaceId, recipient.surveyId);
    const answered =
      recipient.answeredAt !== null ||
      (await this.responses.byKeys(workspaceId, recipient.surveyId, [invitationResponseKey(recipient.id)])).length > 0;
    const withdrawn =
      recipient.unsubscribedAt !== null ||
      (recipient.customerExternalId !== null &&
        (await this.audience.byIds(workspaceId, [recipient.customerExternalId]))[0]?.surveyConsentWithdrawn === true) ||
      (await this.sends.unsubscribedAddresses(workspaceId, [recipient.address ?? ''])).size > 0;
    // The guard (an open complaint, a recent cancellation or SLA breach) holds the reminder too; the frequency cap
    // does not: the invitation it reminds of was that contact.
    const guarded =
      recipient.customerExternalId !== null &&
      (
        (await this.contactGate()?.check(workspaceId, recipient.customerExternalId, 'survey', { surveyId: recipient.surveyId }))?.reasons ??
        []
      ).some((reason) => reason.code !== 'contacted_recently');
    if (answered || withdrawn || guarded || !survey || survey.status !== 'live' || !recipient.address) {
      await this.sends.settleReminder(workspaceId, recipient.id, null, manager);
      return;
    }
    const email = buildInvitationEmail(survey, {
      language: recipient.language,
      token: recipient.token,
      publicUrl: this.config.publicUrl,
      reminder: true,
    });
    const queued = await this.messaging.enqueue(
      {
        workspaceId,
        channel: 'email',
        purpose: 'survey',
        to: recipient.address,
        customerExternalId: recipient.customerExternalId,
        language: recipient.language,
        invitationRecipientId: recipient.id,
        ...email,
      },
      manager,
    );
    await this.sends.settleReminder(workspaceId, recipient.id, queued.id, manager);
  }
}
