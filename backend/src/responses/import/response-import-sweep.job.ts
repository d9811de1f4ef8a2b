import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../../common/jobs/job';
import { JobRunner } from '../../common/jobs/job-runner';
import { ResponseImportRunner } from './response-import.runner';
import { ResponseImportsService } from './response-imports.service';

/**
 * Resumes started history imports that no live process holds (their process died), at start-up and every ten seconds,
 * and drops uploads never started (their stored bytes). No job lease: each import's own lease row decides who runs it,
 * so replicas share the work. Like every job it runs only where background jobs are on (OTKLIK_BACKGROUND_JOBS), so an
 * operator can keep the parsing off request-serving replicas; an import a process starts itself still runs there.
 */
@Injectable()
export class ResponseImportSweepJob implements Job, OnApplicationBootstrap {
  readonly name = 'response-import-sweep';
  readonly intervalMs = 10_000;
  readonly runAtStart = true;

  constructor(
    private readonly imports: ResponseImportRunner,
    private readonly uploads: ResponseImportsService,
    private readonly jobs: JobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(): Promise<void> {
    await this.uploads.expireStaleUploads();
    await this.imports.sweep();
  }
}
