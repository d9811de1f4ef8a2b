import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../../common/jobs/job';
import { JobRunner } from '../../common/jobs/job-runner';
import { CustomerStatusRepository } from './customer-status.repository';
import { CustomerStatusService } from './customer-status.service';

const DAY_MS = 86_400_000;

/**
 * Once a day, re-derives every workspace's colour statuses: inactivity (no order for stoppedAfterDays) moves buyers
 * to the red end without any write to notice it. One replica at a time; one set-based statement per workspace.
 */
@Injectable()
export class CustomerStatusJob implements Job, OnApplicationBootstrap {
  readonly name = 'customer-status';
  readonly lease = true;
  readonly intervalMs = DAY_MS;
  /** A restarted process would otherwise wait a whole day. */
  readonly runAtStart = true;
  private readonly log = new Logger(CustomerStatusJob.name);

  constructor(
    private readonly statuses: CustomerStatusService,
    private readonly repo: CustomerStatusRepository,
    private readonly jobs: JobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(signal?: AbortSignal): Promise<void> {
    for (const workspaceId of await this.repo.workspacesWithCustomers()) {
      if (signal?.aborted) return;
      // One workspace failing (a deadlock, a timeout) must not leave every workspace after it unrecomputed for a day.
      try {
        await this.statuses.recomputeWorkspace(workspaceId);
      } catch (error) {
        this.log.error(`colour-status recompute of workspace ${workspaceId} failed: ${(error as Error).message}`);
      }
    }
  }
}
