import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { SegmentFilter } from '../segments/segment-filter';
import { CustomerEntity } from './customer.entity';
import type { RfmGroup } from './activity/rfm-groups';
import type { CustomerFieldsDto, LifecycleStage } from './customers.dto';
import type { ColourStatus } from './status/colour-status';

/** The columns the API shows of a customer (numerics as strings; people as ids, named by the service). */
const ROW_COLUMNS = [
  'id',
  'externalId',
  'name',
  'email',
  'phone',
  'attributes',
  'lifecycleStage',
  'segment',
  'mrr',
  'consents',
  'orderCount',
  'firstSeenAt',
  'lastSeenAt',
  'createdAt',
  'updatedAt',
  'isOrganisation',
  'decisionMaker',
  'offerResponse',
  'offerResponseAt',
  'country',
  'region',
  'city',
  'industry',
  'colourStatus',
  'statusOverride',
  'statusOverrideBy',
  'statusOverrideReason',
  'statusOverrideAt',
  'purchaseVolume',
  'lastOrderAt',
  'stoppedAt',
  'accountManagerId',
  'rfmRecency',
  'rfmFrequency',
  'rfmMonetary',
  'rfmGroup',
  'rfmScoredAt',
] as const satisfies readonly (keyof CustomerEntity)[];

export type CustomerRow = Pick<CustomerEntity, (typeof ROW_COLUMNS)[number]>;

export interface CustomerFilter {
  search?: string;
  stage?: LifecycleStage;
  segment?: string;
  colourStatus?: ColourStatus;
  country?: string;
  accountManagerId?: string;
  rfmGroup?: RfmGroup;
  /** Only customers of this saved segment. */
  inSegment?: SegmentFilter;
}

/** Fields that null clears (omitted keeps): each is sent as its value and whether it was given. */
const CLEARABLE = ['decisionMaker', 'offerResponse', 'country', 'region', 'city', 'industry', 'accountManagerId'] as const;
const clearable = (fields: CustomerFieldsDto) => CLEARABLE.flatMap((key) => [fields[key] ?? null, fields[key] !== undefined]);

