import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SleepingNotifier } from './sleeping-notifier';

/** Announces sleeping customers every OTKLIK_SLEEPING_SCAN_MS, one replica at a time. */
@Injectable()
export class SleepingScanJob implements Job, OnApplicationBootstrap {
  readonly name = 'sleeping-scan';
  readonly lease = true;
  readonly intervalMs: number;

  constructor(
    private readonly notifier: SleepingNotifier,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intervalMs = config.sleepingScanMs;
  }

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  turn(): Promise<void> {
    return this.notifier.scanAll();
  }
}
