import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { FeedPollService } from './feed-poll.service';
import { MentionFeedsRepository } from './mention-feeds.repository';

/** Feeds fetched at once by one process; a hanging feed holds one slot until its timeout. */
const CONCURRENCY = 4;

/**
 * The durable background job that polls due feeds. The schedule lives in mention_feeds itself
 * (next_poll_at, lease_until), so any number of replicas can run this, and a restart loses nothing:
 * a feed claimed by a process that died is polled again when its lease runs out.
 */
@Injectable()
export class FeedPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MentionFeeds');
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private current: Promise<void> | null = null;

  constructor(
    private readonly feeds: MentionFeedsRepository,
    private readonly polls: FeedPollService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.backgroundJobs) return;
    this.running = true;
    this.wake(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Let polls in progress finish (bounded by the fetch timeout); unfinished ones are redone after their lease.
    await this.current;
  }

  /** Look for due feeds soon (a feed was added or switched on), instead of at the next poll. */
  wake(delayMs = 0): void {
    if (!this.running || this.current) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delayMs);
  }

  private tick(): void {
    this.timer = null;
    if (!this.running) return;
    this.current = this.round().finally(() => {
      this.current = null;
      if (this.running) this.timer = setTimeout(() => this.tick(), this.config.feedPollMs);
    });
  }

  /** Polls due feeds CONCURRENCY at a time until none is due. */
  private async round(): Promise<void> {
    try {
      while (this.running) {
        const claimed = await this.feeds.claimDue(CONCURRENCY, this.polls.leaseMs);
        if (claimed.length === 0) return;
        await Promise.all(claimed.map((feed) => this.polls.poll(feed)));
      }
    } catch (error) {
      // Database away (restart, failover): keep polling; the next tick retries.
      this.logger.warn(`could not claim feeds: ${(error as Error).message}`);
    }
  }
}
