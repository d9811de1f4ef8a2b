import type { DataSource } from 'typeorm';

/** A demo case compensation can be granted on: its customer, touchpoint and owner. */
export interface DemoCompensationCase {
  id: string;
  openedAt: Date;
  touchpointId: string;
  ownerId: string | null;
  customerExternalId: string;
  /** The customer cancelled or moved into a red status (lost) within 90 days after the case opened. */
  lostLater: boolean;
}

/** The demo's reads for the compensation story: cases with a customer and a touchpoint opened in a window. */
export class DemoCompensationRepository {
  constructor(private readonly dataSource: DataSource) {}

  cases(workspaceId: string, since: Date, until: Date): Promise<DemoCompensationCase[]> {
    return this.dataSource.query(
      `SELECT c.id, c.opened_at AS "openedAt", c.touchpoint_id AS "touchpointId", coalesce(c.owner_id, t.owner_id) AS "ownerId",
              c.customer_external_id AS "customerExternalId",
              EXISTS (SELECT 1 FROM customer_status_changes h
                       WHERE h.workspace_id = c.workspace_id AND h.customer_external_id = c.customer_external_id
                         AND h.to_status IN ('red_green', 'red_gold', 'red_platinum')
                         AND h.changed_at > c.opened_at AND h.changed_at < c.opened_at + interval '90 days')
              OR EXISTS (SELECT 1 FROM cancellations x
                          WHERE x.workspace_id = c.workspace_id AND x.customer_external_id = c.customer_external_id
                            AND x.outcome = 'cancelled' AND x.finished_at > c.opened_at
                            AND x.finished_at < c.opened_at + interval '90 days') AS "lostLater"
         FROM cases c
         JOIN touchpoints t ON t.workspace_id = c.workspace_id AND t.id = c.touchpoint_id
        WHERE c.workspace_id = $1 AND c.opened_at >= $2 AND c.opened_at < $3 AND c.customer_external_id IS NOT NULL
        ORDER BY c.opened_at, c.number`,
      [workspaceId, since, until],
    );
  }
}
