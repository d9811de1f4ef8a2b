import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../../common/jobs/job';
import { JobRunner } from '../../common/jobs/job-runner';
import { RfmService } from './rfm.service';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Activity committed a little after it was stamped (received_at is its transaction's start) is still seen. */
const COMMIT_MARGIN_MS = 2 * MINUTE;
/** How often the (heavier) "not scored for a day" check runs. */
const STALE_CHECK_MS = 60 * MINUTE;

/**
 * Keeps RFM fresh without scoring on every request: every minute it re-scores the workspaces that received activity
 * since its last turn (they are "due": new events have arrived since they were scored), and once an hour those not
 * scored for a day (recency moves with the calendar). One replica at a time; a process that starts looks back a day.
 */
@Injectable()
export class RfmScoringJob implements Job, OnApplicationBootstrap {
  readonly name = 'rfm-scoring';
  readonly lease = true;
  readonly intervalMs = MINUTE;
  private lastTurnAt: number | null = null;
  private lastStaleCheckAt = 0;

  constructor(
    private readonly rfm: RfmService,
    private readonly jobs: JobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(): Promise<void> {
    const started = Date.now();
    const since = new Date((this.lastTurnAt ?? started - DAY) - COMMIT_MARGIN_MS);
    const stale = started - this.lastStaleCheckAt >= STALE_CHECK_MS ? new Date(started - DAY) : null;
    await this.rfm.scoreDue(since, stale);
    this.lastTurnAt = started;
    if (stale) this.lastStaleCheckAt = started;
  }
}
