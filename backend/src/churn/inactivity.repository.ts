import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ActivityRow {
  externalId: string;
  name: string | null;
  email: string | null;
  lastSeenAt: Date;
  cancelledAt: Date | null;
}

@Injectable()
export class InactivityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async inactiveDays(workspaceId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT churn_inactive_days AS days FROM workspaces WHERE id = $1`, [workspaceId]);
    return row.days as number;
  }

  async setInactiveDays(workspaceId: string, days: number): Promise<void> {
    await this.dataSource.query(`UPDATE workspaces SET churn_inactive_days = $2 WHERE id = $1`, [workspaceId, days]);
  }

  /** Every customer's last activity and first cancellation (only these columns; fine into the 100k range). */
  activity(workspaceId: string): Promise<ActivityRow[]> {
    return this.dataSource.query(
      `SELECT c.external_id AS "externalId", c.name, c.email, c.last_seen_at AS "lastSeenAt",
              (SELECT min(x.finished_at) FROM cancellations x WHERE x.workspace_id = c.workspace_id
                  AND x.customer_external_id = c.external_id AND x.outcome = 'cancelled') AS "cancelledAt"
         FROM customers c WHERE c.workspace_id = $1`,
      [workspaceId],
    );
  }
}
