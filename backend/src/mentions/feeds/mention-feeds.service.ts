import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { conflict, notFound } from '../../common/http/api-error';
import { JobRunner } from '../../common/jobs/job-runner';
import { validationError } from '../../common/http/validation.pipe';
import { publicUrlProblem } from '../../common/net/public-url';
import { AddressGuard } from '../../webhooks/address-guard';
import { FeedPollService } from './feed-poll.service';
import { FEED_POLL_JOB } from './feed-poll.job';
import { type FeedRow, MentionFeedsRepository } from './mention-feeds.repository';
import type { CreateMentionFeedDto, FeedPollResultDto, MentionFeedDto, UpdateMentionFeedDto } from './mention-feeds.dto';

const MAX_FEEDS_PER_WORKSPACE = 50;
const DEFAULT_INTERVAL_MINUTES = 15;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Managing a workspace's feeds and polling one on request; scheduled polling is FeedPollJob's. */
@Injectable()
export class MentionFeedsService {
  private readonly guard: AddressGuard;

  constructor(
    private readonly feeds: MentionFeedsRepository,
    private readonly polls: FeedPollService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.guard = new AddressGuard(config.webhookAllowedNetworks);
  }

  async list(workspaceId: string): Promise<MentionFeedDto[]> {
    return (await this.feeds.list(workspaceId)).map(toDto);
  }

  async get(workspaceId: string, id: string): Promise<MentionFeedDto> {
    return toDto(await this.feed(workspaceId, id));
  }

  async create(workspaceId: string, input: CreateMentionFeedDto): Promise<MentionFeedDto> {
    await this.assertUrl(workspaceId, input.url, null);
    if ((await this.feeds.count(workspaceId)) >= MAX_FEEDS_PER_WORKSPACE) {
      throw conflict('limit_reached', `A workspace can have at most ${MAX_FEEDS_PER_WORKSPACE} feeds; delete one first.`);
    }
    const row = await this.feeds.create({
      workspaceId,
      url: input.url,
      name: input.name,
      source: input.source ?? 'rss',
      enabled: input.enabled ?? true,
      pollIntervalMinutes: input.pollIntervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
    });
    if (!row) throw duplicateUrl();
    if (row.enabled) this.jobs.wake(FEED_POLL_JOB);
    return toDto(row);
  }

  async update(workspaceId: string, id: string, input: UpdateMentionFeedDto): Promise<MentionFeedDto> {
    await this.feed(workspaceId, id);
    if (input.url !== undefined) await this.assertUrl(workspaceId, input.url, id);
    try {
      await this.feeds.update(workspaceId, id, input);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw duplicateUrl();
      throw error;
    }
    if (input.enabled || input.url !== undefined) this.jobs.wake(FEED_POLL_JOB);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.feeds.remove(workspaceId, id))) throw notFound('Feed');
  }

  /** Polls one feed now, enabled or not, and answers with what happened. */
  async pollNow(workspaceId: string, id: string): Promise<FeedPollResultDto> {
    await this.feed(workspaceId, id);
    const claimed = await this.feeds.claimOne(workspaceId, id, this.polls.leaseMs);
    if (!claimed) throw conflict('poll_in_progress', 'This feed is being polled right now; try again in a moment.');
    const outcome = await this.polls.poll(claimed);
    return {
      status: outcome.status,
      created: outcome.created,
      existing: outcome.existing,
      invalid: outcome.invalid,
      error: outcome.error,
      feed: await this.get(workspaceId, id),
    };
  }

  private async feed(workspaceId: string, id: string): Promise<FeedRow> {
    const row = await this.feeds.find(workspaceId, id);
    if (!row) throw notFound('Feed');
    return row;
  }

  private async assertUrl(workspaceId: string, url: string, exceptId: string | null): Promise<void> {
    const problem = await publicUrlProblem(url, this.guard, {
      example: 'https://example.com/reviews.rss',
      credentialsHint: 'use a feed URL that needs no sign-in',
      caller: 'feeds',
    });
    if (problem) throw validationError([{ field: 'url', message: problem }]);
    if (await this.feeds.urlTaken(workspaceId, url, exceptId)) throw duplicateUrl();
  }
}

const duplicateUrl = () => conflict('duplicate_url', 'This workspace already has a feed with this URL.');

function toDto(row: FeedRow): MentionFeedDto {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    source: row.source,
    enabled: row.enabled,
    pollIntervalMinutes: row.pollIntervalMinutes,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    consecutiveFailures: row.consecutiveFailures,
    itemsIngested: row.itemsIngested,
    lastPolledAt: iso(row.lastPolledAt),
    nextPollAt: row.nextPollAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
