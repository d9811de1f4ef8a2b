import { Module } from '@nestjs/common';
import { AdvisoryLease } from './advisory-lease';
import { AfterCommitHooks } from './after-commit';
import { JobLease } from './job-lease';
import { JobRunner } from './job-runner';

/**
 * The one job runner, shared by every module that has background work (each job in a `<name>.job.ts`). Not global on
 * purpose: Nest shuts non-global modules down before the global TypeORM module closes the pool the turns use.
 */
@Module({
  providers: [JobRunner, { provide: JobLease, useClass: AdvisoryLease }, AfterCommitHooks],
  exports: [JobRunner],
})
export class JobsModule {}
