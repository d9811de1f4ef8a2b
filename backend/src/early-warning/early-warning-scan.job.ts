import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { EarlyWarningService } from './early-warning.service';

/** The job's name: whatever stores new activity may `wake` it so warnings follow within moments. */
export const EARLY_WARNING_SCAN_JOB = 'early-warning-scan';
const DAY = 86_400_000;
/** Overlap between turns, so activity stored while a turn ran is not missed by the next. */
const OVERLAP_MS = 60_000;

/**
 * Scans every workspace with activity once a day (RFM groups are recomputed daily too), and between those every few
 * minutes only the workspaces with activity since the last turn. One replica at a time (lease).
 */
@Injectable()
export class EarlyWarningScanJob implements Job, OnApplicationBootstrap {
  readonly name = EARLY_WARNING_SCAN_JOB;
  readonly lease = true;
  readonly intervalMs = 5 * 60_000;
  private lastFull = 0;
  private lastTurn = 0;

  constructor(
    private readonly warnings: EarlyWarningService,
    private readonly jobs: JobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(): Promise<void> {
    const started = Date.now();
    const full = started - this.lastFull >= DAY;
    const workspaces = await this.warnings.workspacesToScan(full ? null : new Date(this.lastTurn - OVERLAP_MS));
    await this.warnings.scanEach(workspaces);
    if (full) this.lastFull = started;
    this.lastTurn = started;
  }
}
