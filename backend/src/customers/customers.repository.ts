import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CustomerFieldsDto, LifecycleStage } from './customers.dto';

export interface CustomerRow {
  id: string;
  externalId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  attributes: Record<string, unknown>;
  lifecycleStage: LifecycleStage;
  segment: string | null;
  mrr: string;
  consents: Record<string, unknown>;
  orderCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Inserts or updates by (workspace, external id). Omitted fields keep their value; attributes and
   * consents merge; first/last seen only ever widen.
   */
  async upsert(
    workspaceId: string,
    externalId: string,
    fields: CustomerFieldsDto,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ row: CustomerRow; created: boolean }> {
    const [row] = await manager.query(
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
        workspaceId, externalId, fields.name ?? null, fields.email ?? null, fields.phone ?? null,
        fields.attributes ? JSON.stringify(fields.attributes) : null, fields.lifecycleStage ?? null, fields.segment ?? null,
        fields.mrr ?? null, fields.consents ? JSON.stringify(fields.consents) : null, fields.orderCount ?? null,
        fields.firstSeenAt ?? null, fields.lastSeenAt ?? null,
      ],
    );
    const { created, ...customer } = row as CustomerRow & { created: boolean };
    return { row: customer, created };
  }

  async findByExternalId(workspaceId: string, externalId: string): Promise<CustomerRow | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM customers WHERE workspace_id = $1 AND external_id = $2`, [
      workspaceId, externalId,
    ]);
    return (rows[0] as CustomerRow | undefined) ?? null;
  }

  async list(workspaceId: string, filter: CustomerFilter, limit: number, offset: number): Promise<{ rows: CustomerRow[]; total: number }> {
    const params: unknown[] = [workspaceId];
    const where = ['workspace_id = $1'];
    if (filter.search) {
      params.push(`%${filter.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      where.push(`(external_id ILIKE $${params.length} OR name ILIKE $${params.length} OR email ILIKE $${params.length})`);
    }
    if (filter.stage) {
      params.push(filter.stage);
      where.push(`lifecycle_stage = $${params.length}`);
    }
    if (filter.segment) {
      params.push(filter.segment);
      where.push(`segment = $${params.length}`);
    }
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM customers WHERE ${where.join(' AND ')}`, params);
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM customers WHERE ${where.join(' AND ')}
        ORDER BY last_seen_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { rows, total };
  }
}
