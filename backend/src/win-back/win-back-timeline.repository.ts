import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { keysetPage, sortKeySql, type KeysetQuery } from '../customers/timeline/timeline-source';

export type WinBackTimelineRow = {
  eventId: string;
  at: string;
  event: 'fixed' | 'told' | 'returned';
  problemId: string;
  title: string;
  whatChanged: string | null;
  returnKind: string | null;
};

/**
 * A customer's win-back events, newest first: each snapshot row gives up to three (the fix that touched them, the
 * notice, the return), as one keyset page over a UNION (served by recovery_customers_customer_idx).
 */
@Injectable()
export class WinBackTimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  page(query: KeysetQuery): Promise<WinBackTimelineRow[]> {
    const { eventId, after, params } = keysetPage('recovery', 'e', 'at_ts', query);
    return this.dataSource.query(
      `SELECT ${eventId} AS "eventId", ${sortKeySql('e.at_ts')} AS at, e.event, e.problem_id AS "problemId", e.title,
              e.what_changed AS "whatChanged", e.return_kind AS "returnKind"
         FROM (
           SELECT e.event || ':' || rc.problem_id::text AS id, e.event, e.at_ts, rc.problem_id, p.title, p.what_changed,
                  rc.return_kind
             FROM recovery_customers rc
             JOIN recovery_problems p ON p.workspace_id = rc.workspace_id AND p.id = rc.problem_id
            CROSS JOIN LATERAL (VALUES ('fixed', p.fixed_at), ('told', CASE WHEN rc.message_id IS NOT NULL THEN rc.notified_at END),
                                       ('returned', rc.returned_at)) AS e(event, at_ts)
            WHERE rc.workspace_id = $1 AND rc.customer_external_id = $2 AND e.at_ts IS NOT NULL) e
        WHERE true ${after}
        ORDER BY e.at_ts DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
  }
}
