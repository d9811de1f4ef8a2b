import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface MentionRow {
  id: string;
  source: string;
  externalId: string;
  url: string | null;
  author: string | null;
  text: string;
  language: string;
  sentiment: number;
  sentimentScore: number;
  postedAt: Date;
  reach: number | null;
  parentId: string | null;
  duplicateOf: string | null;
  duplicateKind: string | null;
  duplicateCount: number;
  replyCount: number;
  assignedToId: string | null;
  assignedToName: string | null;
  answeredAt: Date | null;
  answeredById: string | null;
  answeredByName: string | null;
  customerId: string | null;
  channel: string;
  createdAt: Date;
}

export interface MentionFilter {
  workspaceId: string;
  sources?: string[];
  sentiments?: number[];
  languages?: string[];
  from?: Date;
  to?: Date;
  /** A user id, 'none' (unassigned) or undefined (anyone). */
  assigned?: string;
  answered?: boolean;
  includeDuplicates: boolean;
  text?: string;
  newerThan?: Date;
}

export interface BucketRow {
  start: Date;
  negative: number;
  neutral: number;
  positive: number;
}

export interface SourceRow {
  source: string;
  negative: number;
  neutral: number;
  positive: number;
  reach: number;
}

const SELECT = `SELECT m.id, m.source, m.external_id AS "externalId", m.url, m.author, m.text, m.language, m.sentiment,
         m.sentiment_score AS "sentimentScore", m.posted_at AS "postedAt", m.reach, m.parent_id AS "parentId",
         m.duplicate_of AS "duplicateOf", m.duplicate_kind AS "duplicateKind",
         (SELECT count(*)::int FROM mentions d WHERE d.workspace_id = m.workspace_id AND d.duplicate_of = m.id) AS "duplicateCount",
         (SELECT count(*)::int FROM mentions r WHERE r.workspace_id = m.workspace_id AND r.parent_id = m.id) AS "replyCount",
         m.assigned_to AS "assignedToId", ua.name AS "assignedToName", m.answered_at AS "answeredAt",
         m.answered_by AS "answeredById", ub.name AS "answeredByName", m.customer_external_id AS "customerId", m.channel,
         m.created_at AS "createdAt"
    FROM mentions m
    LEFT JOIN users ua ON ua.id = m.assigned_to
    LEFT JOIN users ub ON ub.id = m.answered_by`;

