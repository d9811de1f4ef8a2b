import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CustomerEntity } from '../customers/customer.entity';
import { CancellationEntity } from './cancellation.entity';

export type ActivityRow = Pick<CustomerEntity, 'externalId' | 'name' | 'email' | 'lastSeenAt'> & {
  cancelledAt: CancellationEntity['finishedAt'];
};

@Injectable()
export class InactivityRepository {
  constructor(@InjectRepository(CancellationEntity) private readonly cancellations: Repository<CancellationEntity>) {}

  /**
   * Every customer's last activity and first cancellation (only these columns; fine into the 100k range).
   * Set-based over customers and cancellations: kept as SQL.
   */
  activity(workspaceId: string): Promise<ActivityRow[]> {
    return this.cancellations.query(
      `SELECT c.external_id AS "externalId", c.name, c.email, c.last_seen_at AS "lastSeenAt",
              (SELECT min(x.finished_at) FROM cancellations x WHERE x.workspace_id = c.workspace_id
                  AND x.customer_external_id = c.external_id AND x.outcome = 'cancelled') AS "cancelledAt"
         FROM customers c WHERE c.workspace_id = $1`,
      [workspaceId],
    );
  }
}
