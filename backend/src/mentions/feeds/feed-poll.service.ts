import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AddressGuard } from '../../webhooks/address-guard';
import { MentionIngestService } from '../mention-ingest.service';
import { fetchFeed } from './feed-fetch';
import { feedMentions } from '../text-work';
import { FeedParseError } from './feed-parser';
import { nextPollMinutes } from './feed-schedule';
import { type ClaimedFeed, type FeedStatus, MentionFeedsRepository, type PollRecord } from './mention-feeds.repository';

/** What one poll of one feed did. */
export interface PollOutcome {
  status: FeedStatus;
  created: number;
  existing: number;
  invalid: number;
  error: string | null;
  /** False when the poll outlived its lease and another poller owns the feed now. */
  recorded: boolean;
}

/**
 * One poll of one claimed feed: conditional GET, parse, ingest through the common mention path,
 * then record status, validators and the next poll time (backoff after failures). Never throws.
 */
@Injectable()
export class FeedPollService {
  private readonly logger = new Logger('MentionFeeds');
  private readonly guard: AddressGuard;

  constructor(
    private readonly feeds: MentionFeedsRepository,
    private readonly ingest: MentionIngestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Feeds are user-typed URLs like webhook receivers: the same operator allow-list applies.
    this.guard = new AddressGuard(config.webhookAllowedNetworks);
  }

  /** Long enough for the fetch and the ingest; a crashed poller's feed is free again after it. */
  get leaseMs(): number {
    return this.config.feedTimeoutMs + 60_000;
  }

  async poll(feed: ClaimedFeed): Promise<PollOutcome> {
    const outcome: Omit<PollOutcome, 'recorded'> = { status: 'error', created: 0, existing: 0, invalid: 0, error: null };
    let record: PollRecord;
    try {
      record = await this.fetchAndIngest(feed, outcome);
    } catch (error) {
      // A database error while storing: the feed is retried with backoff like any failure.
      outcome.error = `could not store the items: ${(error as Error).message}`.slice(0, 500);
      record = {
        status: 'error',
        error: outcome.error,
        nextInMinutes: nextPollMinutes(feed.pollIntervalMinutes, feed.consecutiveFailures + 1),
      };
    }
    outcome.status = record.status;
    if (record.status === 'error') {
      outcome.error = record.error;
      this.logger.warn(`feed ${feed.id} (${feed.url}) failed ${feed.consecutiveFailures + 1} time(s) in a row: ${record.error}`);
    }
    let recorded = false;
    try {
      recorded = await this.feeds.record(feed, record);
    } catch (error) {
      // The lease runs out and the feed is polled again; ingest is idempotent, so nothing doubles.
      this.logger.warn(`could not record the poll of feed ${feed.id}: ${(error as Error).message}`);
    }
    return { ...outcome, recorded };
  }

  private async fetchAndIngest(feed: ClaimedFeed, outcome: Omit<PollOutcome, 'recorded'>): Promise<PollRecord> {
    const failed = (error: string): PollRecord => ({
      status: 'error',
      error,
      nextInMinutes: nextPollMinutes(feed.pollIntervalMinutes, feed.consecutiveFailures + 1),
    });
    const fetched = await fetchFeed(feed.url, feed, { guard: this.guard, timeoutMs: this.config.feedTimeoutMs });
    if (fetched.kind === 'failed') return failed(fetched.error);
    if (fetched.kind === 'not_modified') return { status: 'not_modified', nextInMinutes: feed.pollIntervalMinutes };
    let mentions;
    try {
      // Parsed in a worker thread when large: XML parsing and HTML-to-text of megabytes is CPU-bound.
      mentions = await feedMentions(fetched.xml, feed.source, fetched.finalUrl);
    } catch (error) {
      if (error instanceof FeedParseError) return failed(error.message);
      throw error;
    }
    if (mentions.length > 0) {
      const result = await this.ingest.ingest(feed.workspaceId, mentions, 'feed', feed.id);
      Object.assign(outcome, { created: result.created, existing: result.existing, invalid: result.invalid });
    }
    return {
      status: 'ok',
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      created: outcome.created,
      nextInMinutes: feed.pollIntervalMinutes,
    };
  }
}
