import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesForPromises } from '../cases/cases-for-promises';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MembershipsReader } from '../members/memberships.reader';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { WebhookEvents } from '../webhooks/webhook-events';
import { PromiseDeadlinesRepository, type PromiseRef } from './promise-deadlines.repository';
import { PromisesRepository, type PromiseRow } from './promises.repository';

export interface DeadlineOutcome {
  reminded: number;
  escalated: number;
}

/** The body of a `promise.overdue` webhook. */
export interface PromiseOverdueEvent {
  promiseId: string;
  text: string;
  dueAt: string;
  ownerId: string | null;
  caseId: string | null;
  customerExternalId: string | null;
  touchpointId: string | null;
  /** The owner's lead, or null when there is none and the admins were told. */
  escalatedTo: string | null;
  /** Everyone told: the lead, else the workspace admins. */
  notified: string[];
}

const SYSTEM = { kind: 'system', userId: null } as const;

/**
 * Promise reminders and escalations, exactly once each: claimed with a conditional UPDATE in the same transaction as
 * the case event and the webhook, so replicas and reruns never double them and a crash rolls all back together. An
 * overdue promise goes to the owner's lead: the touchpoint's owner, or its backup owner when the promise's owner
 * is the touchpoint's owner, else the workspace admins. `now` is injectable for tests (run()).
 */
@Injectable()
export class PromiseDeadlinesJob implements Job, OnApplicationBootstrap {
  readonly name = 'promise-deadlines';
  readonly lease = true;
  readonly intervalMs: number;
  private readonly logger = new Logger('PromiseDeadlinesJob');

  constructor(
    private readonly deadlines: PromiseDeadlinesRepository,
    private readonly promises: PromisesRepository,
    private readonly cases: CasesForPromises,
    private readonly touchpoints: TouchpointsReader,
    private readonly memberships: MembershipsReader,
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

  /** One pass over every workspace (or one). Escalations first: a promise found already overdue is not reminded. */
  async run(now: Date = new Date(), workspaceId?: string): Promise<DeadlineOutcome> {
    const outcome: DeadlineOutcome = { reminded: 0, escalated: 0 };
    for (const ref of await this.deadlines.overdue(now, workspaceId)) if (await this.escalate(ref, now)) outcome.escalated += 1;
    for (const ref of await this.deadlines.toRemind(now, workspaceId)) if (await this.remind(ref, now)) outcome.reminded += 1;
    return outcome;
  }

  private async remind(ref: PromiseRef, now: Date): Promise<boolean> {
    try {
      return await this.promises.transaction(async (manager) => {
        const p = await this.deadlines.claimReminder(manager, ref, now);
        if (!p) return false;
        if (p.caseId)
          await this.cases.addEvent(manager, ref.workspaceId, p.caseId, SYSTEM, 'promise_reminder', {
            promiseId: p.id,
            text: p.text,
            dueAt: p.dueAt.toISOString(),
            ownerId: p.ownerId,
          });
        return true;
      });
    } catch (error) {
      this.logger.warn(`reminding promise ${ref.id} failed: ${(error as Error).message}`);
      return false;
    }
  }

  private async escalate(ref: PromiseRef, now: Date): Promise<boolean> {
    try {
      return await this.promises.transaction(async (manager) => {
        const p = await this.deadlines.claimEscalation(manager, ref, now);
        if (!p) return false;
        const lead = await this.leadOf(manager, ref.workspaceId, p);
        const notified = lead ? [lead] : await this.memberships.adminIds(ref.workspaceId, manager);
        await this.deadlines.setEscalatedTo(manager, ref, lead);
        const event: PromiseOverdueEvent = {
          promiseId: p.id,
          text: p.text,
          dueAt: p.dueAt.toISOString(),
          ownerId: p.ownerId,
          caseId: p.caseId,
          customerExternalId: p.customerExternalId,
          touchpointId: p.touchpointId,
          escalatedTo: lead,
          notified,
        };
        if (p.caseId) await this.cases.addEvent(manager, ref.workspaceId, p.caseId, SYSTEM, 'promise_overdue', { ...event });
        await this.webhooks.publish(ref.workspaceId, 'promise.overdue', event, manager);
        return true;
      });
    } catch (error) {
      this.logger.warn(`escalating promise ${ref.id} failed: ${(error as Error).message}`);
      return false;
    }
  }

  /** The touchpoint's owner; its backup owner when the promise's owner is the touchpoint's owner; null otherwise. */
  private async leadOf(manager: EntityManager, workspaceId: string, p: PromiseRow): Promise<string | null> {
    const touchpoint = p.touchpointId ? await this.touchpoints.routingTouchpoint(workspaceId, p.touchpointId, manager) : null;
    if (!touchpoint) return null;
    const lead = touchpoint.ownerId && touchpoint.ownerId !== p.ownerId ? touchpoint.ownerId : touchpoint.backupOwnerId;
    if (!lead || lead === p.ownerId) return null;
    // A lead who left the workspace cannot act on it.
    return (await this.memberships.isMember(workspaceId, lead, manager)) ? lead : null;
  }
}
