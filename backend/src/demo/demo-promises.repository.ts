import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CaseEventEntity } from '../cases/case-event.entity';
import { PromiseEntity } from '../promises/promise.entity';

/** A demo case a promise can come from, with our first reply on it (if any). */
export interface DemoPromiseCase {
  id: string;
  openedAt: Date;
  touchpointId: string;
  /** The case's owner, else its touchpoint's. */
  ownerId: string | null;
  customerExternalId: string | null;
  replyId: string | null;
  replyText: string | null;
  repliedAt: Date | null;
}

export type DemoPromise = Omit<PromiseEntity, 'workspaceId' | 'id' | 'version' | 'updatedAt'> & { events: DemoCaseEvent[] };
export type DemoCaseEvent = { kind: string; at: Date; actorId: string | null; details: Record<string, unknown> };

/**
 * The demo's promise history written after the fact: promises with past creation and outcome times, and the case
 * events they would have written then (the service writes "now"). Only the demo writes promises this way.
 */
export class DemoPromisesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Cases opened since `since` with a touchpoint, and our first reply on each. */
  async cases(workspaceId: string, since: Date): Promise<DemoPromiseCase[]> {
    return this.dataSource.query(
      `SELECT c.id, c.opened_at AS "openedAt", c.touchpoint_id AS "touchpointId", coalesce(c.owner_id, t.owner_id) AS "ownerId",
              c.customer_external_id AS "customerExternalId", r.id AS "replyId", r.details->>'text' AS "replyText",
              r.created_at AS "repliedAt"
         FROM cases c
         JOIN touchpoints t ON t.workspace_id = c.workspace_id AND t.id = c.touchpoint_id
         LEFT JOIN LATERAL (
           SELECT e.id, e.details, e.created_at FROM case_events e
            WHERE e.workspace_id = c.workspace_id AND e.case_id = c.id AND e.kind = 'reply'
              AND coalesce(e.details->>'from', 'agent') = 'agent'
            ORDER BY e.created_at LIMIT 1) r ON true
        WHERE c.workspace_id = $1 AND c.opened_at >= $2 AND c.touchpoint_id IS NOT NULL
        ORDER BY c.opened_at, c.number`,
      [workspaceId, since],
    );
  }

  async store(workspaceId: string, promises: DemoPromise[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const { events, ...p } of promises) {
        const updatedAt = p.keptAt ?? p.brokenAt ?? p.cancelledAt ?? p.createdAt;
        const inserted = await manager
          .getRepository(PromiseEntity)
          .insert({ workspaceId, ...p, updatedAt, version: p.status === 'open' ? 1 : 2 } as QueryDeepPartialEntity<PromiseEntity>);
        const promiseId = (inserted.identifiers[0] as { id: string }).id;
        if (!p.caseId || events.length === 0) continue;
        await manager.getRepository(CaseEventEntity).insert(
          events.map((e) => ({
            workspaceId,
            caseId: p.caseId!,
            actorId: e.actorId,
            actorKind: e.actorId ? ('user' as const) : ('system' as const),
            kind: e.kind,
            details: { promiseId, ...e.details },
            createdAt: e.at,
          })),
        );
      }
    });
  }
}
