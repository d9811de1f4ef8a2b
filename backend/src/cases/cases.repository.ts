import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSource, CaseStatus } from './case-rules';
import type { StoredPause } from './case-timers';

export interface CaseRow {
  id: string;
  number: number;
  title: string;
  /** Set on cases opened from feedback: the dashboard writes the title from it in the reader's language. */
  titleKey: string | null;
  titleParams: Record<string, unknown>;
  description: string;
  source: CaseSource;
  sourceId: string | null;
  touchpointId: string | null;
  customerExternalId: string | null;
  channel: string;
  priority: string;
  priorityReasons: string[];
  status: CaseStatus;
  reopened: boolean;
  ownerId: string | null;
  escalatedTo: string[];
  slaPolicyId: string | null;
  openedAt: Date;
  resolutionStartedAt: Date;
  pauses: StoredPause[];
  firstResponseDue: Date | null;
  firstResponseWarnAt: Date | null;
  resolutionDue: Date | null;
  resolutionWarnAt: Date | null;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  warnedFirstResponseAt: Date | null;
  warnedResolutionAt: Date | null;
  breachedFirstResponseAt: Date | null;
  breachedResolutionAt: Date | null;
  rootCause: string | null;
  actionTaken: string | null;
  churnReasonKey: string | null;
  followUpCsat: number | null;
  followUpComment: string | null;
  followUpAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CaseEventRow {
  id: string;
  actorId: string | null;
  actorKind: 'user' | 'token' | 'system';
  kind: string;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface NewCase {
  number: number;
  title: string;
  titleKey: string | null;
  titleParams: Record<string, unknown>;
  description: string;
  source: CaseSource;
  sourceId: string | null;
  touchpointId: string | null;
  customerExternalId: string | null;
  channel: string;
  priority: string;
  priorityReasons: string[];
  ownerId: string | null;
  slaPolicyId: string | null;
  openedAt: Date;
  createdBy: string | null;
}

/** Who did something, for the audit trail. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  userId: string | null;
  tokenId?: string;
}

export const SYSTEM: Actor = { kind: 'system', userId: null };

export interface CaseFilter {
  statuses?: string[];
  owner?: 'none' | string;
  touchpointId?: string;
  priorities?: string[];
  sources?: string[];
  breached?: boolean;
  after?: { due: Date | null; id: string };
  limit: number;
}

/** Timer and scalar columns that may be written by the service. */
export type CaseUpdate = Partial<Pick<CaseRow,
  | 'status' | 'reopened' | 'ownerId' | 'priority' | 'pauses' | 'firstResponseDue' | 'firstResponseWarnAt' | 'resolutionDue' | 'resolutionWarnAt'
  | 'firstRespondedAt' | 'resolvedAt' | 'closedAt' | 'rootCause' | 'actionTaken' | 'churnReasonKey' | 'followUpCsat' | 'followUpComment'
  | 'followUpAt' | 'resolutionStartedAt' | 'warnedResolutionAt' | 'breachedResolutionAt'>>;

const COLUMN_OF: Record<keyof CaseUpdate, string> = {
  status: 'status', reopened: 'reopened', ownerId: 'owner_id', priority: 'priority', pauses: 'pauses',
  firstResponseDue: 'first_response_due', firstResponseWarnAt: 'first_response_warn_at', resolutionDue: 'resolution_due',
  resolutionWarnAt: 'resolution_warn_at', firstRespondedAt: 'first_responded_at', resolvedAt: 'resolved_at', closedAt: 'closed_at',
  rootCause: 'root_cause', actionTaken: 'action_taken', churnReasonKey: 'churn_reason_key', followUpCsat: 'follow_up_csat',
  followUpComment: 'follow_up_comment', followUpAt: 'follow_up_at', resolutionStartedAt: 'resolution_started_at',
  warnedResolutionAt: 'warned_resolution_at', breachedResolutionAt: 'breached_resolution_at',
};

export const CASE_COLUMNS = `c.id, c.number, c.title, c.title_key AS "titleKey", c.title_params AS "titleParams", c.description, c.source, c.source_id AS "sourceId", c.touchpoint_id AS "touchpointId",
  c.customer_external_id AS "customerExternalId", c.channel, c.priority, c.priority_reasons AS "priorityReasons", c.status, c.reopened,
  c.owner_id AS "ownerId", c.escalated_to AS "escalatedTo", c.sla_policy_id AS "slaPolicyId", c.opened_at AS "openedAt",
  c.resolution_started_at AS "resolutionStartedAt", c.pauses, c.first_response_due AS "firstResponseDue",
  c.first_response_warn_at AS "firstResponseWarnAt", c.resolution_due AS "resolutionDue", c.resolution_warn_at AS "resolutionWarnAt",
  c.first_responded_at AS "firstRespondedAt", c.resolved_at AS "resolvedAt", c.closed_at AS "closedAt",
  c.warned_first_response_at AS "warnedFirstResponseAt", c.warned_resolution_at AS "warnedResolutionAt",
  c.breached_first_response_at AS "breachedFirstResponseAt", c.breached_resolution_at AS "breachedResolutionAt",
  c.root_cause AS "rootCause", c.action_taken AS "actionTaken", c.churn_reason_key AS "churnReasonKey",
  c.follow_up_csat AS "followUpCsat", c.follow_up_comment AS "followUpComment", c.follow_up_at AS "followUpAt",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/** A case past a deadline it has not met (the inbox's "breached" filter). */
const BREACHED_SQL = `(c.breached_first_response_at IS NOT NULL OR c.breached_resolution_at IS NOT NULL)`;
/** The inbox's default view: the statuses someone still works on. */
export const ACTIVE_STATUSES = ['open', 'waiting_customer'] as const;
/**
 * Due soon, as the inbox colours a timer: a running clock (not paused, not met, not breached) past its warning time
 * and not yet due. `$2` is now.
 */
const DUE_SOON_SQL = `(c.status = 'open' AND NOT ${BREACHED_SQL} AND (
  (c.first_responded_at IS NULL AND c.first_response_warn_at <= $2 AND c.first_response_due > $2)
  OR (c.resolved_at IS NULL AND c.resolution_warn_at <= $2 AND c.resolution_due > $2)))`;

export interface TouchpointCaseCounts {
  touchpointId: string | null;
  open: number;
  breached: number;
  dueSoon: number;
}

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource;
  }

  /** The next human case number of the workspace (a row lock serialises concurrent openings). */
  async nextNumber(manager: EntityManager, workspaceId: string): Promise<number> {
    const rows = await manager.query(
      `INSERT INTO case_settings (workspace_id, next_number) VALUES ($1, 1)
       ON CONFLICT (workspace_id) DO UPDATE SET next_number = case_settings.next_number + 1 RETURNING next_number`,
      [workspaceId],
    );
    return rows[0].next_number;
  }

  async settings(workspaceId: string): Promise<{ highMrrThreshold: number }> {
    const rows = await this.dataSource.query(`SELECT high_mrr_threshold::float8 AS "highMrrThreshold" FROM case_settings WHERE workspace_id = $1`, [workspaceId]);
    return rows[0] ?? { highMrrThreshold: 10000 };
  }

  async setSettings(workspaceId: string, highMrrThreshold: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO case_settings (workspace_id, high_mrr_threshold) VALUES ($1, $2)
       ON CONFLICT (workspace_id) DO UPDATE SET high_mrr_threshold = $2, updated_at = now()`,
      [workspaceId, highMrrThreshold],
    );
  }

  /** The round-robin position to use for a touchpoint's team, advancing the stored cursor. */
  async takeRoundRobin(manager: EntityManager, workspaceId: string, touchpointId: string): Promise<number> {
    const rows = await manager.query(
      `INSERT INTO case_routing_cursors (workspace_id, touchpoint_id, position) VALUES ($1, $2, 0)
       ON CONFLICT (workspace_id, touchpoint_id) DO UPDATE SET position = case_routing_cursors.position + 1 RETURNING position`,
      [workspaceId, touchpointId],
    );
    return rows[0].position;
  }

  /** The new case's id, or null when this source already has a case. */
  async insert(manager: EntityManager, workspaceId: string, c: NewCase): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO cases (workspace_id, number, title, description, source, source_id, touchpoint_id, customer_external_id, channel, priority,
                          priority_reasons, owner_id, sla_policy_id, opened_at, resolution_started_at, created_by, title_key, title_params)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16, $17)
       ON CONFLICT (workspace_id, source, source_id) DO NOTHING RETURNING id`,
      [workspaceId, c.number, c.title, c.description, c.source, c.sourceId, c.touchpointId, c.customerExternalId, c.channel, c.priority,
        c.priorityReasons, c.ownerId, c.slaPolicyId, c.openedAt, c.createdBy, c.titleKey, JSON.stringify(c.titleParams)],
    );
    return rows[0]?.id ?? null;
  }

  async idBySource(workspaceId: string, source: CaseSource, sourceId: string): Promise<string | null> {
    const rows = await this.dataSource.query(`SELECT id FROM cases WHERE workspace_id = $1 AND source = $2 AND source_id = $3`, [workspaceId, source, sourceId]);
    return rows[0]?.id ?? null;
  }

  async find(workspaceId: string, id: string, manager?: EntityManager, lock = false): Promise<CaseRow | null> {
    const rows = await this.q(manager).query(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.workspace_id = $1 AND c.id = $2${lock ? ' FOR UPDATE' : ''}`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  async update(manager: EntityManager, workspaceId: string, id: string, fields: CaseUpdate): Promise<void> {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined) as [keyof CaseUpdate, unknown][];
    if (entries.length === 0) return;
    const params: unknown[] = [workspaceId, id];
    const sets = entries.map(([key, value]) => {
      params.push(key === 'pauses' ? JSON.stringify(value) : value);
      return `${COLUMN_OF[key]} = $${params.length}`;
    });
    await manager.query(`UPDATE cases SET ${sets.join(', ')}, updated_at = now() WHERE workspace_id = $1 AND id = $2`, params);
  }

  async addEvent(manager: EntityManager, workspaceId: string, caseId: string, actor: Actor, kind: string, details: Record<string, unknown> = {}): Promise<void> {
    const withToken = actor.tokenId ? { ...details, tokenId: actor.tokenId } : details;
    await manager.query(
      `INSERT INTO case_events (workspace_id, case_id, actor_id, actor_kind, kind, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [workspaceId, caseId, actor.userId, actor.kind, kind, JSON.stringify(withToken)],
    );
  }

  events(workspaceId: string, caseId: string): Promise<CaseEventRow[]> {
    return this.dataSource.query(
      `SELECT id, actor_id AS "actorId", actor_kind AS "actorKind", kind, details, created_at AS "createdAt"
         FROM case_events WHERE workspace_id = $1 AND case_id = $2 ORDER BY created_at, id`,
      [workspaceId, caseId],
    );
  }

  /** The inbox's active cases per touchpoint (home page): all of them, those its breached filter shows, and due soon. */
  countsByTouchpoint(workspaceId: string, now: Date): Promise<TouchpointCaseCounts[]> {
    return this.dataSource.query(
      `SELECT c.touchpoint_id AS "touchpointId", count(*)::int AS open,
              count(*) FILTER (WHERE ${BREACHED_SQL})::int AS breached, count(*) FILTER (WHERE ${DUE_SOON_SQL})::int AS "dueSoon"
         FROM cases c WHERE c.workspace_id = $1 AND c.status = ANY ($3::varchar[]) GROUP BY c.touchpoint_id`,
      [workspaceId, now, ACTIVE_STATUSES],
    );
  }

  /** Inbox page: soonest resolution deadline first (cases without one last), then id. */
  list(workspaceId: string, filter: CaseFilter, currentUserId: string | null): Promise<CaseRow[]> {
    const params: unknown[] = [workspaceId];
    const clauses: string[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${params.length}`));
    };
    if (filter.statuses?.length) add((p) => `c.status = ANY (${p}::varchar[])`, filter.statuses);
    if (filter.owner === 'none') clauses.push('c.owner_id IS NULL');
    else if (filter.owner === 'me') add((p) => `c.owner_id = ${p}`, currentUserId);
    else if (filter.owner) add((p) => `c.owner_id = ${p}`, filter.owner);
    if (filter.touchpointId) add((p) => `c.touchpoint_id = ${p}`, filter.touchpointId);
    if (filter.priorities?.length) add((p) => `c.priority = ANY (${p}::varchar[])`, filter.priorities);
    if (filter.sources?.length) add((p) => `c.source = ANY (${p}::varchar[])`, filter.sources);
    if (filter.breached !== undefined) clauses.push(filter.breached ? BREACHED_SQL : `NOT ${BREACHED_SQL}`);
    // 'infinity' stands for "no deadline", so those sort last and page like any other value.
    if (filter.after) {
      params.push(filter.after.due ?? 'infinity', filter.after.id);
      clauses.push(`(coalesce(c.resolution_due, 'infinity'), c.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    return this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.workspace_id = $1${clauses.map((s) => ` AND ${s}`).join('')}
        ORDER BY coalesce(c.resolution_due, 'infinity'), c.id LIMIT $${params.length}`,
      params,
    );
  }

  /** Gives the touchpoint's open (or waiting) unassigned cases to `ownerId`; their ids. */
  async assignUnassigned(manager: EntityManager, workspaceId: string, touchpointId: string, ownerId: string): Promise<string[]> {
    const rows = await manager.query(
      `UPDATE cases SET owner_id = $3, updated_at = now()
        WHERE workspace_id = $1 AND touchpoint_id = $2 AND owner_id IS NULL AND status IN ('open', 'waiting_customer')
        RETURNING id`,
      [workspaceId, touchpointId, ownerId],
    );
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const returned: { id: string }[] = Array.isArray(rows[0]) ? rows[0] : rows;
    return returned.map((r) => r.id);
  }

  async isMember(workspaceId: string, userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, userId]);
    return rows.length > 0;
  }

  async admins(manager: EntityManager, workspaceId: string): Promise<string[]> {
    const rows: { userId: string }[] = await manager.query(
      `SELECT user_id AS "userId" FROM memberships WHERE workspace_id = $1 AND role = 'admin' ORDER BY user_id`,
      [workspaceId],
    );
    return rows.map((r) => r.userId);
  }

  /** Adds people to escalated_to (no duplicates); returns the new list. */
  async escalate(manager: EntityManager, workspaceId: string, id: string, people: string[]): Promise<string[]> {
    const rows = await manager.query(
      `UPDATE cases SET escalated_to = ARRAY(SELECT DISTINCT u FROM unnest(escalated_to || $3::uuid[]) u WHERE u IS NOT NULL ORDER BY u), updated_at = now()
        WHERE workspace_id = $1 AND id = $2 RETURNING escalated_to AS "escalatedTo"`,
      [workspaceId, id, people],
    );
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const returned = Array.isArray(rows[0]) ? rows[0] : rows;
    return returned[0]?.escalatedTo ?? [];
  }

  async customer(workspaceId: string, externalId: string, manager?: EntityManager): Promise<{ mrr: number; lifecycleStage: string } | null> {
    const rows = await this.q(manager).query(
      `SELECT mrr::float8 AS mrr, lifecycle_stage AS "lifecycleStage" FROM customers WHERE workspace_id = $1 AND external_id = $2`,
      [workspaceId, externalId],
    );
    return rows[0] ?? null;
  }

  /** Whether the customer had another case opened in the window before `at`. */
  async hasRecentCase(manager: EntityManager, workspaceId: string, customerExternalId: string, at: Date, days: number): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM cases WHERE workspace_id = $1 AND customer_external_id = $2
          AND opened_at > $3::timestamptz - make_interval(days => $4) AND opened_at <= $3::timestamptz LIMIT 1`,
      [workspaceId, customerExternalId, at, days],
    );
    return rows.length > 0;
  }

  async churnReasonExists(workspaceId: string, key: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM churn_reasons WHERE workspace_id = $1 AND key = $2`, [workspaceId, key]);
    return rows.length > 0;
  }
}
