import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ComplaintsJobsService } from './complaints-jobs.service';

/**
 * Copies, places and checks new feedback texts every OTKLIK_CLUSTER_SYNC_MS, one replica at a time, and starts the
 * rebuilds they call for (CPU work in a worker thread; shutdown awaits the turn, a rebuild runs on its own lease).
 */
@Injectable()
export class ClusterSyncJob implements Job, OnApplicationBootstrap {
  readonly name = 'cluster-sync';
  readonly lease = true;
  readonly intervalMs: number;

  constructor(
    private readonly complaints: ComplaintsJobsService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intervalMs = config.clusterSyncMs;
  }

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  turn(): Promise<void> {
    return this.complaints.syncAll();
  }
}
