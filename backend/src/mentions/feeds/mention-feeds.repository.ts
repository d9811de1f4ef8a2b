import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type FeedStatus, MentionFeedEntity } from './mention-feed.entity';

export type { FeedStatus };

/** A feed as the service sees it (the lease is the repository's business). */
export type FeedRow = Omit<MentionFeedEntity, 'leaseUntil'>;

/** A feed claimed for one poll; `leaseToken` proves the claim when the outcome is recorded. */
export interface ClaimedFeed extends FeedRow {
  /** The lease's end as Postgres prints it: exact to the microsecond, which a JS Date is not. */
  leaseToken: string;
}

/** What one poll did to a feed's state. */
export type PollRecord =
  | { status: 'ok'; etag: string | null; lastModified: string | null; created: number; nextInMinutes: number }
  | { status: 'not_modified'; nextInMinutes: number }
  | { status: 'error'; error: string; nextInMinutes: number };

type EditableField = 'url' | 'name' | 'source' | 'enabled' | 'pollIntervalMinutes';
const EDITABLE: readonly EditableField[] = ['url', 'name', 'source', 'enabled', 'pollIntervalMinutes'];

/** The claim statements return every FeedRow column plus the lease token. */
const CLAIMED_COLUMNS = `workspace_id AS "workspaceId", id, url, name, source, enabled, poll_interval_minutes AS "pollIntervalMinutes",
  etag, last_modified AS "lastModified", last_polled_at AS "lastPolledAt", next_poll_at AS "nextPollAt",
  last_status AS "lastStatus", last_error AS "lastError", consecutive_failures AS "consecutiveFailures",
  items_ingested AS "itemsIngested", created_at AS "createdAt", updated_at AS "updatedAt", lease_until::text AS "leaseToken"`;

/** mention_feeds: management, and the claim/record cycle of the background poller. */
@Injectable()
export class MentionFeedsRepository {
  constructor(@InjectRepository(MentionFeedEntity) private readonly feeds: Repository<MentionFeedEntity>) {}

