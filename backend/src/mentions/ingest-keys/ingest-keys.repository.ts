import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface IngestKeyRow {
  workspaceId: string;
  id: string;
  keyId: string;
  name: string;
  secret: string;
  lastUsedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `workspace_id AS "workspaceId", id, key_id AS "keyId", name, secret, last_used_at AS "lastUsedAt", created_at AS "createdAt"`;

@Injectable()
export class IngestKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(row: Pick<IngestKeyRow, 'workspaceId' | 'keyId' | 'name' | 'secret'>): Promise<IngestKeyRow> {
    const [created] = await this.dataSource.query(
      `INSERT INTO mention_ingest_keys (workspace_id, key_id, name, secret) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [row.workspaceId, row.keyId, row.name, row.secret],
    );
    return created;
  }

  list(workspaceId: string): Promise<IngestKeyRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM mention_ingest_keys WHERE workspace_id = $1 ORDER BY created_at, id`, [workspaceId]);
  }

  async byKeyId(keyId: string): Promise<IngestKeyRow | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM mention_ingest_keys WHERE key_id = $1`, [keyId]);
    return rows[0] ?? null;
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(`DELETE FROM mention_ingest_keys WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    return affected > 0;
  }

  /** Whether this signed message id was already processed for this key (the replay check). */
  async seen(keyId: string, messageId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM mention_ingest_nonces WHERE key_id = $1 AND message_id = $2`, [keyId, messageId]);
    return rows.length > 0;
  }

  /** Remembers a processed message id; ids older than the signature window are forgotten (replays of them fail as stale). */
  async remember(keyId: string, messageId: string, forgetAfterSeconds: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH purge AS (DELETE FROM mention_ingest_nonces WHERE key_id = $1 AND received_at < now() - make_interval(secs => $3))
       INSERT INTO mention_ingest_nonces (key_id, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
      [keyId, messageId, forgetAfterSeconds],
    );
    await this.dataSource.query(`UPDATE mention_ingest_keys SET last_used_at = now() WHERE key_id = $1`, [keyId]);
    return rows.length > 0;
  }
}
