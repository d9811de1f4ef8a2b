import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../common/http/api-error';
import { WebhookEvents } from '../../webhooks/webhook-events';
import type { ColourStatus, StatusChangeCause } from './colour-status';
import { CustomerStatusRepository, type StatusChangeRow, type StoredStatusRules } from './customer-status.repository';
import type { StatusRules } from './derive-colour-status';

/** The `customer.status_changed` webhook payload. */
export interface StatusChangedEvent {
  customer: { externalId: string };
  from: ColourStatus | null;
  to: ColourStatus;
  cause: StatusChangeCause;
  detail: string | null;
  changedAt: string;
}

/**
 * Keeps customers' colour statuses in step with the workspace's rules and people's overrides, records every move and
 * announces it. Other modules (activity after new orders) call recompute; everything runs in the caller's
 * transaction when one is given, so a status never moves without the write that moved it.
 */
@Injectable()
export class CustomerStatusService {
  constructor(
    private readonly statuses: CustomerStatusRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** Re-derives these customers' statuses (unknown ids are skipped); returns the moves recorded. */
  recompute(workspaceId: string, externalIds: readonly string[], manager?: EntityManager): Promise<StatusChangeRow[]> {
    if (externalIds.length === 0) return Promise.resolve([]);
    return this.run(manager, (m) => this.derive(workspaceId, [...new Set(externalIds)], { cause: 'rules', actorId: null }, m));
  }

  /** Re-derives every customer of the workspace (daily for inactivity, and when its rules change). */
  recomputeWorkspace(workspaceId: string, manager?: EntityManager, now = new Date()): Promise<StatusChangeRow[]> {
    return this.run(manager, (m) => this.derive(workspaceId, null, { cause: 'rules', actorId: null }, m, now));
  }

  /** Pins the status by hand, with who and why. */
  async override(workspaceId: string, externalId: string, status: ColourStatus, reason: string, actorId: string | null): Promise<void> {
    await this.statuses.transaction(async (manager) => {
      const result = await this.statuses.setOverride(workspaceId, externalId, { status, reason, actorId }, manager);
      if (!result) throw notFound('Customer');
      await this.announce(workspaceId, result.change ? [result.change] : [], manager);
    });
  }

  /** Takes the override back: the rules decide again (a move is recorded as override_cleared). */
  async clearOverride(workspaceId: string, externalId: string, actorId: string | null): Promise<void> {
    await this.statuses.transaction(async (manager) => {
      if (!(await this.statuses.clearOverride(workspaceId, externalId, manager))) throw notFound('Customer');
      await this.derive(workspaceId, [externalId], { cause: 'override_cleared', actorId }, manager);
    });
  }

  rules(workspaceId: string): Promise<StoredStatusRules> {
    return this.statuses.rules(workspaceId);
  }

  /** Saves the thresholds and re-derives the whole workspace with them, in one transaction. */
  async saveRules(workspaceId: string, rules: StatusRules, actorId: string | null): Promise<{ rules: StoredStatusRules; moved: number }> {
    return this.statuses.transaction(async (manager) => {
      await this.statuses.saveRules(workspaceId, rules, actorId, manager);
      const changes = await this.derive(workspaceId, null, { cause: 'rules', actorId }, manager);
      return { rules: await this.statuses.rules(workspaceId, manager), moved: changes.filter((c) => c.fromStatus !== null).length };
    });
  }

  private run<T>(manager: EntityManager | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.statuses.transaction(work);
  }

  private async derive(
    workspaceId: string,
    externalIds: string[] | null,
    how: { cause: StatusChangeCause; actorId: string | null },
    manager: EntityManager,
    now = new Date(),
  ): Promise<StatusChangeRow[]> {
    const changes = await this.statuses.recompute(workspaceId, externalIds, { ...how, now }, manager);
    await this.announce(workspaceId, changes, manager);
    return changes;
  }

  /** A webhook per move (a customer's first status is not a move). */
  private async announce(workspaceId: string, changes: StatusChangeRow[], manager: EntityManager): Promise<void> {
    const moves = changes.filter((c) => c.fromStatus !== null);
    await this.webhooks.publishMany<StatusChangedEvent>(
      workspaceId,
      'customer.status_changed',
      moves.map((c) => ({
        customer: { externalId: c.externalId },
        from: c.fromStatus,
        to: c.toStatus,
        cause: c.cause,
        detail: c.detail,
        changedAt: new Date(c.changedAt).toISOString(),
      })),
      manager,
    );
  }
}