@Injectable()
export class CustomersRepository {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.customers.manager.transaction(work);
  }

  /**
   * Locks the existing rows among these customers in id order, the order the status recompute locks them in: a bulk
   * write that then updates them one by one in the caller's order cannot deadlock with a recompute.
   */
  async lockInIdOrder(workspaceId: string, externalIds: readonly string[], manager: EntityManager): Promise<void> {
    if (externalIds.length === 0) return;
    await manager
      .getRepository(CustomerEntity)
      .createQueryBuilder('c')
      .select('c.id')
      .where('c.workspace_id = :workspaceId AND c.external_id = ANY(:externalIds)', { workspaceId, externalIds })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getRawMany();
  }

  /**
   * Inserts or updates by (workspace, external id). Omitted fields keep their value; attributes and
   * consents merge; first/last seen only ever widen. Hand-written: one atomic upsert whose values merge with the
   * old row (jsonb ||, LEAST/GREATEST) and that tells insert from update (xmax), which the QueryBuilder cannot say.
   */
  async upsert(
    workspaceId: string,
    externalId: string,
    fields: CustomerFieldsDto,
    manager: EntityManager = this.customers.manager,
  ): Promise<{ id: string; created: boolean }> {
    const [row]: { id: string; created: boolean }[] = await manager.query(
      `INSERT INTO customers AS c (workspace_id, external_id, name, email, phone, attributes, lifecycle_stage, segment, mrr,
                                   consents, order_count, first_seen_at, last_seen_at, is_organisation, decision_maker,
                                   offer_response, offer_response_at, country, region, city, industry, account_manager_id)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6::jsonb, '{}'), COALESCE($7, 'aware'), $8, COALESCE($9::numeric, 0),
               COALESCE($10::jsonb, '{}'), COALESCE($11::int, 0), COALESCE($12::timestamptz, now()), COALESCE($13::timestamptz, now()),
               COALESCE($14::boolean, false), $16, $18,
               CASE WHEN $18::varchar IS NOT NULL THEN COALESCE($15::timestamptz, now()) END,
               $20, $22, $24, $26, $28::uuid)
       ON CONFLICT (workspace_id, external_id) DO UPDATE SET
         name = COALESCE($3, c.name),
         email = COALESCE($4, c.email),
         phone = COALESCE($5, c.phone),
         attributes = c.attributes || COALESCE($6::jsonb, '{}'),
         lifecycle_stage = COALESCE($7, c.lifecycle_stage),
         segment = COALESCE($8, c.segment),
         mrr = COALESCE($9::numeric, c.mrr),
         consents = c.consents || COALESCE($10::jsonb, '{}'),
         order_count = COALESCE($11::int, c.order_count),
         first_seen_at = LEAST(c.first_seen_at, COALESCE($12::timestamptz, c.first_seen_at)),
         last_seen_at = GREATEST(c.last_seen_at, COALESCE($13::timestamptz, c.last_seen_at)),
         is_organisation = COALESCE($14::boolean, c.is_organisation),
         decision_maker = CASE WHEN $17 THEN $16 ELSE c.decision_maker END,
         offer_response = CASE WHEN $19 THEN $18 ELSE c.offer_response END,
         -- The answer's time: as given, else now when the answer changes; cleared with the answer.
         offer_response_at = CASE
           WHEN NOT $19 THEN COALESCE($15::timestamptz, c.offer_response_at)
           WHEN $18::varchar IS NULL THEN NULL
           ELSE COALESCE($15::timestamptz, CASE WHEN c.offer_response IS DISTINCT FROM $18 THEN now() ELSE c.offer_response_at END)
         END,
         country = CASE WHEN $21 THEN $20 ELSE c.country END,
         region = CASE WHEN $23 THEN $22 ELSE c.region END,
         city = CASE WHEN $25 THEN $24 ELSE c.city END,
         industry = CASE WHEN $27 THEN $26 ELSE c.industry END,
         account_manager_id = CASE WHEN $29 THEN $28::uuid ELSE c.account_manager_id END,
         updated_at = now()
       RETURNING id, (xmax = 0) AS created`,
      [
        workspaceId,
        externalId,
        fields.name ?? null,
        fields.email ?? null,
        fields.phone ?? null,
        fields.attributes ? JSON.stringify(fields.attributes) : null,
        fields.lifecycleStage ?? null,
        fields.segment ?? null,
        fields.mrr ?? null,
        fields.consents ? JSON.stringify(fields.consents) : null,
        fields.orderCount ?? null,
        fields.firstSeenAt ?? null,
        fields.lastSeenAt ?? null,
        fields.isOrganisation ?? null,
        fields.offerResponseAt ?? null,
        ...clearable(fields), // $16…$29: value, given — in CLEARABLE's order
      ],
    );
    return { id: row.id, created: row.created };
  }

  findByExternalId(workspaceId: string, externalId: string, manager?: EntityManager): Promise<CustomerRow | null> {
    const repo = manager ? manager.getRepository(CustomerEntity) : this.customers;
    return repo.findOne({ select: [...ROW_COLUMNS], where: { workspaceId, externalId } });
  }

  async list(workspaceId: string, filter: CustomerFilter, limit: number, offset: number): Promise<{ rows: CustomerRow[]; total: number }> {
    const query = this.customers
      .createQueryBuilder('c')
      .select(ROW_COLUMNS.map((column) => `c.${column}`))
      .where('c.workspace_id = :workspaceId', { workspaceId });
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      query.andWhere('(c.external_id ILIKE :pattern OR c.name ILIKE :pattern OR c.email ILIKE :pattern)', { pattern });
    }
    if (filter.stage) query.andWhere('c.lifecycle_stage = :stage', { stage: filter.stage });
    if (filter.segment) query.andWhere('c.segment = :segment', { segment: filter.segment });
    if (filter.colourStatus) query.andWhere('c.colour_status = :colourStatus', { colourStatus: filter.colourStatus });
    if (filter.country) query.andWhere('c.country = :country', { country: filter.country });
    if (filter.accountManagerId) query.andWhere('c.account_manager_id = :managerId', { managerId: filter.accountManagerId });
    if (filter.rfmGroup) query.andWhere('c.rfm_group = :rfmGroup', { rfmGroup: filter.rfmGroup });
    if (filter.inSegment) {
      const inSegment = filter.inSegment.forQueryBuilder('c.external_id');
      query.andWhere(inSegment.sql, inSegment.parameters);
    }
    const total = await query.getCount();
    const rows = await query.orderBy('c.last_seen_at', 'DESC').addOrderBy('c.id', 'ASC').limit(limit).offset(offset).getMany();
    return { rows, total };
  }
}
