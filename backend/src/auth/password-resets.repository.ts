import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface NewPasswordReset {
  userId: string;
  tokenHash: string;
  workspaceId: string;
  requestedBy: string;
  expiresAt: Date;
}

@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(reset: NewPasswordReset): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO password_resets (user_id, token_hash, workspace_id, requested_by, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [reset.userId, reset.tokenHash, reset.workspaceId, reset.requestedBy, reset.expiresAt],
    );
  }

  async countSince(userId: string, since: Date): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1 AND created_at > $2`, [userId, since]);
    return row.n as number;
  }

  /** The user a usable (unused, unexpired) reset belongs to, locking the row. */
  async lockUsable(tokenHash: string, manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
      [tokenHash],
    );
    return (row?.user_id as string | undefined) ?? null;
  }

  /** Every open reset of the user is spent: one use, and a password change retires links already mailed. */
  async useAllOf(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  }
}
