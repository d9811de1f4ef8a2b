import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WebhookEvents } from '../webhooks/webhook-events';
import { CaseRoutingRepository } from './case-routing.repository';
import { CASE_COLUMNS, CaseRow, CasesRepository, SYSTEM } from './cases.repository';
import { caseEventData } from './cases.service';

type Timer = 'first_response' | 'resolution';

export interface BreachOutcome {
  warned: number;
  breached: number;
}

const OPEN = `c.status IN ('open', 'waiting_customer')`;
/** Per timer: the deadline columns, the "done" column, and the claim columns. */
const TIMERS: Record<Timer, { warnAt: string; due: string; done: string; warned: string; breached: string }> = {
  first_response: { warnAt: 'first_response_warn_at', due: 'first_response_due', done: 'first_responded_at', warned: 'warned_first_response_at', breached: 'breached_first_response_at' },
  resolution: { warnAt: 'resolution_warn_at', due: 'resolution_due', done: 'resolved_at', warned: 'warned_resolution_at', breached: 'breached_resolution_at' },
};
const BATCH = 500;

/**
 * SLA warnings and escalations, exactly once each: every warning/breach is claimed with a conditional UPDATE …
 * RETURNING on its own column in the same transaction as its audit event and webhook, so several replicas (or a
 * rerun) never double them, and a crash rolls all three back together. `now` is injectable for tests.
 * A job every OTKLIK_CASE_SYNC_MS under the lease (one replica scans at a time).
 */
@Injectable()
export class CaseBreachJob implements Job, OnApplicationBootstrap {
  readonly name = 'case-breach';
  readonly lease = true;
  readonly intervalMs: number;
  private readonly logger = new Logger('CaseBreachJob');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly routing: CaseRoutingRepository,
    private readonly webhooks: WebhookEvents,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intervalMs = config.caseSyncMs;
  }

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(): Promise<void> {
    await this.run(new Date());
  }

  /** One pass over every workspace (or one, for the admin endpoint). */
  async run(now: Date = new Date(), workspaceId?: string): Promise<BreachOutcome> {
    const outcome: BreachOutcome = { warned: 0, breached: 0 };
    for (const timer of Object.keys(TIMERS) as Timer[]) {
      // Breaches first: a case found already past due is escalated, not warned.
      for (const c of await this.due(timer, 'breach', now, workspaceId)) if (await this.breach(c, timer, now)) outcome.breached += 1;
      for (const c of await this.due(timer, 'warn', now, workspaceId)) if (await this.warn(c, timer, now)) outcome.warned += 1;
    }
    return outcome;
  }

  private async due(timer: Timer, what: 'warn' | 'breach', now: Date, workspaceId?: string): Promise<{ workspaceId: string; id: string }[]> {
    const t = TIMERS[timer];
    const condition = what === 'warn'
      ? `c.${t.warnAt} <= $1 AND c.${t.warned} IS NULL AND c.${t.breached} IS NULL`
      : `c.${t.due} <= $1 AND c.${t.breached} IS NULL`;
    return this.dataSource.query(
      `SELECT c.workspace_id AS "workspaceId", c.id FROM cases c
        WHERE ${OPEN} AND c.${t.done} IS NULL AND ${condition} AND ($2::uuid IS NULL OR c.workspace_id = $2)
        ORDER BY c.${what === 'warn' ? t.warnAt : t.due} LIMIT ${BATCH}`,
      [now, workspaceId ?? null],
    );
  }

  /** The claimed case, or null when another run (or replica) got there first or the case moved on. */
  private async claim(manager: EntityManager, ref: { workspaceId: string; id: string }, set: string, where: string, now: Date): Promise<CaseRow | null> {
    const rows = await manager.query(
      `UPDATE cases c SET ${set}, updated_at = now() WHERE c.workspace_id = $1 AND c.id = $2 AND ${OPEN} AND ${where} RETURNING ${CASE_COLUMNS}`,
      [ref.workspaceId, ref.id, now],
    );
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const returned = Array.isArray(rows[0]) ? rows[0] : rows;
    return returned[0] ?? null;
  }

  private async warn(ref: { workspaceId: string; id: string }, timer: Timer, now: Date): Promise<boolean> {
    const t = TIMERS[timer];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const c = await this.claim(manager, ref, `${t.warned} = $3`, `c.${t.done} IS NULL AND c.${t.warned} IS NULL AND c.${t.breached} IS NULL AND c.${t.warnAt} <= $3`, now);
        if (!c) return false;
        const due = timer === 'first_response' ? c.firstResponseDue : c.resolutionDue;
        await this.cases.addEvent(manager, ref.workspaceId, c.id, SYSTEM, 'sla_warned', { timer, due, ownerId: c.ownerId });
        await this.webhooks.publish(ref.workspaceId, 'case.warned', caseEventData(c, { timer, due }), manager);
        return true;
      });
    } catch (error) {
      this.logger.warn(`warning case ${ref.id} failed: ${(error as Error).message}`);
      return false;
    }
  }

  /** Escalates to the touchpoint's backup owner and the workspace admins. */
  private async breach(ref: { workspaceId: string; id: string }, timer: Timer, now: Date): Promise<boolean> {
    const t = TIMERS[timer];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const c = await this.claim(manager, ref, `${t.breached} = $3, ${t.warned} = coalesce(${t.warned}, $3)`, `c.${t.done} IS NULL AND c.${t.breached} IS NULL AND c.${t.due} <= $3`, now);
        if (!c) return false;
        const touchpoint = c.touchpointId ? await this.routing.touchpoint(ref.workspaceId, c.touchpointId, manager) : null;
        const people = [touchpoint?.backupOwnerId ?? null, ...(await this.cases.admins(manager, ref.workspaceId))].filter((p): p is string => !!p);
        const escalatedTo = await this.cases.escalate(manager, ref.workspaceId, c.id, people);
        const due = timer === 'first_response' ? c.firstResponseDue : c.resolutionDue;
        await this.cases.addEvent(manager, ref.workspaceId, c.id, SYSTEM, 'sla_breached', { timer, due, escalatedTo, backupOwnerId: touchpoint?.backupOwnerId ?? null });
        await this.webhooks.publish(ref.workspaceId, 'case.breached', caseEventData({ ...c, escalatedTo }, { timer, due }), manager);
        return true;
      });
    } catch (error) {
      this.logger.warn(`escalating case ${ref.id} failed: ${(error as Error).message}`);
      return false;
    }
  }
}
