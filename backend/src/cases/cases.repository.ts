import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CaseEventEntity } from './case-event.entity';
import { CaseRoutingCursorEntity } from './case-routing-cursor.entity';
import { CaseSettingsEntity } from './case-settings.entity';
import type { Actor } from './case-actor';
import type { CaseSource } from './case-rules';
import { CaseEntity } from './case.entity';

/** A case as the service works with it: every column but the tenancy key and the creator. */
export type CaseRow = Omit<CaseEntity, 'workspaceId' | 'createdBy'>;

export type CaseEventRow = Pick<CaseEventEntity, 'id' | 'actorId' | 'actorKind' | 'kind' | 'details' | 'createdAt'>;

export type NewCase = Pick<
  CaseEntity,
  | 'number'
  | 'title'
  | 'titleKey'
  | 'titleParams'
  | 'description'
  | 'source'
  | 'sourceId'
  | 'touchpointId'
  | 'firstTouchpointId'
  | 'routedBy'
  | 'customerExternalId'
  | 'channel'
  | 'priority'
  | 'priorityReasons'
  | 'ownerId'
  | 'slaPolicyId'
  | 'openedAt'
  | 'createdBy'
>;

export { type Actor, SYSTEM } from './case-actor';

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
export type CaseUpdate = Partial<
  Pick<
    CaseRow,
    | 'status'
    | 'reopened'
    | 'ownerId'
    | 'touchpointId'
    | 'priority'
    | 'pauses'
    | 'firstResponseDue'
    | 'firstResponseWarnAt'
    | 'resolutionDue'
    | 'resolutionWarnAt'
    | 'firstRespondedAt'
    | 'resolvedAt'
    | 'closedAt'
    | 'rootCause'
    | 'actionTaken'
    | 'churnReasonKey'
    | 'followUpCsat'
    | 'followUpComment'
    | 'followUpAt'
    | 'resolutionStartedAt'
    | 'warnedResolutionAt'
    | 'breachedResolutionAt'
  >
>;

