import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { SegmentFilter } from '../segments/segment-filter';
import { CustomerEntity } from './customer.entity';
import { CustomerStatusService } from './status/customer-status.service';

/** A customer's value and stage, as case rules and cancellation flows weigh them (mrr as a number). */
export type CustomerStanding = Pick<CustomerEntity, 'lifecycleStage'> & { mrr: number };

/** A customer as a segment preview lists them. */
export type SegmentMember = Pick<CustomerEntity, 'id' | 'externalId' | 'name' | 'colourStatus'>;

/** Which contact purposes a customer withdrew consent for (consents.<purpose>.granted = false; unset is not withdrawn). */
export type CustomerConsentWithdrawals = { survey: boolean; marketing: boolean };

/** Who a customer is, as events about them name them. */
export type CustomerContact = Pick<CustomerEntity, 'name' | 'email'>;

/**
 * What other modules (cases, mentions, churn) read or mark on customers; the customers module owns the table.
 * Display names are CustomerNames'.
 */
@Injectable()
export class CustomersReader {
  constructor(
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
    private readonly statuses: CustomerStatusService,
  ) {}

  private repo(manager?: EntityManager): Repository<CustomerEntity> {
    return manager ? manager.getRepository(CustomerEntity) : this.customers;
  }

  /** How many customers a saved segment (or rules being edited) holds, and the first `limit` of them by name. */
  async inSegment(filter: SegmentFilter, limit: number): Promise<{ total: number; items: SegmentMember[] }> {
    const inSegment = filter.forQueryBuilder('c.external_id');
    const query = this.customers
      .createQueryBuilder('c')
      .select(['c.id', 'c.externalId', 'c.name', 'c.colourStatus'])
      .where('c.workspace_id = :workspaceId', { workspaceId: filter.workspaceId })
      .andWhere(inSegment.sql, inSegment.parameters);
    const [total, items] = await Promise.all([
      query.getCount(),
      query.clone().orderBy('c.name', 'ASC', 'NULLS LAST').addOrderBy('c.external_id', 'ASC').limit(limit).getMany(),
    ]);
    return { total, items };
  }

  /** How many customers a segment holds now. */
  countInSegment(filter: SegmentFilter): Promise<number> {
    const inSegment = filter.forQueryBuilder('c.external_id');
    return this.customers
      .createQueryBuilder('c')
      .where('c.workspace_id = :workspaceId', { workspaceId: filter.workspaceId })
      .andWhere(inSegment.sql, inSegment.parameters)
      .getCount();
  }

  async exists(workspaceId: string, externalId: string): Promise<boolean> {
    return (await this.customers.countBy({ workspaceId, externalId })) > 0;
  }

  /** Which of these external ids are customers of the workspace (one indexed query, whatever their number). */
  async existingExternalIds(workspaceId: string, externalIds: readonly string[]): Promise<Set<string>> {
    if (externalIds.length === 0) return new Set();
    const rows = await this.customers
      .createQueryBuilder('c')
      .select('c.external_id', 'externalId')
      .where('c.workspace_id = :workspaceId AND c.external_id = ANY (CAST(:externalIds AS varchar[]))', { workspaceId, externalIds })
      .getRawMany<{ externalId: string }>();
    return new Set(rows.map((r) => r.externalId));
  }

  /** The purposes this customer withdrew consent for, or null when there is no such customer. */
  async consentWithdrawals(workspaceId: string, externalId: string): Promise<CustomerConsentWithdrawals | null> {
    const withdrawn = (kind: 'survey' | 'marketing') => `coalesce((c.consents -> '${kind}' ->> 'granted') = 'false', false)`;
    const row = await this.customers
      .createQueryBuilder('c')
      .select(withdrawn('survey'), 'survey')
      .addSelect(withdrawn('marketing'), 'marketing')
      .where('c.workspace_id = :workspaceId AND c.external_id = :externalId', { workspaceId, externalId })
      .getRawOne<CustomerConsentWithdrawals>();
    return row ?? null;
  }

  /** The customer's name and email, or null when there is no such customer. */
  async contact(workspaceId: string, externalId: string): Promise<CustomerContact | null> {
    // The id is selected too: TypeORM drops a row whose selected columns are all null (a customer without name or email).
    const row = await this.customers.findOne({ select: { id: true, name: true, email: true }, where: { workspaceId, externalId } });
    return row && { name: row.name, email: row.email };
  }

