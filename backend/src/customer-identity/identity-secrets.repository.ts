import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { IdentitySecretEntity } from './identity-secret.entity';

export type IdentitySecretRow = Pick<IdentitySecretEntity, 'secret' | 'previousSecret' | 'previousValidUntil' | 'rotatedAt'>;

const ROW_COLUMNS = { secret: true, previousSecret: true, previousValidUntil: true, rotatedAt: true } as const;

@Injectable()
export class IdentitySecretsRepository {
  constructor(@InjectRepository(IdentitySecretEntity) private readonly secrets: Repository<IdentitySecretEntity>) {}

  find(workspaceId: string): Promise<IdentitySecretRow | null> {
    return this.secrets.findOne({ select: ROW_COLUMNS, where: { workspaceId } });
  }

  /** The workspace's secret, created with `secret` if it has none yet (concurrent first reads agree on one). */
  async findOrCreate(workspaceId: string, secret: string): Promise<IdentitySecretRow> {
    await this.secrets.createQueryBuilder().insert().values({ workspaceId, secret }).orIgnore().execute();
    return (await this.find(workspaceId))!;
  }

  /**
   * New current secret; the old one stays valid until `previousValidUntil` (now or earlier = not at all).
   * Hand-written: one atomic upsert whose new values are computed from the old row, which the QueryBuilder cannot say.
   */
  async rotate(workspaceId: string, secret: string, previousValidHours: number): Promise<IdentitySecretRow> {
    const [row]: IdentitySecretRow[] = await this.secrets.query(
      `INSERT INTO workspace_identity_secrets AS s (workspace_id, secret) VALUES ($1, $2)
       ON CONFLICT (workspace_id) DO UPDATE SET
         previous_secret = CASE WHEN $3::int > 0 THEN s.secret END,
         previous_valid_until = CASE WHEN $3::int > 0 THEN now() + make_interval(hours => $3::int) END,
         secret = EXCLUDED.secret,
         rotated_at = now()
       RETURNING secret, previous_secret AS "previousSecret", previous_valid_until AS "previousValidUntil", rotated_at AS "rotatedAt"`,
      [workspaceId, secret, previousValidHours],
    );
    return row;
  }
}
