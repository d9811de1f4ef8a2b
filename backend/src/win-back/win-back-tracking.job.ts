import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WinBackTrackingService } from './win-back-tracking.service';

/** Every few minutes (one replica at a time): who answered and who came back after a win-back notice. */
@Injectable()
export class WinBackTrackingJob implements Job, OnApplicationBootstrap {
  readonly name = 'win-back-tracking';
  readonly lease = true;
  readonly intervalMs: number;
  private readonly logger = new Logger('WinBackTrackingJob');

  constructor(
    private readonly tracking: WinBackTrackingService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intervalMs = config.caseSyncMs;
  }

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(): Promise<void> {
    for (const workspaceId of await this.tracking.workspacesToTrack()) {
      try {
        await this.tracking.track(workspaceId);
      } catch (error) {
        this.logger.error(`tracking failed for workspace ${workspaceId}: ${(error as Error).message}`);
      }
    }
  }
}
