import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { WorkspacesReader } from '../workspaces/workspaces.reader';
import { ContactGuardService } from './contact-guard.service';

export const CONTACT_GUARD_JOB = 'contact-guard';

/**
 * Keeps customer_guards in step with the cases and cancellations, and announces customer.guard_started /
 * customer.guard_ended once per transition. One replica at a time (lease); a few set-based statements per workspace.
 */
@Injectable()
export class ContactGuardJob implements Job, OnApplicationBootstrap {
  readonly name = CONTACT_GUARD_JOB;
  readonly lease = true;
  /** Guards end by the clock too (N days after a cancellation): a few minutes late is fine. */
  readonly intervalMs = 5 * 60_000;
  readonly runAtStart = true;
  private readonly log = new Logger(ContactGuardJob.name);

  constructor(
    private readonly guards: ContactGuardService,
    private readonly workspaces: WorkspacesReader,
    private readonly jobs: JobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(signal?: AbortSignal): Promise<void> {
    for (const workspaceId of await this.workspaces.allIds()) {
      if (signal?.aborted) return;
      // One workspace failing must not leave every workspace after it out of step until the next turn.
      try {
        await this.guards.syncWorkspace(workspaceId);
      } catch (error) {
        this.log.error(`contact-guard sync of workspace ${workspaceId} failed: ${(error as Error).message}`);
      }
    }
  }
}
