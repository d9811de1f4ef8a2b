import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { MessageEntity } from './message.entity';
import type { MessageChannel, MessageDirection, MessageStatus } from './message-types';

export interface MessageFilter {
  status?: MessageStatus;
  channel?: MessageChannel;
  direction?: MessageDirection;
  customerExternalId?: string;
  caseId?: string;
  /** Keyset cursor: rows older than this (created_at, id). */
  before?: { createdAt: Date; id: string };
}

/** A claimed row: what the dispatch needs, and the claim's fingerprint (status, attempts) its settle checks. */
export type ClaimedMessage = MessageEntity;

/** A settle only applies to the claim that made it: same status and attempt count as when claimed. */
type Claim = Pick<MessageEntity, 'workspaceId' | 'id' | 'status' | 'attempts'>;

@Injectable()
export class MessagesRepository {
  constructor(@InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>) {}

  private repo(manager?: EntityManager): Repository<MessageEntity> {
    return manager ? manager.getRepository(MessageEntity) : this.messages;
  }

  async insert(values: QueryDeepPartialEntity<MessageEntity>, manager?: EntityManager): Promise<string> {
    const { identifiers } = await this.repo(manager).createQueryBuilder().insert().values(values).execute();
    return identifiers[0].id as string;
  }

  find(workspaceId: string, id: string, manager?: EntityManager): Promise<MessageEntity | null> {
    return this.repo(manager).findOneBy({ workspaceId, id });
  }

  /** The references chain of one of our messages or an inbound one, to continue its thread. */
  async referencesOf(workspaceId: string, messageId: string, manager?: EntityManager): Promise<string[] | null> {
    const row = await this.repo(manager).findOne({ select: { id: true, references: true }, where: { workspaceId, messageId } });
    return row ? row.references : null;
  }

  /** The outbound message sent with one of these Message-IDs (threading an inbound reply), the first found in their order. */
  async outboundByMessageIds(workspaceId: string, messageIds: string[]): Promise<MessageEntity | null> {
    if (messageIds.length === 0) return null;
    const rows = await this.messages.findBy({ workspaceId, direction: 'outbound', messageId: In(messageIds.slice(0, 100)) });
    return messageIds.map((id) => rows.find((row) => row.messageId === id)).find((row) => row !== undefined) ?? null;
  }

