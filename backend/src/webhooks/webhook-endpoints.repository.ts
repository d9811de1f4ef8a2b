import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface EndpointRow {
  workspaceId: string;
  id: string;
  url: string;
  description: string;
  events: string[];
  secret: string;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface EndpointStats {
  endpointId: string;
  pending: number;
  failed: number;
  lastDeliveryAt: Date | null;
  lastStatus: string | null;
}

const COLUMNS = `workspace_id AS "workspaceId", id, url, description, events, secret, enabled,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const FIELDS: Record<string, string> = { url: 'url', description: 'description', events: 'events', enabled: 'enabled', secret: 'secret' };

@Injectable()
export class WebhookEndpointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(row: Pick<EndpointRow, 'workspaceId' | 'url' | 'description' | 'events' | 'secret' | 'enabled'>): Promise<EndpointRow> {
    const [created] = await this.dataSource.query(
      `INSERT INTO webhook_endpoints (workspace_id, url, description, events, secret, enabled)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [row.workspaceId, row.url, row.description, row.events, row.secret, row.enabled],
    );
    return created;
  }

  list(workspaceId: string): Promise<EndpointRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE workspace_id = $1 ORDER BY created_at, id`, [workspaceId]);
  }

  async count(workspaceId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM webhook_endpoints WHERE workspace_id = $1`, [workspaceId]);
    return row.n;
  }

  async find(workspaceId: string, id: string): Promise<EndpointRow | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    return (rows[0] as EndpointRow | undefined) ?? null;
  }

  async update(workspaceId: string, id: string, changes: Partial<EndpointRow>): Promise<void> {
    const entries = Object.entries(changes).filter(([key, value]) => value !== undefined && FIELDS[key]);
    if (entries.length === 0) return;
    await this.dataSource.query(
      `UPDATE webhook_endpoints SET ${entries.map(([key], i) => `${FIELDS[key]} = $${i + 3}`).join(', ')}, updated_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, ...entries.map(([, value]) => value)],
    );
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(`DELETE FROM webhook_endpoints WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    return affected > 0;
  }

  /** Queue depth and the latest outcome per endpoint, for the endpoints list. */
  stats(workspaceId: string): Promise<EndpointStats[]> {
    return this.dataSource.query(
      `SELECT e.id AS "endpointId",
              (SELECT count(*)::int FROM webhook_deliveries d WHERE d.workspace_id = e.workspace_id AND d.endpoint_id = e.id
                  AND d.status IN ('pending', 'sending')) AS pending,
              (SELECT count(*)::int FROM webhook_deliveries d WHERE d.workspace_id = e.workspace_id AND d.endpoint_id = e.id
                  AND d.status = 'failed') AS failed,
              last.created_at AS "lastDeliveryAt", last.status AS "lastStatus"
         FROM webhook_endpoints e
         LEFT JOIN LATERAL (SELECT created_at, status FROM webhook_deliveries d
                             WHERE d.workspace_id = e.workspace_id AND d.endpoint_id = e.id
                             ORDER BY created_at DESC LIMIT 1) last ON true
        WHERE e.workspace_id = $1`,
      [workspaceId],
    );
  }
}
