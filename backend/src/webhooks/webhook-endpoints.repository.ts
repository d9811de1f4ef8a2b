import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

export type EndpointRow = WebhookEndpointEntity;

export interface EndpointStats {
  endpointId: WebhookEndpointEntity['id'];
  pending: number;
  failed: number;
  lastDeliveryAt: WebhookDeliveryEntity['createdAt'] | null;
  lastStatus: WebhookDeliveryEntity['status'] | null;
}

/** The columns an update may change (updated_at follows by itself). */
const UPDATABLE = ['url', 'description', 'events', 'enabled', 'secret'] as const;
type EndpointChanges = Partial<Pick<EndpointRow, (typeof UPDATABLE)[number]>>;

@Injectable()
export class WebhookEndpointsRepository {
  constructor(@InjectRepository(WebhookEndpointEntity) private readonly endpoints: Repository<WebhookEndpointEntity>) {}

  create(row: Pick<EndpointRow, 'workspaceId' | 'url' | 'description' | 'events' | 'secret' | 'enabled'>): Promise<EndpointRow> {
    return this.endpoints.save(this.endpoints.create(row));
  }

  list(workspaceId: string): Promise<EndpointRow[]> {
    return this.endpoints.find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  count(workspaceId: string): Promise<number> {
    return this.endpoints.countBy({ workspaceId });
  }

  find(workspaceId: string, id: string): Promise<EndpointRow | null> {
    return this.endpoints.findOneBy({ workspaceId, id });
  }

  async update(workspaceId: string, id: string, changes: EndpointChanges): Promise<void> {
    const set: EndpointChanges = {};
    for (const key of UPDATABLE) {
      if (changes[key] !== undefined) Object.assign(set, { [key]: changes[key] });
    }
    if (Object.keys(set).length === 0) return;
    await this.endpoints.update({ workspaceId, id }, set);
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.endpoints.delete({ workspaceId, id });
    return (result.affected ?? 0) > 0;
  }

  /** Workspaces with an enabled endpoint subscribed to `type` (or to everything). */
  async workspacesListeningTo(type: string): Promise<string[]> {
    const rows = await this.endpoints
      .createQueryBuilder('e')
      .select('e.workspace_id', 'workspaceId')
      .distinct(true)
      .where(`e.enabled AND (:type = ANY (e.events) OR '*' = ANY (e.events))`, { type })
      .getRawMany<Pick<WebhookEndpointEntity, 'workspaceId'>>();
    return rows.map((row) => row.workspaceId);
  }

  /** Queue depth and the latest outcome per endpoint, for the endpoints list (analytics over deliveries: SQL). */
  stats(workspaceId: string): Promise<EndpointStats[]> {
    return this.endpoints.query(
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
