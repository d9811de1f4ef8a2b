import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type FeedStatus = 'ok' | 'not_modified' | 'error';

export interface FeedRow {
  workspaceId: string;
  id: string;
  url: string;
  name: string;
  source: string;
  enabled: boolean;
  pollIntervalMinutes: number;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: Date | null;
  nextPollAt: Date;
  lastStatus: FeedStatus | null;
  lastError: string | null;
  consecutiveFailures: number;
  itemsIngested: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A feed claimed for one poll; `leaseToken` proves the claim when the outcome is recorded. */
export interface ClaimedFeed extends FeedRow {
  leaseToken: string;
}

/** What one poll did to a feed's state. */
export type PollRecord =
  | { status: 'ok'; etag: string | null; lastModified: string | null; created: number; nextInMinutes: number }
  | { status: 'not_modified'; nextInMinutes: number }
  | { status: 'error'; error: string; nextInMinutes: number };

const COLUMNS = `workspace_id AS "workspaceId", id, url, name, source, enabled, poll_interval_minutes AS "pollIntervalMinutes",
  etag, last_modified AS "lastModified", last_polled_at AS "lastPolledAt", next_poll_at AS "nextPollAt",
  last_status AS "lastStatus", last_error AS "lastError", consecutive_failures AS "consecutiveFailures",
  items_ingested AS "itemsIngested", created_at AS "createdAt", updated_at AS "updatedAt"`;

const FIELDS: Record<string, string> = { url: 'url', name: 'name', source: 'source', enabled: 'enabled', pollIntervalMinutes: 'poll_interval_minutes' };

/** SQL for mention_feeds: management, and the claim/record cycle of the background poller. */
@Injectable()
export class MentionFeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(workspaceId: string): Promise<FeedRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM mention_feeds WHERE workspace_id = $1 ORDER BY created_at, id`, [workspaceId]);
  }

  async find(workspaceId: string, id: string): Promise<FeedRow | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM mention_feeds WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    return (rows[0] as FeedRow | undefined) ?? null;
  }

  async count(workspaceId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM mention_feeds WHERE workspace_id = $1`, [workspaceId]);
    return row.n;
  }

  async urlTaken(workspaceId: string, url: string, exceptId: string | null): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM mention_feeds WHERE workspace_id = $1 AND url = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [workspaceId, url, exceptId],
    );
    return rows.length > 0;
  }

  /** Null when (workspace, url) already exists (a concurrent create). */
  async create(row: Pick<FeedRow, 'workspaceId' | 'url' | 'name' | 'source' | 'enabled' | 'pollIntervalMinutes'>): Promise<FeedRow | null> {
    const rows = await this.dataSource.query(
      `INSERT INTO mention_feeds (workspace_id, url, name, source, enabled, poll_interval_minutes)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workspace_id, url) DO NOTHING RETURNING ${COLUMNS}`,
      [row.workspaceId, row.url, row.name, row.source, row.enabled, row.pollIntervalMinutes],
    );
    return (rows[0] as FeedRow | undefined) ?? null;
  }

  /**
   * Applies the changes. A new URL forgets the old validators and failures; a new URL or switching a
   * feed on makes it due at once, so the change shows without waiting out a long backoff.
   */
  async update(workspaceId: string, id: string, changes: Partial<Pick<FeedRow, 'url' | 'name' | 'source' | 'enabled' | 'pollIntervalMinutes'>>): Promise<void> {
    const entries = Object.entries(changes).filter(([key, value]) => value !== undefined && FIELDS[key]);
    const sets = entries.map(([key], i) => `${FIELDS[key]} = $${i + 3}`);
    const params: unknown[] = [workspaceId, id, ...entries.map(([, value]) => value)];
    // SET expressions read the row as it was before this UPDATE, so these compare with the old url/enabled.
    const dueNow: string[] = [];
    if (changes.url !== undefined) {
      params.push(changes.url);
      const p = `$${params.length}`;
      sets.push(
        `etag = CASE WHEN url = ${p}::varchar THEN etag END`, `last_modified = CASE WHEN url = ${p}::varchar THEN last_modified END`,
        `consecutive_failures = CASE WHEN url = ${p}::varchar THEN consecutive_failures ELSE 0 END`,
      );
      dueNow.push(`url <> ${p}::varchar`);
    }
    if (changes.enabled === true) dueNow.push('NOT enabled');
    if (dueNow.length > 0) sets.push(`next_poll_at = CASE WHEN ${dueNow.join(' OR ')} THEN now() ELSE next_poll_at END`);
    if (sets.length === 0) return;
    await this.dataSource.query(`UPDATE mention_feeds SET ${sets.join(', ')}, updated_at = now() WHERE workspace_id = $1 AND id = $2`, params);
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(`DELETE FROM mention_feeds WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    return affected > 0;
  }

  /**
   * Claims up to `limit` due enabled feeds with a lease, in one statement: concurrent pollers (other
   * replicas) skip rows another has locked, and a poller that dies mid-fetch only delays the feed until
   * its lease runs out.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedFeed[]> {
    const [rows] = await this.dataSource.query(
      `WITH due AS (
         SELECT workspace_id AS due_workspace_id, id AS due_id FROM mention_feeds
          WHERE enabled AND next_poll_at <= now() AND (lease_until IS NULL OR lease_until < now())
          ORDER BY next_poll_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED
       )
       UPDATE mention_feeds f SET lease_until = clock_timestamp() + make_interval(secs => $2::double precision / 1000)
         FROM due WHERE f.workspace_id = due.due_workspace_id AND f.id = due.due_id
       RETURNING ${COLUMNS}, lease_until::text AS "leaseToken"`,
      [limit, leaseMs],
    );
    return rows;
  }

  /** Claims one feed for "poll now", due or not; null when another poll holds it. */
  async claimOne(workspaceId: string, id: string, leaseMs: number): Promise<ClaimedFeed | null> {
    const [rows] = await this.dataSource.query(
      `UPDATE mention_feeds SET lease_until = clock_timestamp() + make_interval(secs => $3::double precision / 1000)
        WHERE workspace_id = $1 AND id = $2 AND (lease_until IS NULL OR lease_until < now())
       RETURNING ${COLUMNS}, lease_until::text AS "leaseToken"`,
      [workspaceId, id, leaseMs],
    );
    return (rows[0] as ClaimedFeed | undefined) ?? null;
  }

  /**
   * Records a poll's outcome and releases the lease. Only the claim that polled may record (a poll that
   * outlived its lease is ignored: the feed was handed to another poller). False when it was not recorded.
   */
  async record(feed: ClaimedFeed, outcome: PollRecord): Promise<boolean> {
    const ok = outcome.status === 'ok';
    const [, affected] = await this.dataSource.query(
      `UPDATE mention_feeds
          SET last_status = $4::varchar, last_error = $5::varchar, last_polled_at = now(), lease_until = NULL, updated_at = now(),
              consecutive_failures = CASE WHEN $4::varchar = 'error' THEN consecutive_failures + 1 ELSE 0 END,
              next_poll_at = now() + make_interval(mins => $6::int),
              etag = CASE WHEN $7::boolean THEN $8::varchar ELSE etag END,
              last_modified = CASE WHEN $7::boolean THEN $9::varchar ELSE last_modified END,
              items_ingested = items_ingested + $10::int
        WHERE workspace_id = $1 AND id = $2 AND lease_until = $3::timestamptz`,
      [
        feed.workspaceId, feed.id, feed.leaseToken, outcome.status, outcome.status === 'error' ? outcome.error.slice(0, 500) : null,
        outcome.nextInMinutes, ok, ok ? outcome.etag : null, ok ? outcome.lastModified : null, ok ? outcome.created : 0,
      ],
    );
    return affected > 0;
  }
}
