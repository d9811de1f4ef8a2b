import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { StatusEventDto } from '../timeline/timeline.dto';
import { TimelineRegistry } from '../timeline/timeline.registry';
import { keysetPage, sortKeySql, type TimelineEvent, type TimelineFetch, type TimelineSource } from '../timeline/timeline-source';
import type { ColourStatus, StatusChangeCause } from './colour-status';
import { CustomerStatusChangeEntity } from './customer-status-change.entity';

interface StatusEventRow {
  id: string;
  at: string;
  fromStatus: ColourStatus | null;
  toStatus: ColourStatus;
  cause: StatusChangeCause;
  detail: string | null;
  actorName: string | null;
}

/** Colour status moves on the customer timeline (a first status is not a move: "first seen" already marks it). */
@Injectable()
export class StatusTimelineSource implements TimelineSource, OnModuleInit {
  readonly kind = 'status';
  readonly scope = 'customers:read' as const;

  constructor(
    @InjectRepository(CustomerStatusChangeEntity) private readonly changes: Repository<CustomerStatusChangeEntity>,
    private readonly registry: TimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async fetch(query: TimelineFetch): Promise<TimelineEvent<StatusEventDto>[]> {
    const { eventId, after, params } = keysetPage(this.kind, 'h', 'changed_at', query);
    // Raw SQL: the keyset page's microsecond sort key and byte-wise id order (shared with every timeline source).
    const rows: StatusEventRow[] = await this.changes.manager.query(
      `SELECT h.id, ${sortKeySql('h.changed_at')} AS at, h.from_status AS "fromStatus", h.to_status AS "toStatus", h.cause, h.detail,
              COALESCE(NULLIF(u.name, ''), u.email) AS "actorName"
         FROM customer_status_changes h LEFT JOIN users u ON u.id = h.actor_id
        WHERE h.workspace_id = $1 AND h.customer_external_id = $2 AND h.from_status IS NOT NULL ${after}
        ORDER BY h.changed_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
    return rows.map((row) => ({
      id: `status:${row.id}`,
      kind: this.kind,
      at: row.at,
      title: null,
      details: { kind: 'status', from: row.fromStatus, to: row.toStatus, cause: row.cause, detail: row.detail, actorName: row.actorName },
    }));
  }
}
