import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface IdentitySecretRow {
  secret: string;
  previousSecret: string | null;
  previousValidUntil: Date | null;
  rotatedAt: Date;
}

const COLUMNS = `secret, previous_secret AS "previousSecret", previous_valid_until AS "previousValidUntil", rotated_at AS "rotatedAt"`;

@Injectable()
export class IdentitySecretsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(workspaceId: string): Promise<IdentitySecretRow | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM workspace_identity_secrets WHERE workspace_id = $1`, [workspaceId]);
    return (rows[0] as IdentitySecretRow | undefined) ?? null;
  }

  /** The workspace's secret, created with `secret` if it has none yet (concurrent first reads agree on one). */
  async findOrCreate(workspaceId: string, secret: string): Promise<IdentitySecretRow> {
    await this.dataSource.query(
      `INSERT INTO workspace_identity_secrets (workspace_id, secret) VALUES ($1, $2) ON CONFLICT (workspace_id) DO NOTHING`,
      [workspaceId, secret],
    );
    return (await this.find(workspaceId))!;
  }

  /** New current secret; the old one stays valid until `previousValidUntil` (now or earlier = not at all). */
  async rotate(workspaceId: string, secret: string, previousValidHours: number): Promise<IdentitySecretRow> {
    const [row] = await this.dataSource.query(
      `INSERT INTO workspace_identity_secrets AS s (workspace_id, secret) VALUES ($1, $2)
       ON CONFLICT (workspace_id) DO UPDATE SET
         previous_secret = CASE WHEN $3::int > 0 THEN s.secret END,
         previous_valid_until = CASE WHEN $3::int > 0 THEN now() + make_interval(hours => $3::int) END,
         secret = EXCLUDED.secret,
         rotated_at = now()
       RETURNING ${COLUMNS}`,
      [workspaceId, secret, previousValidHours],
    );
    return row as IdentitySecretRow;
  }
}
