import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CaseSyncService } from './case-sync.service';

/** Opens cases from new feedback every OTKLIK_CASE_SYNC_MS, one replica at a time (the SLA check is CaseBreachJob). */
@Injectable()
export class CaseSyncJob implements Job, OnApplicationBootstrap {
  readonly name = 'case-sync';
  readonly lease = true;
  readonly intervalMs: number;

  constructor(
    private readonly cases: CaseSyncService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intervalMs = config.caseSyncMs;
  }

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  turn(): Promise<void> {
    return this.cases.syncAll();
  }
}
