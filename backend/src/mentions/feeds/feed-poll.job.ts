import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../../common/jobs/job';
import { JobRunner } from '../../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { FeedPollService } from './feed-poll.service';
import { MentionFeedsRepository } from './mention-feeds.repository';

export const FEED_POLL_JOB = 'feed-poll';

/** Feeds fetched at once by one process; a hanging feed holds one slot until its timeout. */
const CONCURRENCY = 4;

/**
 * Polls due feeds every OTKLIK_FEED_POLL_MS, and at once when woken (a feed was added or switched on). The schedule
 * lives in mention_feeds itself (next_poll_at, lease_until), so every replica runs this without a job lease and a
 * restart loses nothing: a feed claimed by a process that died is polled again when its lease runs out.
 */
@Injectable()
export class FeedPollJob implements Job, OnApplicationBootstrap {
  readonly name = FEED_POLL_JOB;
  readonly runAtStart = true;
  readonly intervalMs: number;

  constructor(
    private readonly feeds: MentionFeedsRepository,
    private readonly polls: FeedPollService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intervalMs = config.feedPollMs;
  }

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  /** Polls due feeds CONCURRENCY at a time until none is due; at shutdown the polls in hand finish (fetch timeout). */
  async turn(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const claimed = await this.feeds.claimDue(CONCURRENCY, this.polls.leaseMs);
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((feed) => this.polls.poll(feed)));
    }
  }
}
