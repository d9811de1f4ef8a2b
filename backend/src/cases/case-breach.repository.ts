import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CaseEntity } from './case.entity';
import { CaseRow, CasesRepository } from './cases.repository';

/** The two SLA timers of a case. */
export const SLA_TIMERS = ['first_response', 'resolution'] as const;
export type Timer = (typeof SLA_TIMERS)[number];

/** A case to look at, by its key. */
export type CaseRef = Pick<CaseEntity, 'workspaceId' | 'id'>;

/** Per timer: the deadline columns, the "done" column, and the claim columns (database names). */
const TIMERS: Record<Timer, { warnAt: string; due: string; done: string; warned: string; breached: string }> = {
  first_response: {
    warnAt: 'first_response_warn_at',
    due: 'first_response_due',
    done: 'first_responded_at',
    warned: 'warned_first_response_at',
    breached: 'breached_first_response_at',
  },
  resolution: {
    warnAt: 'resolution_warn_at',
    due: 'resolution_due',
    done: 'resolved_at',
    warned: 'warned_resolution_at',
    breached: 'breached_resolution_at',
  },
};
/** As the partial timer indexes (cases_fr_timer_idx, cases_res_timer_idx) say it, so the planner can use them. */
const OPEN = `c.status IN ('open', 'waiting_customer')`;
/** The entity property of a claim column ('warned_resolution_at' → 'warnedResolutionAt'). */
const property = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof CaseEntity;
const BATCH = 500;

/**
 * SLA warnings and escalations: which timers are due, and claiming one exactly once with a conditional UPDATE on its
 * own column (the claim holds the row lock until the caller's transaction ends, so a rerun or another replica finds
 * nothing left to claim).
 */
@Injectable()
export class CaseBreachRepository {
  constructor(
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    private readonly caseRows: CasesRepository,
  ) {}

  /** Up to BATCH cases whose timer is due for a warning or a breach (every workspace, or one), earliest first. */
  async due(timer: Timer, what: 'warn' | 'breach', now: Date, workspaceId?: string): Promise<CaseRef[]> {
    const t = TIMERS[timer];
    const condition =
      what === 'warn'
        ? `c.${t.warnAt} <= :now AND c.${t.warned} IS NULL AND c.${t.breached} IS NULL`
        : `c.${t.due} <= :now AND c.${t.breached} IS NULL`;
    const query = this.cases
      .createQueryBuilder('c')
      .select(['c.workspaceId', 'c.id'])
      .where(`${OPEN} AND c.${t.done} IS NULL AND ${condition}`, { now });
    if (workspaceId) query.andWhere('c.workspace_id = :workspaceId', { workspaceId });
    const rows = await query
      .orderBy(`c.${what === 'warn' ? t.warnAt : t.due}`)
      .limit(BATCH)
      .getMany();
    return rows.map(({ workspaceId, id }) => ({ workspaceId, id }));
  }

  /** Claims the warning: the case as it is now, or null when another run got there first or the case moved on. */
  claimWarning(manager: EntityManager, ref: CaseRef, timer: Timer, now: Date): Promise<CaseRow | null> {
    const t = TIMERS[timer];
    return this.claim(
      manager,
      ref,
      { [property(t.warned)]: now },
      `${t.done} IS NULL AND ${t.warned} IS NULL AND ${t.breached} IS NULL AND ${t.warnAt} <= :now`,
      now,
    );
  }

  /** Claims the breach (and the warning, if it never went out): as claimWarning. */
  claimBreach(manager: EntityManager, ref: CaseRef, timer: Timer, now: Date): Promise<CaseRow | null> {
    const t = TIMERS[timer];
    return this.claim(
      manager,
      ref,
      { [property(t.breached)]: now, [property(t.warned)]: () => `coalesce(${t.warned}, :now)` },
      `${t.done} IS NULL AND ${t.breached} IS NULL AND ${t.due} <= :now`,
      now,
    );
  }

  private async claim(
    manager: EntityManager,
    ref: CaseRef,
    set: QueryDeepPartialEntity<CaseEntity>,
    where: string,
    now: Date,
  ): Promise<CaseRow | null> {
    // updated_at is the entity's update date column: TypeORM sets it with the claim.
    const result = await manager
      .getRepository(CaseEntity)
      .createQueryBuilder()
      .update()
      .set(set)
      .where(`workspace_id = :workspaceId AND id = :id AND status IN ('open', 'waiting_customer') AND ${where}`, {
        workspaceId: ref.workspaceId,
        id: ref.id,
        now,
      })
      .execute();
    // The UPDATE took the row lock: this read in the same transaction sees the claim and nothing can change it meanwhile.
    return result.affected ? this.caseRows.find(ref.workspaceId, ref.id, manager) : null;
  }
}
