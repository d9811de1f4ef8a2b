import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { SegmentFilter } from '../segments/segment-filter';
import { CustomerEntity } from './customer.entity';
import { RED_STATUSES, type RedStatus } from './status/colour-status';

/** A customer in a red status now, with the MRR on their record and when they entered that status. */
export type RedCustomer = Pick<CustomerEntity, 'externalId' | 'name' | 'email'> & {
  status: RedStatus;
  mrr: number;
  enteredAt: Date;
};

/** One move into a red status, in the calendar month (YYYY-MM, in the report's time zone) it happened. */
export type RedEntry = { externalId: string; status: RedStatus; month: string };

/** Who a customer belongs to in the managers report: their account manager, segment field and current status. */
export type CustomerGrouping = Pick<CustomerEntity, 'externalId' | 'accountManagerId' | 'segment' | 'colourStatus'> & { mrr: number };

/** Customers per value of a grouping column (null: none set). */
export type GroupCount = { key: string | null; customers: number };

export interface LossFilter {
  from: Date;
  to: Date;
  segment?: SegmentFilter;
}

const RED = [...RED_STATUSES];

/**
 * The red end of the customer base for the churn reports (the red spectrum, who lost whom): customers, their moves
 * into red statuses (customer_status_changes) and their account managers. Set-based SQL over the customers module's tables.
 */
@Injectable()
export class CustomerLossesReader {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  /**
   * Customers in a red status now who entered it in [from, to): "entered" is their latest recorded move into that
   * status, else the time of the override that set it, else their last update (statuses set before history existed).
   */
  async redCustomers(workspaceId: string, filter: LossFilter): Promise<RedCustomer[]> {
    const params: unknown[] = [workspaceId, RED, filter.from, filter.to];
    const segment = filter.segment ? `AND ${filter.segment.forPositional('c.external_id', params)}` : '';
    const rows: (Omit<RedCustomer, 'mrr'> & { mrr: string })[] = await this.customers.query(
      `SELECT * FROM (
         SELECT c.external_id AS "externalId", c.name, c.email, c.colour_status AS status, c.mrr,
                coalesce((SELECT max(h.changed_at) FROM customer_status_changes h
                           WHERE h.workspace_id = c.workspace_id AND h.customer_external_id = c.external_id AND h.to_status = c.colour_status),
                         c.status_override_at, c.updated_at) AS "enteredAt"
           FROM customers c
          WHERE c.workspace_id = $1 AND c.colour_status = ANY($2::text[]) ${segment}) x
        WHERE x."enteredAt" >= $3 AND x."enteredAt" < $4`,
      params,
    );
    return rows.map((r) => ({ ...r, mrr: Number(r.mrr) }));
  }

  /** Every move into a red status in [from, to), by calendar month in `timeZone`. */
  redEntries(workspaceId: string, filter: LossFilter & { timeZone: string }): Promise<RedEntry[]> {
    const params: unknown[] = [workspaceId, RED, filter.from, filter.to, filter.timeZone];
    const segment = filter.segment ? `AND ${filter.segment.forPositional('h.customer_external_id', params)}` : '';
    return this.customers.query(
      `SELECT h.customer_external_id AS "externalId", h.to_status AS status, to_char(h.changed_at AT TIME ZONE $5, 'YYYY-MM') AS month
         FROM customer_status_changes h
        WHERE h.workspace_id = $1 AND h.to_status = ANY($2::text[]) AND h.changed_at >= $3 AND h.changed_at < $4 ${segment}
        ORDER BY h.changed_at, h.id`,
      params,
    );
  }

  /** Customers who moved into a red status in [from, to) (each once), with their manager, segment and MRR. */
  async lostBetween(workspaceId: string, from: Date, to: Date): Promise<CustomerGrouping[]> {
    const rows: (Omit<CustomerGrouping, 'mrr'> & { mrr: string })[] = await this.customers.query(
      `SELECT c.external_id AS "externalId", c.account_manager_id AS "accountManagerId", c.segment, c.colour_status AS "colourStatus", c.mrr
         FROM customers c
        WHERE c.workspace_id = $1
          AND EXISTS (SELECT 1 FROM customer_status_changes h
                       WHERE h.workspace_id = c.workspace_id AND h.customer_external_id = c.external_id
                         AND h.to_status = ANY($2::text[]) AND h.changed_at >= $3 AND h.changed_at < $4)`,
      [workspaceId, RED, from, to],
    );
    return rows.map((r) => ({ ...r, mrr: Number(r.mrr) }));
  }

  /** The manager, segment and status of these customers (unknown ids are left out). */
  async groupingOf(workspaceId: string, externalIds: readonly string[]): Promise<CustomerGrouping[]> {
    if (externalIds.length === 0) return [];
    const rows = await this.customers
      .createQueryBuilder('c')
      .select('c.external_id', 'externalId')
      .addSelect('c.account_manager_id', 'accountManagerId')
      .addSelect('c.segment', 'segment')
      .addSelect('c.colour_status', 'colourStatus')
      .addSelect('c.mrr', 'mrr')
      .where('c.workspace_id = :workspaceId AND c.external_id = ANY(:externalIds)', { workspaceId, externalIds })
      .getRawMany<Omit<CustomerGrouping, 'mrr'> & { mrr: string }>();
    return rows.map((r) => ({ ...r, mrr: Number(r.mrr) }));
  }

  /** Customers per account manager or per segment field. */
  countBy(workspaceId: string, column: 'account_manager_id' | 'segment'): Promise<GroupCount[]> {
    return this.customers
      .createQueryBuilder('c')
      .select(`c.${column}::text`, 'key')
      .addSelect('count(*)::int', 'customers')
      .where('c.workspace_id = :workspaceId', { workspaceId })
      .groupBy(`c.${column}`)
      .getRawMany<GroupCount>();
  }

  /** How many customers a saved segment holds, and which of `externalIds` are among them. */
  async segmentMembers(
    workspaceId: string,
    segment: SegmentFilter,
    externalIds: readonly string[],
  ): Promise<{ size: number; members: string[] }> {
    const params: unknown[] = [workspaceId, externalIds];
    const inSegment = segment.forPositional('c.external_id', params);
    const [row]: { size: number; members: string[] }[] = await this.customers.query(
      `SELECT count(*)::int AS size, coalesce(array_agg(c.external_id) FILTER (WHERE c.external_id = ANY($2::text[])), '{}') AS members
         FROM customers c WHERE c.workspace_id = $1 AND ${inSegment}`,
      params,
    );
    return row;
  }
}
