import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CustomerEntity } from './customer.entity';
import type { CustomerFieldsDto, LifecycleStage } from './customers.dto';

/** A customer as the API shows it (mrr is numeric: a string). */
export type CustomerRow = Pick<
  CustomerEntity,
  | 'id'
  | 'externalId'
  | 'name'
  | 'email'
  | 'phone'
  | 'attributes'
  | 'lifecycleStage'
  | 'segment'
  | 'mrr'
  | 'consents'
  | 'orderCount'
  | 'firstSeenAt'
  | 'lastSeenAt'
  | 'createdAt'
  | 'updatedAt'
>;

const ROW_COLUMNS: (keyof CustomerRow)[] = [
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
];

export interface CustomerFilter {
  search?: string;
  stage?: LifecycleStage;
  segment?: string;
}

const COLUMNS = `id, external_id AS "externalId", name, email, phone, attributes, lifecycle_stage AS "lifecycleStage", segment,
  mrr, consents, order_count AS "orderCount", first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

@Injectable()
export class CustomersRepository {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.customers.manager.transaction(work);
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
  ): Promise<{ row: CustomerRow; created: boolean }> {
    const [row]: (CustomerRow & { created: boolean })[] = await manager.query(
      `INSERT INTO customers AS c (workspace_id, external_id, name, email, phone, attributes, lifecycle_stage, segment, mrr,
                                   consents, order_count, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6::jsonb, '{}'), COALESCE($7, 'aware'), $8, COALESCE($9::numeric, 0),
               COALESCE($10::jsonb, '{}'), COALESCE($11::int, 0), COALESCE($12::timestamptz, now()), COALESCE($13::timestamptz, now()))
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
         updated_at = now()
       RETURNING ${COLUMNS}, (xmax = 0) AS created`,
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
      ],
    );
    const { created, ...customer } = row;
    return { row: customer, created };
  }

  findByExternalId(workspaceId: string, externalId: string): Promise<CustomerRow | null> {
    return this.customers.findOne({ select: ROW_COLUMNS, where: { workspaceId, externalId } });
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
    const total = await query.getCount();
    const rows = await query.orderBy('c.last_seen_at', 'DESC').addOrderBy('c.id', 'ASC').limit(limit).offset(offset).getMany();
    return { rows, total };
  }
}