  forCase(workspaceId: string, caseId: string): Promise<MessageEntity[]> {
    return this.messages.find({ where: { workspaceId, caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  forInvitationRecipients(workspaceId: string, recipientIds: string[]): Promise<MessageEntity[]> {
    if (recipientIds.length === 0) return Promise.resolve([]);
    return this.messages.find({
      select: { id: true, invitationRecipientId: true, status: true, sentAt: true, createdAt: true },
      where: { workspaceId, invitationRecipientId: In(recipientIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Newest first, `limit` rows after the cursor. */
  list(workspaceId: string, filter: MessageFilter, limit: number): Promise<MessageEntity[]> {
    const query = this.messages.createQueryBuilder('m').where('m.workspace_id = :workspaceId', { workspaceId });
    if (filter.status) query.andWhere('m.status = :status', { status: filter.status });
    if (filter.channel) query.andWhere('m.channel = :channel', { channel: filter.channel });
    if (filter.direction) query.andWhere('m.direction = :direction', { direction: filter.direction });
    if (filter.customerExternalId) query.andWhere('m.customer_external_id = :customer', { customer: filter.customerExternalId });
    if (filter.caseId) query.andWhere('m.case_id = :caseId', { caseId: filter.caseId });
    const before = filter.before;
    if (before) {
      query.andWhere(
        new Brackets((q) =>
          q
            .where('m.created_at < :beforeAt', { beforeAt: before.createdAt })
            .orWhere('(m.created_at = :beforeAt AND m.id < :beforeId)', { beforeId: before.id }),
        ),
      );
    }
    return query.orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC').limit(limit).getMany();
  }

  async countsByStatus(workspaceId: string): Promise<Record<string, number>> {
    const rows: { status: string; count: string }[] = await this.messages
      .createQueryBuilder('m')
      .select('m.status', 'status')
      .addSelect('count(*)', 'count')
      .where('m.workspace_id = :workspaceId', { workspaceId })
      .groupBy('m.status')
      .getRawMany();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }

  /**
   * Claims due outbound messages (queued, or held for a policy re-check) across workspaces: FOR UPDATE SKIP LOCKED
   * lets replicas share the queue, and pushing next_attempt_at forward by the lease makes a send cut short by a crash
   * due again later. Emails only when SMTP is configured: otherwise they wait untouched (the outbox).
   */
  async claim(limit: number, leaseMs: number, includeEmail: boolean): Promise<ClaimedMessage[]> {
    // Raw SQL: QueryBuilder cannot say UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED). TypeORM answers [rows, count].
    const [rows]: [{ workspace_id: string; id: string }[], number] = await this.messages.query(
      `WITH due AS (
         SELECT workspace_id, id FROM messages
          WHERE status IN ('queued', 'held') AND next_attempt_at <= now() AND direction = 'outbound'
            AND ($3::boolean OR channel <> 'email')
          ORDER BY next_attempt_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED
       )
       UPDATE messages m
          SET attempts = m.attempts + CASE WHEN m.status = 'queued' THEN 1 ELSE 0 END,
              next_attempt_at = now() + make_interval(secs => $2::double precision / 1000),
              updated_at = now()
         FROM due
        WHERE m.workspace_id = due.workspace_id AND m.id = due.id
       RETURNING m.workspace_id, m.id`,
      [limit, leaseMs, includeEmail],
    );
    if (rows.length === 0) return [];
    const loaded = await this.messages.findBy(rows.map((row) => ({ workspaceId: row.workspace_id, id: row.id })));
    return loaded;
  }

  /**
   * Extends a claim's lease right before its send: false when the lease already ran out or another claim took the
   * message (its next_attempt_at is no longer the one this claim set), so a slow batch never sends a message twice.
   * Called once the contact policy lets the message go, so it also ends any hold (held_at).
   */
  async renewLease(claim: ClaimedMessage, leaseMs: number): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.messages.query(
      `UPDATE messages
          SET next_attempt_at = now() + make_interval(secs => $5::double precision / 1000), held_at = NULL, updated_at = now()
        WHERE workspace_id = $1 AND id = $2 AND status = $3 AND attempts = $4
          AND next_attempt_at > now()
          AND abs(extract(epoch FROM next_attempt_at - $6::timestamptz)) < 0.001`,
      [claim.workspaceId, claim.id, claim.status, claim.attempts, leaseMs, claim.nextAttemptAt],
    );
    return affected > 0;
  }

  /** Moves a claimed message on; false when another claim got there first (the lease ran out meanwhile). */
  async settle(claim: Claim, changes: QueryDeepPartialEntity<MessageEntity>, manager?: EntityManager): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ ...changes, updatedAt: () => 'now()' })
      .where('workspace_id = :workspaceId AND id = :id AND status = :status AND attempts = :attempts', claim)
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Retry again after `delayMs` (temporary failure) or re-check a hold later. */
  retryLater(claim: Claim, status: 'queued' | 'held', delayMs: number, changes: QueryDeepPartialEntity<MessageEntity>): Promise<boolean> {
    return this.settle(claim, {
      ...changes,
      status,
      nextAttemptAt: () => `now() + make_interval(secs => ${Number(delayMs) / 1000})`,
    });
  }

  /** Moves a message from one of `from` to `to` (cancel, retry, delivery reports): only forward, never twice. */
  async transition(
    workspaceId: string,
    id: string,
    from: MessageStatus[],
    changes: QueryDeepPartialEntity<MessageEntity>,
  ): Promise<boolean> {
    const result = await this.messages
      .createQueryBuilder()
      .update()
      .set({ ...changes, updatedAt: () => 'now()' })
      .where('workspace_id = :workspaceId AND id = :id AND status IN (:...from)', { workspaceId, id, from })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async setCase(workspaceId: string, id: string, caseId: string): Promise<void> {
    await this.messages.update({ workspaceId, id }, { caseId, updatedAt: new Date() });
  }
}
