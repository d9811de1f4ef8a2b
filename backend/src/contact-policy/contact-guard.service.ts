import { Injectable } from '@nestjs/common';
import { CasesReader } from '../cases/cases.reader';
import { ChurnReader } from '../churn/churn.reader';
import type { ContactRefusal } from '../common/contact/contact-gate.port';
import { WebhookEvents } from '../webhooks/webhook-events';
import { ContactPolicyRepository } from './contact-policy.repository';
import { guardReasons, guardWindows } from './guard-reasons';

/** The body of `customer.guard_started` and `customer.guard_ended`. */
export interface GuardEvent {
  customer: { externalId: string };
  /** Why the guard holds (started) or held until now (ended). */
  reasons: ContactRefusal[];
  startedAt: string;
  /** Only on guard_ended. */
  endedAt?: string;
}

/** The guard's current state per customer (customer_guards), kept by ContactGuardJob. */
@Injectable()
export class ContactGuardService {
  constructor(
    private readonly repo: ContactPolicyRepository,
    private readonly cases: CasesReader,
    private readonly churn: ChurnReader,
    private readonly webhooks: WebhookEvents,
  ) {}

  /**
   * Recomputes who is guarded in the workspace (only customers with a guarding case or cancellation are read) and
   * writes the difference with its webhooks in one transaction: under the job's lease, each transition goes once.
   */
  async syncWorkspace(workspaceId: string, now = new Date()): Promise<{ started: number; ended: number }> {
    const policy = await this.repo.policy(workspaceId);
    const { cancelledSince, breachedSince } = guardWindows(policy, now);
    const [cases, cancellations] = policy.guardEnabled
      ? await Promise.all([
          this.cases.guardCases(workspaceId, { openComplaints: policy.guardOpenComplaints, breachedSince }),
          cancelledSince ? this.churn.cancelledSince(workspaceId, cancelledSince) : [],
        ])
      : [[], []];
    const current = [...guardReasons(policy, cases, cancellations)].map(([customerExternalId, reasons]) => ({
      customerExternalId,
      reasons,
    }));
    return this.repo.transaction(async (manager) => {
      const { started, ended } = await this.repo.syncGuards(workspaceId, current, manager, now);
      const at = (d: Date | string) => new Date(d).toISOString();
      await this.webhooks.publishMany<GuardEvent>(
        workspaceId,
        'customer.guard_started',
        started.map((g) => ({ customer: { externalId: g.customerExternalId }, reasons: g.reasons, startedAt: at(g.startedAt) })),
        manager,
      );
      await this.webhooks.publishMany<GuardEvent>(
        workspaceId,
        'customer.guard_ended',
        ended.map((g) => ({
          customer: { externalId: g.customerExternalId },
          reasons: g.reasons,
          startedAt: at(g.startedAt),
          endedAt: now.toISOString(),
        })),
        manager,
      );
      return { started: started.length, ended: ended.length };
    });
  }
}
