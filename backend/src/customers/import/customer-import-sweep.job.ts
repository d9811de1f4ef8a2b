import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../../common/jobs/job';
import { JobRunner } from '../../common/jobs/job-runner';
import { CustomerImportRunner } from './customer-import.runner';

/**
 * Resumes started imports that no live process holds (their process died), at start-up and every ten seconds. No job
 * lease: each import's own lease row decides who runs it, so replicas share the work. Runs even where background jobs
 * are off, like the imports this process starts itself (CustomerImportRunner.kick).
 */
@Injectable()
export class CustomerImportSweepJob implements Job, OnApplicationBootstrap {
  readonly name = 'customer-import-sweep';
  readonly intervalMs = 10_000;
  readonly runAtStart = true;
  readonly always = true;

  constructor(
    private readonly imports: CustomerImportRunner,
    private readonly jobs: JobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(): Promise<void> {
    await this.imports.sweep();
  }
}
