import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CaseEventEntity } from '../cases/case-event.entity';
import { CaseRoutingHopEntity } from '../cases/routing/case-routing-hop.entity';
import type { HopReason } from '../cases/routing/routing-reasons';

export interface DemoCase {
  id: string;
  openedAt: Date;
  touchpointId: string | null;
  ownerId: string | null;
  /** When the case stopped moving: resolved, else now. */
  settledAt: Date;
}

export interface DemoHop {
  caseId: string;
  hoppedAt: Date;
  fromTouchpointId: string | null;
  toTouchpointId: string | null;
  fromOwnerId: string | null;
  toOwnerId: string | null;
  reason: HopReason;
  actorId: string;
}

/**
 * The demo's rewrite of case routing history: hops with past dates, the audit-trail events they would have written,
 * and the touchpoint and owner each case first landed at. Only the demo writes routing history after the fact.
 */
export class DemoRoutingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The workspace's cases from customer feedback with a touchpoint, oldest first (not the internal early warnings). */
  async cases(workspaceId: string, now: Date): Promise<DemoCase[]> {
    const rows: (Omit<DemoCase, 'settledAt'> & { settledAt: Date | null })[] = await this.dataSource.query(
      `SELECT id, opened_at AS "openedAt", touchpoint_id AS "touchpointId", owner_id AS "ownerId", resolved_at AS "settledAt"
         FROM cases WHERE workspace_id = $1 AND touchpoint_id IS NOT NULL AND source <> 'warning' ORDER BY opened_at, number`,
      [workspaceId],
    );
    return rows.map((r) => ({ ...r, settledAt: r.settledAt ?? now }));
  }

  /** Owner and backup owner of each touchpoint. */
  async owners(workspaceId: string): Promise<Map<string, { ownerId: string | null; backupOwnerId: string | null }>> {
    const rows: { id: string; ownerId: string | null; backupOwnerId: string | null }[] = await this.dataSource.query(
      `SELECT id, owner_id AS "ownerId", backup_owner_id AS "backupOwnerId" FROM touchpoints WHERE workspace_id = $1`,
      [workspaceId],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Writes the hops (each case's in order) with their "touchpoint_changed"/"assigned" events, and sets where each
   * case first landed: its first touchpoint, and the owner of its "opened" event.
   */
  async store(workspaceId: string, hops: DemoHop[]): Promise<void> {
    if (hops.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(CaseRoutingHopEntity).insert(hops.map((h) => ({ workspaceId, ...h, actorKind: 'user' as const })));
      const events = hops.flatMap((h) =>
        [
          ...(h.fromTouchpointId !== h.toTouchpointId
            ? [{ kind: 'touchpoint_changed', details: { from: h.fromTouchpointId, to: h.toTouchpointId, reason: h.reason } }]
            : []),
          ...(h.fromOwnerId !== h.toOwnerId
            ? [{ kind: 'assigned', details: { from: h.fromOwnerId, to: h.toOwnerId, reason: h.reason } }]
            : []),
        ].map((e) => ({ workspaceId, caseId: h.caseId, actorId: h.actorId, actorKind: 'user' as const, createdAt: h.hoppedAt, ...e })),
      );
      // (jsonb details do not fit TypeORM's deep partial)
      await manager.getRepository(CaseEventEntity).insert(events as QueryDeepPartialEntity<CaseEventEntity>[]);
      // The first hop of each case says where it first landed.
      await manager.query(
        `WITH first AS (
           SELECT DISTINCT ON (case_id) case_id, from_touchpoint_id, from_owner_id
             FROM case_routing_hops WHERE workspace_id = $1 ORDER BY case_id, hopped_at, id
         ), moved AS (
           UPDATE cases c SET first_touchpoint_id = f.from_touchpoint_id
             FROM first f WHERE c.workspace_id = $1 AND c.id = f.case_id
         )
         UPDATE case_events e SET details = jsonb_set(e.details, '{ownerId}', to_jsonb(f.from_owner_id))
           FROM first f WHERE e.workspace_id = $1 AND e.case_id = f.case_id AND e.kind = 'opened'`,
        [workspaceId],
      );
    });
  }
}
