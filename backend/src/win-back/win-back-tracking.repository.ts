import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RED_STATUSES } from '../customers/status/colour-status';
import { TRACKING_WINDOW_DAYS, type ReturnKind } from './win-back-rules';

/** A customer found back after the notice (one row per newly returned customer). */
export interface NewReturn {
  problemId: string;
  customerExternalId: string;
  returnedAt: Date;
  returnKind: ReturnKind;
}

const RED = `ARRAY[${RED_STATUSES.map((s) => `'${s}'`).join(', ')}]::text[]`;

/**
 * What told customers did next, in set-based SQL: answered = their first inbound message after the notice;
 * returned = their first order, payment or other activity after it, or their colour status leaving the red end
 * (a lost customer resumed), whichever came first. Each UPDATE only fills empty columns, so concurrent runs (the job
 * and a page refresh) set each once and only the one that set it reports the return.
 */
@Injectable()
export class WinBackTrackingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Workspaces with told customers still to watch. */
  async workspacesToTrack(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT workspace_id AS id FROM recovery_customers
        WHERE message_id IS NOT NULL AND (returned_at IS NULL OR answered_at IS NULL)
          AND notified_at > now() - make_interval(days => ${TRACKING_WINDOW_DAYS})`,
    );
    return rows.map((r) => r.id);
  }

  async trackAnswers(workspaceId: string, problemId: string | null, manager: EntityManager): Promise<number> {
    const [, count] = (await manager.query(
      `UPDATE recovery_customers t SET answered_at = a.at
         FROM (SELECT rc.problem_id, rc.customer_external_id,
                      (SELECT min(m.created_at) FROM messages m
                        WHERE m.workspace_id = rc.workspace_id AND m.customer_external_id = rc.customer_external_id
                          AND m.direction = 'inbound' AND m.created_at > rc.notified_at) AS at
                 FROM recovery_customers rc
                WHERE rc.workspace_id = $1 AND ($2::uuid IS NULL OR rc.problem_id = $2)
                  AND rc.message_id IS NOT NULL AND rc.answered_at IS NULL
                  AND rc.notified_at > now() - make_interval(days => ${TRACKING_WINDOW_DAYS})) a
        WHERE t.workspace_id = $1 AND t.problem_id = a.problem_id AND t.customer_external_id = a.customer_external_id
          AND a.at IS NOT NULL AND t.answered_at IS NULL`,
      [workspaceId, problemId],
    )) as [unknown[], number];
    return count;
  }

  async trackReturns(workspaceId: string, problemId: string | null, manager: EntityManager): Promise<NewReturn[]> {
    const [rows] = (await manager.query(
      `UPDATE recovery_customers t SET returned_at = r.at, return_kind = r.kind
         FROM (SELECT rc.problem_id, rc.customer_external_id, first.at, first.kind
                 FROM recovery_customers rc
                 CROSS JOIN LATERAL (
                   SELECT e.at, e.kind FROM (
                     (SELECT a.occurred_at AS at, CASE WHEN a.kind IN ('order', 'payment') THEN a.kind ELSE 'activity' END AS kind
                        FROM customer_activity a
                       WHERE a.workspace_id = rc.workspace_id AND a.customer_external_id = rc.customer_external_id
                         AND a.occurred_at > rc.notified_at
                       ORDER BY a.occurred_at LIMIT 1)
                     UNION ALL
                     (SELECT s.changed_at, 'resumed'
                        FROM customer_status_changes s
                       WHERE s.workspace_id = rc.workspace_id AND s.customer_external_id = rc.customer_external_id
                         AND s.changed_at > rc.notified_at AND s.from_status = ANY(${RED}) AND NOT (s.to_status = ANY(${RED}))
                       ORDER BY s.changed_at LIMIT 1)) e
                   ORDER BY e.at LIMIT 1) first
                WHERE rc.workspace_id = $1 AND ($2::uuid IS NULL OR rc.problem_id = $2)
                  AND rc.message_id IS NOT NULL AND rc.returned_at IS NULL
                  AND rc.notified_at > now() - make_interval(days => ${TRACKING_WINDOW_DAYS})) r
        WHERE t.workspace_id = $1 AND t.problem_id = r.problem_id AND t.customer_external_id = r.customer_external_id
          AND t.returned_at IS NULL
        RETURNING t.problem_id AS "problemId", t.customer_external_id AS "customerExternalId",
                  t.returned_at AS "returnedAt", t.return_kind AS "returnKind"`,
      [workspaceId, problemId],
    )) as [NewReturn[], number];
    return rows;
  }
}