/** The columns of a CaseRow, for selects that load one. */
export const CASE_ROW_COLUMNS = [
  'id',
  'number',
  'title',
  'titleKey',
  'titleParams',
  'description',
  'source',
  'sourceId',
  'touchpointId',
  'firstTouchpointId',
  'routedBy',
  'customerExternalId',
  'channel',
  'priority',
  'priorityReasons',
  'status',
  'reopened',
  'ownerId',
  'escalatedTo',
  'slaPolicyId',
  'openedAt',
  'resolutionStartedAt',
  'pauses',
  'firstResponseDue',
  'firstResponseWarnAt',
  'resolutionDue',
  'resolutionWarnAt',
  'firstRespondedAt',
  'resolvedAt',
  'closedAt',
  'warnedFirstResponseAt',
  'warnedResolutionAt',
  'breachedFirstResponseAt',
  'breachedResolutionAt',
  'rootCause',
  'actionTaken',
  'churnReasonKey',
  'followUpCsat',
  'followUpComment',
  'followUpAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof CaseRow)[];
/** The same for a query builder over alias `c` (the tenancy key too, so TypeORM can tell rows apart). */
const CASE_SELECT = ['c.workspaceId', ...CASE_ROW_COLUMNS.map((column) => `c.${column}`)];

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

export type TouchpointCaseCounts = Pick<CaseEntity, 'touchpointId'> & { open: number; breached: number; dueSoon: number };

/** Per touchpoint (cases without one too): how many cases, their latest change (text: microseconds), open and breached. */
export type TouchpointCaseVersion = Pick<CaseEntity, 'touchpointId'> & { cases: number; updatedAt: string; open: number; breached: number };

/** A loaded case as a CaseRow (the select loads the tenancy key only so TypeORM can tell rows apart). */
const toRow = ({ workspaceId: _workspaceId, createdBy: _createdBy, ...row }: CaseEntity): CaseRow => row;

@Injectable()
export class CasesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(CaseEventEntity) private readonly events_: Repository<CaseEventEntity>,
    @InjectRepository(CaseSettingsEntity) private readonly settings_: Repository<CaseSettingsEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private repo(manager?: EntityManager): Repository<CaseEntity> {
    return manager ? manager.getRepository(CaseEntity) : this.cases;
  }

  /**
   * The next human case number of the workspace (a row lock serialises concurrent openings). SQL: an upsert that
   * increments in place, which the query builder's orUpdate cannot say.
   */
  async nextNumber(manager: EntityManager, workspaceId: string): Promise<number> {
    const rows: Pick<CaseSettingsEntity, 'nextNumber'>[] = await manager.query(
      `INSERT INTO case_settings (workspace_id, next_number) VALUES ($1, 1)
       ON CONFLICT (workspace_id) DO UPDATE SET next_number = case_settings.next_number + 1 RETURNING next_number AS "nextNumber"`,
      [workspaceId],
    );
    return rows[0].nextNumber;
  }

  async settings(workspaceId: string): Promise<{ highMrrThreshold: number }> {
    const row = await this.settings_.findOne({ select: { workspaceId: true, highMrrThreshold: true }, where: { workspaceId } });
    // numeric arrives as text; the column default when the workspace has no row.
    return { highMrrThreshold: row ? Number(row.highMrrThreshold) : 10000 };
  }

  async setSettings(workspaceId: string, highMrrThreshold: number): Promise<void> {
    // updated_at: the inserted row's default now(), also on conflict.
    await this.settings_
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, highMrrThreshold: String(highMrrThreshold) })
      .orUpdate(['high_mrr_threshold', 'updated_at'], ['workspace_id'])
      .execute();
  }

  /**
   * The round-robin position to use for a touchpoint's team, advancing the stored cursor (an increment in place under
   * the row lock, as nextNumber).
   */
  async takeRoundRobin(manager: EntityManager, workspaceId: string, touchpointId: string): Promise<number> {
    const rows: Pick<CaseRoutingCursorEntity, 'position'>[] = await manager.query(
      `INSERT INTO case_routing_cursors (workspace_id, touchpoint_id, position) VALUES ($1, $2, 0)
       ON CONFLICT (workspace_id, touchpoint_id) DO UPDATE SET position = case_routing_cursors.position + 1 RETURNING position`,
      [workspaceId, touchpointId],
    );
    return rows[0].position;
  }

  /** The new case's id, or null when this source already has a case. */
  async insert(manager: EntityManager, workspaceId: string, c: NewCase): Promise<string | null> {
    const result = await manager
      .getRepository(CaseEntity)
      .createQueryBuilder()
      .insert()
      // (jsonb columns typed Record<string, unknown> do not fit TypeORM's deep partial)
      .values({ workspaceId, ...c, resolutionStartedAt: c.openedAt } as QueryDeepPartialEntity<CaseEntity>)
      // The unique (workspace_id, source, source_id) opens each source once; other conflicts still fail.
      .onConflict(`(workspace_id, source, source_id) DO NOTHING`)
      .returning(['id'])
      .execute();
    return (result.raw as Pick<CaseEntity, 'id'>[])[0]?.id ?? null;
  }

  async idBySource(workspaceId: string, source: CaseSource, sourceId: string): Promise<string | null> {
    const row = await this.cases.findOne({ select: { workspaceId: true, id: true }, where: { workspaceId, source, sourceId } });
    return row?.id ?? null;
  }

  /** With `lock`, the row stays locked (FOR UPDATE) until the caller's transaction ends. */
  async find(workspaceId: string, id: string, manager?: EntityManager, lock = false): Promise<CaseRow | null> {
    const query = this.repo(manager)
      .createQueryBuilder('c')
      .select(CASE_SELECT)
      .where('c.workspace_id = :workspaceId AND c.id = :id', { workspaceId, id });
    if (lock) query.setLock('pessimistic_write');
    const row = await query.getOne();
    return row ? toRow(row) : null;
  }

  async update(manager: EntityManager, workspaceId: string, id: string, fields: CaseUpdate): Promise<void> {
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as CaseUpdate;
    if (Object.keys(set).length === 0) return;
    // updated_at is the entity's update date column: TypeORM sets it on every update.
    await manager.getRepository(CaseEntity).update({ workspaceId, id }, set);
  }

  async addEvent(
    manager: EntityManager,
    workspaceId: string,
    caseId: string,
    actor: Actor,
    kind: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    const withToken = actor.tokenId ? { ...details, tokenId: actor.tokenId } : details;
    const event: Omit<CaseEventEntity, 'id' | 'createdAt'> = {
      workspaceId,
      caseId,
      actorId: actor.userId,
      actorKind: actor.kind,
      kind,
      details: withToken,
    };
    await manager.getRepository(CaseEventEntity).insert(event as QueryDeepPartialEntity<CaseEventEntity>);
  }

  events(workspaceId: string, caseId: string): Promise<CaseEventRow[]> {
    return this.events_.find({
      select: { id: true, actorId: true, actorKind: true, kind: true, details: true, createdAt: true },
      where: { workspaceId, caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
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

  /**
   * For the journey map: per touchpoint (cases without one too) the case count and latest change, which tell when cached
   * figures are stale, with the open cases and the breached ones (open, or opened in the last 90 days). Analytics SQL.
   */
  versionByTouchpoint(workspaceId: string): Promise<TouchpointCaseVersion[]> {
    return this.dataSource.query(
      `SELECT touchpoint_id AS "touchpointId", count(*)::int AS cases, max(updated_at)::text AS "updatedAt",
              count(*) FILTER (WHERE status IN ('open', 'waiting_customer'))::int AS open,
              count(*) FILTER (WHERE (breached_first_response_at IS NOT NULL OR breached_resolution_at IS NOT NULL)
                                 AND (status IN ('open', 'waiting_customer') OR opened_at >= now() - interval '90 days'))::int AS breached
         FROM cases WHERE workspace_id = $1 GROUP BY touchpoint_id`,
      [workspaceId],
    );
  }

  /** Inbox page: soonest resolution deadline first (cases without one last), then id. */
  async list(workspaceId: string, filter: CaseFilter, currentUserId: string | null): Promise<CaseRow[]> {
    const query = this.cases.createQueryBuilder('c').select(CASE_SELECT).where('c.workspace_id = :workspaceId', { workspaceId });
    if (filter.statuses?.length) query.andWhere('c.status = ANY (:statuses::varchar[])', { statuses: filter.statuses });
    if (filter.owner === 'none') query.andWhere('c.owner_id IS NULL');
    else if (filter.owner === 'me') query.andWhere('c.owner_id = :owner', { owner: currentUserId });
    else if (filter.owner) query.andWhere('c.owner_id = :owner', { owner: filter.owner });
    if (filter.touchpointId) query.andWhere('c.touchpoint_id = :touchpointId', { touchpointId: filter.touchpointId });
    if (filter.priorities?.length) query.andWhere('c.priority = ANY (:priorities::varchar[])', { priorities: filter.priorities });
    if (filter.sources?.length) query.andWhere('c.source = ANY (:sources::varchar[])', { sources: filter.sources });
    if (filter.breached !== undefined) query.andWhere(filter.breached ? BREACHED_SQL : `NOT ${BREACHED_SQL}`);
    // 'infinity' stands for "no deadline", so those sort last and page like any other value.
    if (filter.after) {
      query.andWhere(`(coalesce(c.resolution_due, 'infinity'), c.id) > (:afterDue::timestamptz, :afterId::uuid)`, {
        afterDue: filter.after.due ?? 'infinity',
        afterId: filter.after.id,
      });
    }
    const rows = await query
      .orderBy(`coalesce(c.resolution_due, 'infinity')`)
      .addOrderBy('c.id')
      .limit(filter.limit + 1)
      .getMany();
    return rows.map(toRow);
  }

  /** Gives the touchpoint's open (or waiting) unassigned cases to `ownerId`; their ids. */
  async assignUnassigned(manager: EntityManager, workspaceId: string, touchpointId: string, ownerId: string): Promise<string[]> {
    const result = await manager
      .getRepository(CaseEntity)
      .createQueryBuilder()
      .update()
      .set({ ownerId })
      .where(
        `workspace_id = :workspaceId AND touchpoint_id = :touchpointId AND owner_id IS NULL AND status IN ('open', 'waiting_customer')`,
        { workspaceId, touchpointId },
      )
      .returning(['id'])
      .execute();
    return (result.raw as Pick<CaseEntity, 'id'>[]).map((r) => r.id);
  }

  /** Adds people to escalated_to (no duplicates); returns the new list. */
  async escalate(manager: EntityManager, workspaceId: string, id: string, people: string[]): Promise<string[]> {
    const result = await manager
      .getRepository(CaseEntity)
      .createQueryBuilder()
      .update()
      .set({ escalatedTo: () => `ARRAY(SELECT DISTINCT u FROM unnest(escalated_to || :people::uuid[]) u WHERE u IS NOT NULL ORDER BY u)` })
      .setParameter('people', people)
      .where('workspace_id = :workspaceId AND id = :id', { workspaceId, id })
      .returning(['escalatedTo']) // RETURNING takes property names; the row comes back under the column's name
      .execute();
    return (result.raw as { escalated_to: CaseEntity['escalatedTo'] }[])[0]?.escalated_to ?? [];
  }

  /** Whether the customer had another case opened in the window before `at`. */
  hasRecentCase(manager: EntityManager, workspaceId: string, customerExternalId: string, at: Date, days: number): Promise<boolean> {
    return manager
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.workspace_id = :workspaceId AND c.customer_external_id = :customerExternalId', { workspaceId, customerExternalId })
      .andWhere('c.opened_at > :at::timestamptz - make_interval(days => :days) AND c.opened_at <= :at::timestamptz', { at, days })
      .getExists();
  }

  /** The customer's most recently opened case that is still open (waiting on them included), or null. */
  async latestOpenCaseOf(workspaceId: string, customerExternalId: string): Promise<string | null> {
    const row = await this.repo()
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where('c.workspace_id = :workspaceId AND c.customer_external_id = :customerExternalId', { workspaceId, customerExternalId })
      .andWhere(`c.status IN ('open', 'waiting_customer')`)
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(1)
      .getRawOne<{ id: string }>();
    return row?.id ?? null;
  }
}
