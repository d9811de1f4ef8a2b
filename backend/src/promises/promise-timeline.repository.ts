import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { keysetPage, sortKeySql, type KeysetQuery } from '../customers/timeline/timeline-source';
import type { PromiseEntity } from './promise.entity';

export type PromiseTimelineRow = Pick<PromiseEntity, 'text' | 'status' | 'dueAt' | 'keptAt' | 'caseId'> & {
  eventId: string;
  /** Sort key (ISO instant with microseconds). */
  at: string;
  promiseId: string;
  ownerName: string | null;
};

/**
 * A customer's promises for the timeline, newest first by created_at (keyset SQL shared with the other sources; the
 * owner's name joined for display, as the case source does). Served by promises_customer_idx.
 */
@Injectable()
export class PromiseTimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  page(query: KeysetQuery): Promise<PromiseTimelineRow[]> {
    const { eventId, after, params } = keysetPage('promise', 'p', 'created_at', query);
    return this.dataSource.query(
      `SELECT ${eventId} AS "eventId", ${sortKeySql('p.created_at')} AS at, p.id AS "promiseId", p.text, p.status,
              p.due_at AS "dueAt", p.kept_at AS "keptAt", p.case_id AS "caseId", u.name AS "ownerName"
         FROM promises p
         LEFT JOIN users u ON u.id = p.owner_id
        WHERE p.workspace_id = $1 AND p.customer_external_id = $2 ${after}
        ORDER BY p.created_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
  }
}
