import type { DataSource } from 'typeorm';

/** A demo case compensation can be granted on: its customer, touchpoint and owner. */
export interface DemoCompensationCase {
  id: string;
  openedAt: Date;
  touchpointId: string;
  ownerId: string | null;
  customerExternalId: string;
}

/** The demo's reads for the compensation story: cases with a customer and a touchpoint opened in a window. */
export class DemoCompensationRepository {
  constructor(private readonly dataSource: DataSource) {}

  cases(workspaceId: string, since: Date, until: Date): Promise<DemoCompensationCase[]> {
    return this.dataSource.query(
      `SELECT c.id, c.opened_at AS "openedAt", c.touchpoint_id AS "touchpointId", coalesce(c.owner_id, t.owner_id) AS "ownerId",
              c.customer_external_id AS "customerExternalId"
         FROM cases c
         JOIN touchpoints t ON t.workspace_id = c.workspace_id AND t.id = c.touchpoint_id
        WHERE c.workspace_id = $1 AND c.opened_at >= $2 AND c.opened_at < $3 AND c.customer_external_id IS NOT NULL
        ORDER BY c.opened_at, c.number`,
      [workspaceId, since, until],
    );
  }
}