  /** Name, email and phone of these customers (a win-back notice batch: at most a few hundred ids). */
  noticeContacts(
    workspaceId: string,
    externalIds: readonly string[],
    manager?: EntityManager,
  ): Promise<{ externalId: string; name: string | null; email: string | null; phone: string | null }[]> {
    if (externalIds.length === 0) return Promise.resolve([]);
    return (manager ? manager.getRepository(CustomerEntity) : this.customers)
      .createQueryBuilder('c')
      .select('c.external_id', 'externalId')
      .addSelect('c.name', 'name')
      .addSelect('c.email', 'email')
      .addSelect('c.phone', 'phone')
      .where('c.workspace_id = :workspaceId AND c.external_id = ANY(:externalIds)', { workspaceId, externalIds: [...externalIds] })
      .getRawMany();
  }

  /** Where a customer can be written to (email, phone, messenger ids in attributes), or null when unknown. */
  async replyAddresses(
    workspaceId: string,
    externalId: string,
  ): Promise<{ email: string | null; phone: string | null; attributes: Record<string, unknown> } | null> {
    const row = await this.customers.findOne({
      select: { id: true, email: true, phone: true, attributes: true },
      where: { workspaceId, externalId },
    });
    return row && { email: row.email, phone: row.phone, attributes: row.attributes ?? {} };
  }

  /**
   * The customer who writes from this email address (case-insensitive, through customers_email_idx) or phone number,
   * the most recently seen one when several share it; null when nobody does.
   */
  async externalIdByAddress(workspaceId: string, address: { email: string } | { phone: string }): Promise<string | null> {
    const query = this.customers
      .createQueryBuilder('c')
      .select('c.external_id', 'externalId')
      .where('c.workspace_id = :workspaceId', { workspaceId });
    if ('email' in address) query.andWhere('lower(c.email) = lower(:email)', { email: address.email });
    else query.andWhere('c.phone = :phone', { phone: address.phone });
    const row = await query.orderBy('c.last_seen_at', 'DESC').addOrderBy('c.external_id').limit(1).getRawOne<{ externalId: string }>();
    return row?.externalId ?? null;
  }

  async standing(workspaceId: string, externalId: string, manager?: EntityManager): Promise<CustomerStanding | null> {
    const row = await this.repo(manager).findOne({ select: { mrr: true, lifecycleStage: true }, where: { workspaceId, externalId } });
    return row && { mrr: Number(row.mrr), lifecycleStage: row.lifecycleStage };
  }

  /**
   * Marks "customer.sleeping" announced for those of these customers not announced since they were last seen, and
   * returns them: concurrent scans claim each customer once (inside the caller's transaction, with its events).
   */
  async claimSleepingNotifications(workspaceId: string, externalIds: readonly string[], manager: EntityManager): Promise<string[]> {
    if (externalIds.length === 0) return [];
    const result = await manager
      .getRepository(CustomerEntity)
      .createQueryBuilder()
      .update()
      .set({ sleepingNotifiedAt: () => 'now()' })
      .where('workspace_id = :workspaceId AND external_id = ANY(:externalIds)', { workspaceId, externalIds })
      .andWhere('(sleeping_notified_at IS NULL OR sleeping_notified_at < last_seen_at)')
      .returning(['externalId']) // RETURNING takes property names; rows come back under the column's name
      .updateEntity(false)
      .execute();
    return (result.raw as { external_id: string }[]).map((row) => row.external_id);
  }

  /**
   * A proven customer's cancellation step (inside the caller's transaction): a cancelled run marks them as left (and
   * re-derives their colour status), and a step that proved them counts as activity ("last seen"). Unknown customers
   * are left alone.
   */
  async recordCancellationStep(
    workspaceId: string,
    externalId: string,
    step: { left: boolean; seen: boolean },
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .getRepository(CustomerEntity)
      .createQueryBuilder()
      .update()
      .set({
        lifecycleStage: () => `CASE WHEN :left THEN 'left' ELSE lifecycle_stage END`,
        lastSeenAt: () => 'CASE WHEN :seen THEN greatest(last_seen_at, now()) ELSE last_seen_at END',
        updatedAt: () => 'CASE WHEN :left THEN now() ELSE updated_at END',
      })
      .where('workspace_id = :workspaceId AND external_id = :externalId', { workspaceId, externalId })
      .setParameters({ left: step.left, seen: step.seen })
      .updateEntity(false)
      .execute();
    // Leaving moves a buyer to the red end of the colour funnel: with the cancellation, or not at all.
    if (step.left) await this.statuses.recompute(workspaceId, [externalId], manager);
  }
}