/** Reading mentions: filtered pages, threads, copies and the figures of the Mentions page. */
@Injectable()
export class MentionsQueryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private where(filter: MentionFilter, params: unknown[]): string {
    params.push(filter.workspaceId);
    const clauses = ['m.workspace_id = $1'];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${params.length}`));
    };
    if (!filter.includeDuplicates) clauses.push('m.duplicate_of IS NULL');
    if (filter.sources?.length) add((p) => `m.source = ANY (${p}::varchar[])`, filter.sources);
    if (filter.sentiments?.length) add((p) => `m.sentiment = ANY (${p}::smallint[])`, filter.sentiments);
    if (filter.languages?.length) add((p) => `m.language = ANY (${p}::varchar[])`, filter.languages);
    if (filter.from) add((p) => `m.posted_at >= ${p}`, filter.from);
    if (filter.to) add((p) => `m.posted_at < ${p}`, filter.to);
    if (filter.assigned === 'none') clauses.push('m.assigned_to IS NULL');
    else if (filter.assigned) add((p) => `m.assigned_to = ${p}::uuid`, filter.assigned);
    if (filter.answered === true) clauses.push('m.answered_at IS NOT NULL');
    if (filter.answered === false) clauses.push('m.answered_at IS NULL');
    if (filter.text) add((p) => `m.text ILIKE ${p}`, `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (filter.newerThan) add((p) => `m.created_at > ${p}`, filter.newerThan);
    return clauses.join(' AND ');
  }

  /** Newest first by posting time, keyset-paged after `before`. */
  page(filter: MentionFilter, limit: number, before?: { at: Date; id: string }): Promise<MentionRow[]> {
    const params: unknown[] = [];
    let where = this.where(filter, params);
    if (before) {
      params.push(before.at, before.id);
      where += ` AND (m.posted_at, m.id) < ($${params.length - 1}, $${params.length}::uuid)`;
    }
    params.push(limit);
    return this.dataSource.query(`${SELECT} WHERE ${where} ORDER BY m.posted_at DESC, m.id DESC LIMIT $${params.length}`, params);
  }

  async find(workspaceId: string, id: string): Promise<MentionRow | null> {
    const rows = await this.dataSource.query(`${SELECT} WHERE m.workspace_id = $1 AND m.id = $2`, [workspaceId, id]);
    return rows[0] ?? null;
  }

  /** The parent chain, nearest first, at most `depth` levels. */
  ancestors(workspaceId: string, id: string, depth: number): Promise<MentionRow[]> {
    return this.dataSource.query(
      `WITH RECURSIVE chain(id, parent_id, level) AS (
         SELECT id, parent_id, 0 FROM mentions WHERE workspace_id = $1 AND id = $2
         UNION ALL
         SELECT p.id, p.parent_id, c.level + 1 FROM mentions p JOIN chain c ON p.workspace_id = $1 AND p.id = c.parent_id WHERE c.level < $3
       )
       ${SELECT} JOIN chain c ON c.id = m.id WHERE m.workspace_id = $1 AND c.level > 0 ORDER BY c.level`,
      [workspaceId, id, depth],
    );
  }

  replies(workspaceId: string, id: string, limit: number): Promise<MentionRow[]> {
    return this.dataSource.query(`${SELECT} WHERE m.workspace_id = $1 AND m.parent_id = $2 ORDER BY m.posted_at, m.id LIMIT $3`, [workspaceId, id, limit]);
  }

  duplicates(workspaceId: string, id: string, limit: number): Promise<MentionRow[]> {
    return this.dataSource.query(`${SELECT} WHERE m.workspace_id = $1 AND m.duplicate_of = $2 ORDER BY m.posted_at, m.id LIMIT $3`, [workspaceId, id, limit]);
  }

  async update(workspaceId: string, id: string, changes: { assignedTo?: string | null; answeredBy?: string | null; customerId?: string | null }): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [workspaceId, id];
    if (changes.assignedTo !== undefined) {
      params.push(changes.assignedTo);
      sets.push(`assigned_to = $${params.length}::uuid`);
    }
    if (changes.answeredBy !== undefined) {
      params.push(changes.answeredBy);
      sets.push(`answered_by = $${params.length}::uuid, answered_at = CASE WHEN $${params.length}::uuid IS NULL THEN NULL ELSE COALESCE(answered_at, now()) END`);
    }
    if (changes.customerId !== undefined) {
      params.push(changes.customerId);
      sets.push(`customer_external_id = $${params.length}`);
    }
    if (sets.length === 0) return;
    await this.dataSource.query(`UPDATE mentions SET ${sets.join(', ')}, updated_at = now() WHERE workspace_id = $1 AND id = $2`, params);
  }

  async isMember(workspaceId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, userId]);
    return rows.length > 0;
  }

  async customerExists(workspaceId: string, externalId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM customers WHERE workspace_id = $1 AND external_id = $2`, [workspaceId, externalId]);
    return rows.length > 0;
  }

  /** Originals per bucket (empty buckets included), bucket starts in the given time zone. */
  series(workspaceId: string, from: Date, to: Date, interval: 'day' | 'week' | 'month', timeZone: string, sources?: string[]): Promise<BucketRow[]> {
    return this.dataSource.query(
      `WITH buckets AS (
         SELECT generate_series(date_trunc($4, $2::timestamptz AT TIME ZONE $5), date_trunc($4, ($3::timestamptz - interval '1 microsecond') AT TIME ZONE $5), ('1 ' || $4)::interval) AS local_start
       ), counts AS (
         SELECT date_trunc($4, posted_at AT TIME ZONE $5) AS local_start,
                count(*) FILTER (WHERE sentiment = -1)::int AS negative, count(*) FILTER (WHERE sentiment = 0)::int AS neutral,
                count(*) FILTER (WHERE sentiment = 1)::int AS positive
           FROM mentions
          WHERE workspace_id = $1 AND duplicate_of IS NULL AND posted_at >= $2 AND posted_at < $3
            AND ($6::varchar[] IS NULL OR source = ANY ($6::varchar[]))
          GROUP BY 1
       )
       SELECT b.local_start AT TIME ZONE $5 AS start, COALESCE(c.negative, 0) AS negative, COALESCE(c.neutral, 0) AS neutral,
              COALESCE(c.positive, 0) AS positive
         FROM buckets b LEFT JOIN counts c USING (local_start) ORDER BY b.local_start`,
      [workspaceId, from, to, interval, timeZone, sources?.length ? sources : null],
    );
  }

  bySource(workspaceId: string, from: Date, to: Date, sources?: string[]): Promise<SourceRow[]> {
    return this.dataSource.query(
      `SELECT source, count(*) FILTER (WHERE sentiment = -1)::int AS negative, count(*) FILTER (WHERE sentiment = 0)::int AS neutral,
              count(*) FILTER (WHERE sentiment = 1)::int AS positive, COALESCE(sum(reach), 0)::float8 AS reach
         FROM mentions
        WHERE workspace_id = $1 AND duplicate_of IS NULL AND posted_at >= $2 AND posted_at < $3
          AND ($4::varchar[] IS NULL OR source = ANY ($4::varchar[]))
        GROUP BY source ORDER BY count(*) DESC, source`,
      [workspaceId, from, to, sources?.length ? sources : null],
    );
  }

  async summary(workspaceId: string, from: Date, to: Date, sources?: string[]): Promise<{ duplicates: number; unansweredNegative: number; byLanguage: Record<string, number> }> {
    const params = [workspaceId, from, to, sources?.length ? sources : null];
    const scope = `workspace_id = $1 AND posted_at >= $2 AND posted_at < $3 AND ($4::varchar[] IS NULL OR source = ANY ($4::varchar[]))`;
    const [[counts], languages] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*) FILTER (WHERE duplicate_of IS NOT NULL)::int AS duplicates,
                count(*) FILTER (WHERE duplicate_of IS NULL AND sentiment = -1 AND answered_at IS NULL)::int AS "unansweredNegative"
           FROM mentions WHERE ${scope}`,
        params,
      ),
      this.dataSource.query(`SELECT language, count(*)::int AS n FROM mentions WHERE ${scope} AND duplicate_of IS NULL GROUP BY language ORDER BY 2 DESC`, params),
    ]);
    return { ...counts, byLanguage: Object.fromEntries(languages.map((l: { language: string; n: number }) => [l.language, l.n])) };
  }
}