  list(workspaceId: string): Promise<FeedRow[]> {
    return this.feeds.find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  find(workspaceId: string, id: string): Promise<FeedRow | null> {
    return this.feeds.findOneBy({ workspaceId, id });
  }

  count(workspaceId: string): Promise<number> {
    return this.feeds.countBy({ workspaceId });
  }

  urlTaken(workspaceId: string, url: string, exceptId: string | null): Promise<boolean> {
    return this.feeds.existsBy({ workspaceId, url, ...(exceptId === null ? {} : { id: Not(exceptId) }) });
  }

  /** Null when (workspace, url) already exists (a concurrent create). */
  async create(row: Pick<FeedRow, 'workspaceId' | EditableField>): Promise<FeedRow | null> {
    const result = await this.feeds.createQueryBuilder().insert().values(row).orIgnore().execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? this.find(row.workspaceId, id) : null;
  }

  /**
   * Applies the changes. A new URL forgets the old validators and failures; a new URL or switching a
   * feed on makes it due at once, so the change shows without waiting out a long backoff.
   */
  async update(workspaceId: string, id: string, changes: Partial<Pick<FeedRow, EditableField>>): Promise<void> {
    const set: QueryDeepPartialEntity<MentionFeedEntity> = {};
    for (const field of EDITABLE) if (changes[field] !== undefined) Object.assign(set, { [field]: changes[field] });
    // SET expressions read the row as it was before this UPDATE, so these compare with the old url/enabled.
    const dueNow: string[] = [];
    if (changes.url !== undefined) {
      set.etag = () => 'CASE WHEN url = CAST(:newUrl AS varchar) THEN etag END';
      set.lastModified = () => 'CASE WHEN url = CAST(:newUrl AS varchar) THEN last_modified END';
      set.consecutiveFailures = () => 'CASE WHEN url = CAST(:newUrl AS varchar) THEN consecutive_failures ELSE 0 END';
      dueNow.push('url <> CAST(:newUrl AS varchar)');
    }
    if (changes.enabled === true) dueNow.push('NOT enabled');
    if (dueNow.length > 0) set.nextPollAt = () => `CASE WHEN ${dueNow.join(' OR ')} THEN now() ELSE next_poll_at END`;
    if (Object.keys(set).length === 0) return;
    await this.feeds
      .createQueryBuilder()
      .update()
      .set(set) // updated_at = now() comes with the entity's update-date column
      .where('workspace_id = :workspaceId AND id = :id', { workspaceId, id, newUrl: changes.url })
      .execute();
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    return ((await this.feeds.delete({ workspaceId, id })).affected ?? 0) > 0;
  }

  /**
   * Claims up to `limit` due enabled feeds with a lease, in one statement: concurrent pollers (other
   * replicas) skip rows another has locked, and a poller that dies mid-fetch only delays the feed until
   * its lease runs out. (SQL: an UPDATE over a FOR UPDATE SKIP LOCKED pick, returning the lease as text.)
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedFeed[]> {
    const [rows]: [ClaimedFeed[], number] = await this.feeds.query(
      `WITH due AS (
         SELECT workspace_id AS due_workspace_id, id AS due_id FROM mention_feeds
          WHERE enabled AND next_poll_at <= now() AND (lease_until IS NULL OR lease_until < now())
          ORDER BY next_poll_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED
       )
       UPDATE mention_feeds f SET lease_until = clock_timestamp() + make_interval(secs => $2::double precision / 1000)
         FROM due WHERE f.workspace_id = due.due_workspace_id AND f.id = due.due_id
       RETURNING ${CLAIMED_COLUMNS}`,
      [limit, leaseMs],
    );
    return rows;
  }

  /** Claims one feed for "poll now", due or not; null when another poll holds it. (SQL: returns the lease as text.) */
  async claimOne(workspaceId: string, id: string, leaseMs: number): Promise<ClaimedFeed | null> {
    const [rows]: [ClaimedFeed[], number] = await this.feeds.query(
      `UPDATE mention_feeds SET lease_until = clock_timestamp() + make_interval(secs => $3::double precision / 1000)
        WHERE workspace_id = $1 AND id = $2 AND (lease_until IS NULL OR lease_until < now())
       RETURNING ${CLAIMED_COLUMNS}`,
      [workspaceId, id, leaseMs],
    );
    return rows[0] ?? null;
  }

  /**
   * Records a poll's outcome and releases the lease. Only the claim that polled may record (a poll that
   * outlived its lease is ignored: the feed was handed to another poller). False when it was not recorded.
   */
  async record(feed: ClaimedFeed, outcome: PollRecord): Promise<boolean> {
    const set: QueryDeepPartialEntity<MentionFeedEntity> = {
      lastStatus: outcome.status,
      lastError: outcome.status === 'error' ? outcome.error.slice(0, 500) : null,
      lastPolledAt: () => 'now()',
      leaseUntil: null,
      consecutiveFailures: outcome.status === 'error' ? () => 'consecutive_failures + 1' : 0,
      nextPollAt: () => 'now() + make_interval(mins => CAST(:nextInMinutes AS int))',
    };
    if (outcome.status === 'ok') {
      set.etag = outcome.etag;
      set.lastModified = outcome.lastModified;
      set.itemsIngested = () => 'items_ingested + CAST(:created AS int)';
    }
    const result = await this.feeds
      .createQueryBuilder()
      .update()
      .set(set) // updated_at = now() comes with the entity's update-date column
      .where('workspace_id = :workspaceId AND id = :id AND lease_until = CAST(:leaseToken AS timestamptz)', {
        workspaceId: feed.workspaceId,
        id: feed.id,
        leaseToken: feed.leaseToken,
        nextInMinutes: outcome.nextInMinutes,
        created: outcome.status === 'ok' ? outcome.created : 0,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
