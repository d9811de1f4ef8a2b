import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../jobs/job';
import { JobRunner } from '../jobs/job-runner';
import { RateLimitsRepository } from './rate-limits.repository';

/** Spent windows are kept a little, so a counter read right at its end is not deleted under the reader. */
const KEEP_MS = 60_000;

/** Deletes spent rate-limit windows every five minutes, one replica at a time (lease). */
@Injectable()
export class RateLimitSweepJob implements Job, OnApplicationBootstrap {
  readonly name = 'rate-limit-sweep';
  readonly lease = true;
  readonly intervalMs = 5 * 60_000;

  constructor(
    private readonly limits: RateLimitsRepository,
    private readonly jobs: JobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(): Promise<void> {
    await this.limits.deleteExpired(Date.now() - KEEP_MS);
  }
}
