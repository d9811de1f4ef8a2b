import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MembershipsReader } from '../members/memberships.reader';
import { WebhookEvents } from '../webhooks/webhook-events';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { CaseBreachRepository, SLA_TIMERS, type CaseRef, type Timer } from './case-breach.repository';
import { CasesRepository, SYSTEM } from './cases.repository';
import { caseEventData } from './cases.service';

export interface BreachOutcome {
  warned: number;
  breached: number;
}

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
    private readonly touchpoints: TouchpointsReader,
    private readonly breaches: CaseBreachRepository,
    private readonly webhooks: WebhookEvents,
    private readonly memberships: MembershipsReader,
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
    for (const timer of SLA_TIMERS) {
      // Breaches first: a case found already past due is escalated, not warned.
      for (const c of await this.due(timer, 'breach', now, workspaceId)) if (await this.breach(c, timer, now)) outcome.breached += 1;
      for (const c of await this.due(timer, 'warn', now, workspaceId)) if (await this.warn(c, timer, now)) outcome.warned += 1;
    }
    return outcome;
  }

  private due(timer: Timer, what: 'warn' | 'breach', now: Date, workspaceId?: string): Promise<CaseRef[]> {
    return this.breaches.due(timer, what, now, workspaceId);
  }

  private async warn(ref: { workspaceId: string; id: string }, timer: Timer, now: Date): Promise<boolean> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const c = await this.breaches.claimWarning(manager, ref, timer, now);
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
    try {
      return await this.dataSource.transaction(async (manager) => {
        const c = await this.breaches.claimBreach(manager, ref, timer, now);
        if (!c) return false;
        const touchpoint = c.touchpointId ? await this.touchpoints.routingTouchpoint(ref.workspaceId, c.touchpointId, manager) : null;
        const people = [touchpoint?.backupOwnerId ?? null, ...(await this.memberships.adminIds(ref.workspaceId, manager))].filter(
          (p): p is string => !!p,
        );
        const escalatedTo = await this.cases.escalate(manager, ref.workspaceId, c.id, people);
        const due = timer === 'first_response' ? c.firstResponseDue : c.resolutionDue;
        await this.cases.addEvent(manager, ref.workspaceId, c.id, SYSTEM, 'sla_breached', {
          timer,
          due,
          escalatedTo,
          backupOwnerId: touchpoint?.backupOwnerId ?? null,
        });
        await this.webhooks.publish(ref.workspaceId, 'case.breached', caseEventData({ ...c, escalatedTo }, { timer, due }), manager);
        return true;
      });
    } catch (error) {
      this.logger.warn(`escalating case ${ref.id} failed: ${(error as Error).message}`);
      return false;
    }
  }
}
