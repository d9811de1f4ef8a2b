import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../../common/jobs/job';
import { JobRunner } from '../../common/jobs/job-runner';
import { ResponseImportRunner } from './response-import.runner';

/**
 * Resumes started history imports that no live process holds (their process died), at start-up and every ten seconds.
 * No job lease: each import's own lease row decides who runs it, so replicas share the work. Runs even where background
 * jobs are off, like the imports this process starts itself (ResponseImportRunner.kick).
 */
@Injectable()
export class ResponseImportSweepJob implements Job, OnApplicationBootstrap {
  readonly name = 'response-import-sweep';
  readonly intervalMs = 10_000;
  readonly runAtStart = true;
  readonly always = true;

  constructor(
    private readonly imports: ResponseImportRunner,
    private readonly jobs: JobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(): Promise<void> {
    await this.imports.sweep();
  }
}
