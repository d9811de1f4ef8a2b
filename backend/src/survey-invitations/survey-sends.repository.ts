import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { SkipReason } from './invitation-rules';
import { SurveySendRecipientEntity } from './survey-send-recipient.entity';
import { SurveySendEntity } from './survey-send.entity';

export type NewSend = Pick<
  SurveySendEntity,
  | 'workspaceId'
  | 'surveyId'
  | 'audience'
  | 'segmentId'
  | 'segmentName'
  | 'eventKind'
  | 'eventName'
  | 'delayDays'
  | 'language'
  | 'reminderDays'
  | 'status'
  | 'scheduledAt'
  | 'watermark'
  | 'createdBy'
>;

export type NewRecipient = Pick<
  SurveySendRecipientEntity,
  'workspaceId' | 'sendId' | 'surveyId' | 'customerExternalId' | 'address' | 'language' | 'token'
>;

/** Recipient counts of one send, straight from its rows. */
export interface RecipientCounts {
  total: number;
  pending: number;
  invited: number;
  skipped: number;
  opened: number;
  clicked: number;
  reminded: number;
  unsubscribed: number;
  skippedByReason: Record<string, number>;
}

/** Per send, over its invited recipients: the invitation message's delivery and the invitation's response. */
export interface SendOutcomes {
  queued: number;
  sent: number;
  delivered: number;
  bounced: number;
  failed: number;
  answered: number;
  finished: number;
}

const INSERT_CHUNK = 1000;

/** SQL of survey_sends and survey_send_recipients (the survey-invitations module owns both). */
@Injectable()
export class SurveySendsRepository {
  constructor(
    @InjectRepository(SurveySendEntity) private readonly sends: Repository<SurveySendEntity>,
    @InjectRepository(SurveySendRecipientEntity) private readonly recipients: Repository<SurveySendRecipientEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.sends.manager.transaction(work);
  }

  private sendRepo(manager?: EntityManager) {
    return manager ? manager.getRepository(SurveySendEntity) : this.sends;
  }

  private recipientRepo(manager?: EntityManager) {
    return manager ? manager.getRepository(SurveySendRecipientEntity) : this.recipients;
  }

  async insertSend(send: NewSend, manager?: EntityManager): Promise<SurveySendEntity> {
    const repo = this.sendRepo(manager);
    return repo.save(repo.create(send));
  }

  findSend(workspaceId: string, id: string, manager?: EntityManager): Promise<SurveySendEntity | null> {
    return this.sendRepo(manager).findOneBy({ workspaceId, id });
  }

