import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReasonDto } from './churn-reasons.dto';
import { DEFAULT_REASONS } from './default-reasons';

const COLUMNS = `key, labels, avoidable, reason_group AS "group", offer, position, archived`;

@Injectable()
export class ChurnReasonsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Gives a workspace the common reason set the first time it needs a taxonomy (idempotent, race-safe). */
  async seedDefaults(workspaceId: string): Promise<void> {
    const exists = await this.dataSource.query(`SELECT 1 FROM churn_reasons WHERE workspace_id = $1 LIMIT 1`, [workspaceId]);
    if (exists.length > 0) return;
    await this.dataSource.query(
      `INSERT INTO churn_reasons (workspace_id, key, labels, avoidable, reason_group, offer, position)
       SELECT $1, r.key, r.labels, r.avoidable, r.reason_group, r.offer, r.position
         FROM jsonb_to_recordset($2::jsonb) AS r(key text, labels jsonb, avoidable boolean, reason_group text, offer jsonb, position int)
       ON CONFLICT (workspace_id, key) DO NOTHING`,
      [
        workspaceId,
        JSON.stringify(DEFAULT_REASONS.map((r, i) => ({ key: r.key, labels: r.labels, avoidable: r.avoidable, reason_group: r.group, offer: r.offer, position: i }))),
      ],
    );
  }

  list(workspaceId: string): Promise<ReasonDto[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM churn_reasons WHERE workspace_id = $1 ORDER BY position, key`, [workspaceId]);
  }

  async find(workspaceId: string, key: string): Promise<ReasonDto | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM churn_reasons WHERE workspace_id = $1 AND key = $2`, [workspaceId, key]);
    return (rows[0] as ReasonDto | undefined) ?? null;
  }

  /** Inserts a new key; false when the key is taken. */
  async insert(workspaceId: string, reason: Omit<ReasonDto, 'archived'>): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO churn_reasons (workspace_id, key, labels, avoidable, reason_group, offer, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace_id, key) DO NOTHING RETURNING key`,
      [workspaceId, reason.key, JSON.stringify(reason.labels), reason.avoidable, reason.group, reason.offer ? JSON.stringify(reason.offer) : null, reason.position],
    );
    return rows.length > 0;
  }

  async update(workspaceId: string, key: string, reason: ReasonDto): Promise<void> {
    await this.dataSource.query(
      `UPDATE churn_reasons SET labels = $3, avoidable = $4, reason_group = $5, offer = $6, position = $7, archived = $8, updated_at = now()
        WHERE workspace_id = $1 AND key = $2`,
      [workspaceId, key, JSON.stringify(reason.labels), reason.avoidable, reason.group, reason.offer ? JSON.stringify(reason.offer) : null, reason.position, reason.archived],
    );
  }
}
