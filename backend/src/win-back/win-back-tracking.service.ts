import { Injectable } from '@nestjs/common';
import { WebhookEvents } from '../webhooks/webhook-events';
import { WinBackTrackingRepository } from './win-back-tracking.repository';

/** The body of a `customer.returned` webhook. */
export interface CustomerReturnedEvent {
  problemId: string;
  customerExternalId: string;
  returnedAt: string;
  returnKind: string;
}

/**
 * Finds who answered and who came back after a notice (for one problem, or all of a workspace) and tells webhooks
 * about each return once, in the transaction that records it.
 */
@Injectable()
export class WinBackTrackingService {
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    private readonly tracking: WinBackTrackingRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  track(workspaceId: string, problemId: string | null = null): Promise<{ answered: number; returned: number }> {
    return this.tracking.transaction(async (manager) => {
      const answered = await this.tracking.trackAnswers(workspaceId, problemId, manager);
      const returns = await this.tracking.trackReturns(workspaceId, problemId, manager);
      const events = returns.map((r): CustomerReturnedEvent => ({
        problemId: r.problemId,
        customerExternalId: r.customerExternalId,
        returnedAt: new Date(r.returnedAt).toISOString(),
        returnKind: r.returnKind,
      }));
      await this.webhooks.publishMany(workspaceId, 'customer.returned', events, manager);
      return { answered, returned: returns.length };
    });
  }

  /**
   * A writer's "bring it up to date" on opening a fix. Requests for a problem whose refresh is still running share
   * it instead of queueing more of the same work; the 180-day window bounds what each one scans.
   */
  async refresh(workspaceId: string, problemId: string): Promise<void> {
    const key = `${workspaceId}:${problemId}`;
    let running = this.running.get(key);
    if (!running) {
      running = this.track(workspaceId, problemId).finally(() => this.running.delete(key));
      this.running.set(key, running);
    }
    await running;
  }

  workspacesToTrack(): Promise<string[]> {
    return this.tracking.workspacesToTrack();
  }
}