  listSends(workspaceId: string, surveyId: string, page: { limit: number; offset: number }): Promise<SurveySendEntity[]> {
    return this.sends.find({
      where: { workspaceId, surveyId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** Adds recipients in chunks; a customer already in the send is left as they are. Returns how many were added. */
  async insertRecipients(rows: NewRecipient[], manager?: EntityManager): Promise<number> {
    let added = 0;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const result = await this.recipientRepo(manager)
        .createQueryBuilder()
        .insert()
        .values(rows.slice(i, i + INSERT_CHUNK))
        .orIgnore()
        .returning(['id'])
        .updateEntity(false)
        .execute();
      added += (result.raw as unknown[]).length;
    }
    return added;
  }

  /**
   * Sends whose time has come: scheduled segment and list sends become `sending` (each claimed once; with `manager`,
   * only if that transaction commits).
   */
  async claimDueSends(limit: number, manager?: EntityManager): Promise<Pick<SurveySendEntity, 'workspaceId' | 'id'>[]> {
    const result = await this.sendRepo(manager)
      .createQueryBuilder()
      .update()
      .set({ status: 'sending', startedAt: () => 'now()' })
      .where(
        `(workspace_id, id) IN (SELECT workspace_id, id FROM survey_sends WHERE status = 'scheduled' AND scheduled_at <= now()
           ORDER BY scheduled_at LIMIT :limit FOR UPDATE SKIP LOCKED)`,
        { limit },
      )
      .returning(['workspaceId', 'id'])
      .updateEntity(false)
      .execute();
    return (result.raw as { workspace_id: string; id: string }[]).map((row) => ({ workspaceId: row.workspace_id, id: row.id }));
  }

  /** Sends that still have recipients to invite (sending, or an active event send). */
  async sendsWithPending(limit: number): Promise<Pick<SurveySendEntity, 'workspaceId' | 'id'>[]> {
    return this.sends
      .createQueryBuilder('s')
      .select(['s.workspaceId', 's.id'])
      .where(`s.status IN ('sending', 'active')`)
      .andWhere(
        `EXISTS (SELECT 1 FROM survey_send_recipients r WHERE r.workspace_id = s.workspace_id AND r.send_id = s.id AND r.status = 'pending')`,
      )
      .orderBy('s.scheduled_at')
      .limit(limit)
      .getMany();
  }

  /** Active event sends whose start has come. */
  activeEventSends(): Promise<SurveySendEntity[]> {
    return this.sends
      .createQueryBuilder('s')
      .where(`s.status = 'active' AND s.audience = 'event' AND s.scheduled_at <= now()`)
      .orderBy('s.scheduled_at')
      .getMany();
  }

  async setWatermark(workspaceId: string, id: string, watermark: Date): Promise<void> {
    await this.sends.update({ workspaceId, id }, { watermark });
  }

  async setStatus(workspaceId: string, id: string, status: SurveySendEntity['status']): Promise<void> {
    await this.sends.update({ workspaceId, id }, { status, ...(status === 'stopped' ? { finishedAt: new Date() } : {}) });
  }

  /** The next pending recipients of a send, locked for this transaction (another process takes the next ones). */
  pendingBatch(workspaceId: string, sendId: string, limit: number, manager: EntityManager): Promise<SurveySendRecipientEntity[]> {
    return manager
      .getRepository(SurveySendRecipientEntity)
      .createQueryBuilder('r')
      .where(`r.workspace_id = :workspaceId AND r.send_id = :sendId AND r.status = 'pending'`, { workspaceId, sendId })
      .orderBy('r.created_at')
      .addOrderBy('r.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async markInvited(
    workspaceId: string,
    id: string,
    fields: { messageId: string; reminderDueAt: Date | null },
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(SurveySendRecipientEntity).update({ workspaceId, id }, {
      status: 'invited',
      messageId: fields.messageId,
      invitedAt: () => 'now()',
      reminderDueAt: fields.reminderDueAt,
    } as never);
  }

  async markSkipped(workspaceId: string, ids: string[], reason: SkipReason, manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager
      .getRepository(SurveySendRecipientEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'skipped', skipReason: reason })
      .where(`workspace_id = :workspaceId AND id = ANY(:ids) AND status = 'pending'`, { workspaceId, ids })
      .execute();
  }

  /** Recomputes the send's progress; a sending send with nothing pending is sent. */
  async refreshProgress(workspaceId: string, sendId: string, manager?: EntityManager): Promise<void> {
    await this.sendRepo(manager)
      .createQueryBuilder()
      .update()
      .set({
        recipientsTotal: () =>
          `(SELECT count(*) FROM survey_send_recipients r WHERE r.workspace_id = survey_sends.workspace_id AND r.send_id = survey_sends.id)`,
        recipientsProcessed: () =>
          `(SELECT count(*) FROM survey_send_recipients r WHERE r.workspace_id = survey_sends.workspace_id AND r.send_id = survey_sends.id AND r.status <> 'pending')`,
        status: () => `CASE WHEN status = 'sending' AND NOT EXISTS (SELECT 1 FROM survey_send_recipients r
                          WHERE r.workspace_id = survey_sends.workspace_id AND r.send_id = survey_sends.id AND r.status = 'pending')
                        THEN 'sent' ELSE status END`,
        finishedAt: () => `CASE WHEN status = 'sending' AND NOT EXISTS (SELECT 1 FROM survey_send_recipients r
                          WHERE r.workspace_id = survey_sends.workspace_id AND r.send_id = survey_sends.id AND r.status = 'pending')
                        THEN now() ELSE finished_at END`,
      })
      .where('workspace_id = :workspaceId AND id = :sendId', { workspaceId, sendId })
      .execute();
  }

  /** Addresses of this workspace that unsubscribed through any invitation (lower-cased), among `addresses`. */
  async unsubscribedAddresses(workspaceId: string, addresses: string[]): Promise<Set<string>> {
    if (addresses.length === 0) return new Set();
    const rows = await this.recipients
      .createQueryBuilder('r')
      .select('DISTINCT lower(r.address)', 'address')
      .where('r.workspace_id = :workspaceId AND r.unsubscribed_at IS NOT NULL AND lower(r.address) = ANY(:addresses)', {
        workspaceId,
        addresses,
      })
      .getRawMany<{ address: string }>();
    return new Set(rows.map((row) => row.address));
  }

  /** Recipients whose one reminder is due, locked for this transaction; each is reminded (or dropped) once. */
  dueReminders(limit: number, manager: EntityManager): Promise<SurveySendRecipientEntity[]> {
    return manager
      .getRepository(SurveySendRecipientEntity)
      .createQueryBuilder('r')
      .where('r.reminder_due_at IS NOT NULL AND r.reminded_at IS NULL AND r.reminder_due_at <= now()')
      .orderBy('r.reminder_due_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** The reminder went (messageId) or is not needed any more (null): either way it is never due again. */
  async settleReminder(workspaceId: string, id: string, messageId: string | null, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(SurveySendRecipientEntity)
      .update(
        { workspaceId, id },
        messageId ? ({ remindedAt: () => 'now()', reminderMessageId: messageId } as never) : ({ reminderDueAt: null } as never),
      );
  }

  async byToken(token: string): Promise<SurveySendRecipientEntity | null> {
    return this.recipients.findOneBy({ token });
  }

  /** A click on a score link: first open, first answer, the score and the response it went into. */
  async recordScore(workspaceId: string, id: string, score: number, responseId: string): Promise<void> {
    await this.recipients
      .createQueryBuilder()
      .update()
      .set({
        openedAt: () => 'coalesce(opened_at, now())',
        answeredAt: () => 'coalesce(answered_at, now())',
        score,
        responseId,
      })
      .where('workspace_id = :workspaceId AND id = :id', { workspaceId, id })
      .execute();
  }

  async recordOpened(workspaceId: string, id: string): Promise<void> {
    await this.recipients
      .createQueryBuilder()
      .update()
      .set({ openedAt: () => 'coalesce(opened_at, now())' })
      .where('workspace_id = :workspaceId AND id = :id', { workspaceId, id })
      .execute();
  }

  /** Unsubscribes: the reminder is dropped too. */
  async recordUnsubscribed(workspaceId: string, id: string): Promise<void> {
    await this.recipients
      .createQueryBuilder()
      .update()
      .set({
        unsubscribedAt: () => 'coalesce(unsubscribed_at, now())',
        reminderDueAt: () => 'CASE WHEN reminded_at IS NULL THEN NULL ELSE reminder_due_at END',
      })
      .where('workspace_id = :workspaceId AND id = :id', { workspaceId, id })
      .execute();
  }

  /** Ids of a send's invited recipients (the response and delivery figures are asked for them). */
  async invitedIds(workspaceId: string, sendId: string): Promise<string[]> {
    const rows = await this.recipients.find({ select: { id: true }, where: { workspaceId, sendId, status: 'invited' } });
    return rows.map((row) => row.id);
  }

  async counts(workspaceId: string, sendId: string): Promise<RecipientCounts> {
    const row = await this.recipients
      .createQueryBuilder('r')
      .select('count(*)::int', 'total')
      .addSelect(`count(*) FILTER (WHERE r.status = 'pending')::int`, 'pending')
      .addSelect(`count(*) FILTER (WHERE r.status = 'invited')::int`, 'invited')
      .addSelect(`count(*) FILTER (WHERE r.status = 'skipped')::int`, 'skipped')
      .addSelect('count(r.opened_at)::int', 'opened')
      .addSelect('count(r.answered_at)::int', 'clicked')
      .addSelect('count(r.reminded_at)::int', 'reminded')
      .addSelect('count(r.unsubscribed_at)::int', 'unsubscribed')
      .addSelect(
        `coalesce((SELECT jsonb_object_agg(x.reason, x.n) FROM (SELECT skip_reason AS reason, count(*)::int AS n FROM survey_send_recipients
            WHERE workspace_id = :workspaceId AND send_id = :sendId AND status = 'skipped' GROUP BY skip_reason) x), '{}'::jsonb)`,
        'skippedByReason',
      )
      .where('r.workspace_id = :workspaceId AND r.send_id = :sendId', { workspaceId, sendId })
      .getRawOne<RecipientCounts>();
    return row!;
  }

  /**
   * Delivery and answers of these sends, counted in the database (a send of any size is one row each): the invitation
   * message of each invited recipient (its message_id; a reminder does not count twice) and the response keyed by the
   * invitation (`inv-{recipient id}`).
   */
  async outcomes(workspaceId: string, sendIds: string[]): Promise<Map<string, SendOutcomes>> {
    if (sendIds.length === 0) return new Map();
    const rows = await this.recipients
      .createQueryBuilder('r')
      .select('r.send_id', 'sendId')
      .addSelect(`count(*) FILTER (WHERE m.status IN ('queued', 'held'))::int`, 'queued')
      .addSelect(`count(*) FILTER (WHERE m.status IN ('sent', 'delivered'))::int`, 'sent')
      .addSelect(`count(*) FILTER (WHERE m.status = 'delivered')::int`, 'delivered')
      .addSelect(`count(*) FILTER (WHERE m.status = 'bounced')::int`, 'bounced')
      .addSelect(`count(*) FILTER (WHERE m.status IN ('failed', 'cancelled'))::int`, 'failed')
      .addSelect('count(resp.id)::int', 'answered')
      .addSelect('count(resp.id) FILTER (WHERE resp.finished)::int', 'finished')
      .leftJoin('messages', 'm', 'm.workspace_id = r.workspace_id AND m.id = r.message_id')
      .leftJoin(
        'responses',
        'resp',
        `resp.workspace_id = r.workspace_id AND resp.survey_id = r.survey_id AND resp.idempotency_key = 'inv-' || r.id::text`,
      )
      .where(`r.workspace_id = :workspaceId AND r.send_id = ANY(:sendIds) AND r.status = 'invited'`, { workspaceId, sendIds })
      .groupBy('r.send_id')
      .getRawMany<SendOutcomes & { sendId: string }>();
    return new Map(rows.map(({ sendId, ...counts }) => [sendId, counts]));
  }
}
