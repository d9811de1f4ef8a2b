import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { keysetPage, sortKeySql, type TimelineFetch } from '../customers/timeline/timeline-source';
import type { SegmentFilter } from '../segments/segment-filter';
import { MentionEntity } from './mention.entity';

/** A mention as the Mentions page shows it: its columns, how many copies and replies it has, and who handles it. */
export type MentionRow = Pick<
  MentionEntity,
  | 'id'
  | 'source'
  | 'externalId'
  | 'url'
  | 'author'
  | 'text'
  | 'language'
  | 'sentiment'
  | 'sentimentScore'
  | 'postedAt'
  | 'reach'
  | 'parentId'
  | 'duplicateOf'
  | 'duplicateKind'
  | 'answeredAt'
  | 'channel'
  | 'createdAt'
> & {
  duplicateCount: number;
  replyCount: number;
  assignedToId: MentionEntity['assignedTo'];
  assignedToName: string | null;
  answeredById: MentionEntity['answeredBy'];
  answeredByName: string | null;
  customerId: MentionEntity['customerExternalId'];
  /** The public-answer stage of a negative original (null otherwise, or without the public-answers module). */
  stage: string | null;
};

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
  /** Only mentions linked to a customer of this saved segment. */
  inSegment?: SegmentFilter;
  /** The stage expression of the public-answer workflow (MENTION_STAGE_SQL), when provided. */
  stageSql?: string | null;
  /** Only negative originals at these stages (needs stageSql). */
  stages?: string[];
  /** The condition for the mentions past not_started, given the workspace parameter (MENTION_STAGE_SQL's startedSql). */
  startedSql?: ((workspaceIdSql: string) => string) | null;
}

export interface BucketRow {
  start: Date;
  negative: number;
  neutral: number;
  positive: number;
}

export type SourceRow = Pick<MentionEntity, 'source'> & { negative: number; neutral: number; positive: number; reach: number };

/** The period's figures besides the series: per source, per language, copies and unanswered negative originals. */
export interface MentionBreakdown {
  sources: SourceRow[];
  byLanguage: Record<string, number>;
  duplicates: number;
  unansweredNegative: number;
}

/** One mention on a customer's timeline. */
export type MentionEventRow = Pick<MentionEntity, 'source' | 'author' | 'text' | 'url' | 'sentiment' | 'language'> & {
  eventId: string;
  at: string;
  mentionId: string;
  answered: boolean;
};

const ROW_COLUMNS = [
  'm.id AS id',
  'm.source AS source',
  'm.external_id AS "externalId"',
  'm.url AS url',
  'm.author AS author',
  'm.text AS text',
  'm.language AS language',
  'm.sentiment AS sentiment',
  'm.sentiment_score AS "sentimentScore"',
  'm.posted_at AS "postedAt"',
  'm.reach AS reach',
  'm.parent_id AS "parentId"',
  'm.duplicate_of AS "duplicateOf"',
  'm.duplicate_kind AS "duplicateKind"',
  '(SELECT count(*)::int FROM mentions d WHERE d.workspace_id = m.workspace_id AND d.duplicate_of = m.id) AS "duplicateCount"',
  '(SELECT count(*)::int FROM mentions r WHERE r.workspace_id = m.workspace_id AND r.parent_id = m.id) AS "replyCount"',
  'm.assigned_to AS "assignedToId"',
  'ua.name AS "assignedToName"',
  'm.answered_at AS "answeredAt"',
  'm.answered_by AS "answeredById"',
  'ub.name AS "answeredByName"',
  'm.customer_external_id AS "customerId"',
  'm.channel AS channel',
  'm.created_at AS "createdAt"',
];

/** Reading mentions: filtered pages, threads, copies and the figures of the Mentions page. */
@Injectable()
export class MentionsQueryRepository {
  constructor(@InjectRepository(MentionEntity) private readonly mentions: Repository<MentionEntity>) {}

  /**
   * Mention rows of the workspace; the people's names come from `users` (a join the lead lists as an allowed arrow);
   * the stage from the public-answer workflow's expression when given (its tables, read in this one statement).
   */
  private rows(workspaceId: string, stageSql?: string | null): SelectQueryBuilder<MentionEntity> {
    return this.mentions
      .createQueryBuilder('m')
      .select([...ROW_COLUMNS, stageSql ? `(${stageSql}) AS stage` : 'NULL::text AS stage'])
      .leftJoin('users', 'ua', 'ua.id = m.assigned_to')
      .leftJoin('users', 'ub', 'ub.id = m.answered_by')
      .where('m.workspace_id = :workspaceId', { workspaceId });
  }

  private filtered(filter: MentionFilter): SelectQueryBuilder<MentionEntity> {
    const q = this.rows(filter.workspaceId, filter.stageSql);
    if (!filter.includeDuplicates) q.andWhere('m.duplicate_of IS NULL');
    if (filter.sources?.length) q.andWhere('m.source = ANY (CAST(:sources AS varchar[]))', { sources: filter.sources });
    if (filter.sentiments?.length) q.andWhere('m.sentiment = ANY (CAST(:sentiments AS smallint[]))', { sentiments: filter.sentiments });
    if (filter.languages?.length) q.andWhere('m.language = ANY (CAST(:languages AS varchar[]))', { languages: filter.languages });
    if (filter.from) q.andWhere('m.posted_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('m.posted_at < :to', { to: filter.to });
    if (filter.assigned === 'none') q.andWhere('m.assigned_to IS NULL');
    else if (filter.assigned) q.andWhere('m.assigned_to = CAST(:assigned AS uuid)', { assigned: filter.assigned });
    if (filter.answered === true) q.andWhere('m.answered_at IS NOT NULL');
    if (filter.answered === false) q.andWhere('m.answered_at IS NULL');
    if (filter.text) q.andWhere('m.text ILIKE :text', { text: `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (filter.newerThan) q.andWhere('m.created_at > :newerThan', { newerThan: filter.newerThan });
    if (filter.stages?.length) {
      // No workflow, no stage: a stage filter then matches nothing rather than everything.
      // Only negative originals have a stage: said plainly, so mentions_negative_posted_idx narrows first, and past
      // not_started only the mentions with an answer or a case (one set), not a subquery per negative mention.
      q.andWhere('m.sentiment = -1 AND m.duplicate_of IS NULL');
      if (filter.startedSql && !filter.stages.includes('not_started')) q.andWhere(filter.startedSql(':workspaceId'));
      q.andWhere(filter.stageSql ? `(${filter.stageSql}) = ANY (CAST(:stages AS text[]))` : 'false', { stages: filter.stages });
    }
    if (filter.inSegment) {
      const inSegment = filter.inSegment.forQueryBuilder('m.customer_external_id');
      q.andWhere(inSegment.sql, inSegment.parameters);
    }
    return q;
  }

  /** Newest first by posting time, keyset-paged after `before`. */
  page(filter: MentionFilter, limit: number, before?: { at: Date; id: string }): Promise<MentionRow[]> {
    const q = this.filtered(filter);
    if (before) q.andWhere('(m.posted_at, m.id) < (:beforeAt, CAST(:beforeId AS uuid))', { beforeAt: before.at, beforeId: before.id });
    return q.orderBy('m.posted_at', 'DESC').addOrderBy('m.id', 'DESC').limit(limit).getRawMany<MentionRow>();
  }

  async find(workspaceId: string, id: string, stageSql?: string | null): Promise<MentionRow | null> {
    return (await this.rows(workspaceId, stageSql).andWhere('m.id = :id', { id }).getRawOne<MentionRow>()) ?? null;
  }

  /**
   * Marks the mention answered because it was answered in public, in the caller's transaction: the first answer's time
   * and person stay when it was already marked (the internal mark and the public answer are one fact).
   */
  async markAnswered(workspaceId: string, id: string, userId: string | null, at: Date, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(MentionEntity) : this.mentions)
      .createQueryBuilder()
      .update()
      .set({
        answeredBy: () => 'CASE WHEN answered_at IS NULL THEN CAST(:userId AS uuid) ELSE answered_by END',
        answeredAt: () => 'COALESCE(answered_at, CAST(:at AS timestamptz))',
      })
      .where('workspace_id = :workspaceId AND id = :id', { workspaceId, id })
      .setParameters({ userId, at })
      .execute();
  }

  /** The parent chain, nearest first, at most `depth` levels. */
  ancestors(workspaceId: string, id: string, depth: number): Promise<MentionRow[]> {
    return this.rows(workspaceId)
      .addCommonTableExpression(
        `SELECT id, parent_id, 0 FROM mentions WHERE workspace_id = :workspaceId AND id = :id
         UNION ALL
         SELECT p.id, p.parent_id, c.level + 1 FROM mentions p JOIN chain c ON p.workspace_id = :workspaceId AND p.id = c.parent_id WHERE c.level < :depth`,
        'chain',
        { recursive: true, columnNames: ['id', 'parent_id', 'level'] },
      )
      .innerJoin('chain', 'c', 'c.id = m.id')
      .andWhere('c.level > 0')
      .orderBy('c.level')
      .setParameters({ id, depth })
      .getRawMany<MentionRow>();
  }

  replies(workspaceId: string, id: string, limit: number): Promise<MentionRow[]> {
    return this.rows(workspaceId)
      .andWhere('m.parent_id = :id', { id })
      .orderBy('m.posted_at')
      .addOrderBy('m.id')
      .limit(limit)
      .getRawMany<MentionRow>();
  }

  duplicates(workspaceId: string, id: string, limit: number): Promise<MentionRow[]> {
    return this.rows(workspaceId)
      .andWhere('m.duplicate_of = :id', { id })
      .orderBy('m.posted_at')
      .addOrderBy('m.id')
      .limit(limit)
      .getRawMany<MentionRow>();
  }

  async update(
    workspaceId: string,
    id: string,
    changes: { assignedTo?: string | null; answeredBy?: string | null; customerId?: string | null },
  ): Promise<void> {
    const set: QueryDeepPartialEntity<MentionEntity> = {};
    if (changes.assignedTo !== undefined) set.assignedTo = changes.assignedTo;
    if (changes.answeredBy !== undefined) {
      set.answeredBy = changes.answeredBy;
      // The first answer's time stays when someone else marks it answered again.
      set.answeredAt = changes.answeredBy === null ? null : () => 'COALESCE(answered_at, now())';
    }
    if (changes.customerId !== undefined) set.customerExternalId = changes.customerId;
    if (Object.keys(set).length === 0) return;
    await this.mentions.update({ workspaceId, id }, set); // updated_at = now() comes with the entity's update-date column
  }

  /** Originals per bucket (empty buckets included), bucket starts in the given time zone. Analytics: generate_series + grouped counts. */
  series(
    workspaceId: string,
    from: Date,
    to: Date,
    interval: 'day' | 'week' | 'month',
    timeZone: string,
    sources?: string[],
    inSegment?: SegmentFilter,
  ): Promise<BucketRow[]> {
    const params: unknown[] = [workspaceId, from, to, interval, timeZone, sources?.length ? sources : null];
    const segment = inSegment ? ` AND ${inSegment.forPositional('customer_external_id', params)}` : '';
    return this.mentions.query(
      `WITH buckets AS (
         SELECT generate_series(date_trunc($4, $2::timestamptz AT TIME ZONE $5), date_trunc($4, ($3::timestamptz - interval '1 microsecond') AT TIME ZONE $5), ('1 ' || $4)::interval) AS local_start
       ), counts AS (
         SELECT date_trunc($4, posted_at AT TIME ZONE $5) AS local_start,
                count(*) FILTER (WHERE sentiment = -1)::int AS negative, count(*) FILTER (WHERE sentiment = 0)::int AS neutral,
                count(*) FILTER (WHERE sentiment = 1)::int AS positive
           FROM mentions
          WHERE workspace_id = $1 AND duplicate_of IS NULL AND posted_at >= $2 AND posted_at < $3
            AND ($6::varchar[] IS NULL OR source = ANY ($6::varchar[]))${segment}
          GROUP BY 1
       )
       SELECT b.local_start AT TIME ZONE $5 AS start, COALESCE(c.negative, 0) AS negative, COALESCE(c.neutral, 0) AS neutral,
              COALESCE(c.positive, 0) AS positive
         FROM buckets b LEFT JOIN counts c USING (local_start) ORDER BY b.local_start`,
      params,
    );
  }

  /**
   * Analytics, one pass over the period's mentions (GROUPING SETS, index-only on mentions_stats_idx): originals by
   * sentiment with summed reach per source (most first, then by name), originals per language (most first), copies,
   * and unanswered negative originals.
   */
  async breakdown(workspaceId: string, from: Date, to: Date, sources?: string[], inSegment?: SegmentFilter): Promise<MentionBreakdown> {
    const params: unknown[] = [workspaceId, from, to, sources?.length ? sources : null];
    const segment = inSegment ? ` AND ${inSegment.forPositional('customer_external_id', params)}` : '';
    const rows: (SourceRow & {
      dimension: 'source' | 'language' | 'total';
      language: string;
      originals: number;
      duplicates: number;
      unansweredNegative: number;
    })[] = await this.mentions.query(
      `SELECT CASE WHEN grouping(source) = 0 THEN 'source' WHEN grouping(language) = 0 THEN 'language' ELSE 'total' END AS dimension,
                source, language,
                (count(*) FILTER (WHERE duplicate_of IS NULL))::int AS originals,
                (count(*) FILTER (WHERE duplicate_of IS NULL AND sentiment = -1))::int AS negative,
                (count(*) FILTER (WHERE duplicate_of IS NULL AND sentiment = 0))::int AS neutral,
                (count(*) FILTER (WHERE duplicate_of IS NULL AND sentiment = 1))::int AS positive,
                COALESCE(sum(reach) FILTER (WHERE duplicate_of IS NULL), 0)::float8 AS reach,
                (count(*) FILTER (WHERE duplicate_of IS NOT NULL))::int AS duplicates,
                (count(*) FILTER (WHERE duplicate_of IS NULL AND sentiment = -1 AND answered_at IS NULL))::int AS "unansweredNegative"
           FROM mentions
          WHERE workspace_id = $1 AND posted_at >= $2 AND posted_at < $3 AND ($4::varchar[] IS NULL OR source = ANY ($4::varchar[]))${segment}
          GROUP BY GROUPING SETS ((source), (language), ())
          ORDER BY dimension, originals DESC, source`,
      params,
    );
    // A source or language with copies only has no originals: the figures count originals, so it is left out.
    const of = (dimension: string) => rows.filter((r) => r.dimension === dimension && r.originals > 0);
    const total = rows.find((r) => r.dimension === 'total');
    return {
      sources: of('source').map(({ source, negative, neutral, positive, reach }) => ({ source, negative, neutral, positive, reach })),
      byLanguage: Object.fromEntries(of('language').map((r) => [r.language, r.originals])),
      duplicates: total?.duplicates ?? 0,
      unansweredNegative: total?.unansweredNegative ?? 0,
    };
  }

  /**
   * Original mentions linked to the customer, newest first: one page of the customer timeline. SQL, because the
   * timeline's keyset (event id order across every source) is shared SQL of the customers module.
   */
  timelinePage(query: TimelineFetch): Promise<MentionEventRow[]> {
    const { eventId, after, params } = keysetPage('mention', 'm', 'posted_at', query);
    return this.mentions.query(
      `SELECT ${eventId} AS "eventId", ${sortKeySql('m.posted_at')} AS at, m.id AS "mentionId", m.source, m.author, m.text, m.url,
              m.sentiment, m.language, (m.answered_at IS NOT NULL) AS answered
         FROM mentions m
        WHERE m.workspace_id = $1 AND m.customer_external_id = $2 AND m.duplicate_of IS NULL ${after}
        ORDER BY m.posted_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
  }
}
