import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository, SelectQueryBuilder } from 'typeorm';
import { MentionsReader } from '../mentions/mentions.reader';
import { OpenAnswersReader } from '../responses/open-answers.reader';
import { WorkspaceSettingsService } from '../workspaces/workspace-settings.service';
import { ClusterEntity } from './cluster.entity';
import { type FeedbackSource, FeedbackTextEntity, type PlacedBy } from './feedback-text.entity';
import { forEachSliced } from './sliced';

export type { FeedbackSource };

export type FeedbackTextRow = Pick<FeedbackTextEntity, 'id' | 'text' | 'clusterId' | 'placedBy'> & {
  /** The pool it clusters in (cluster_question_id): null for the main pool. */
  pool: string | null;
};

export type Placement = Pick<FeedbackTextEntity, 'id' | 'clusterId' | 'similarity'> & { placedBy: PlacedBy };

/** A pool (null: the main one) and how many texts it holds. */
export interface PoolSize {
  pool: string | null;
  texts: number;
}

/** One page of a pool's texts and where the next one starts (null: this was the last). */
export interface TextPage {
  rows: FeedbackTextRow[];
  next: PageKey | null;
}

/** Where the next page of a pool's texts starts. */
export interface PageKey {
  occurredAt: string;
  id: string;
}

export type ImportedComplaint = Pick<FeedbackTextEntity, 'text' | 'language' | 'sentiment' | 'touchpoint' | 'occurredAt'> & {
  externalId: FeedbackTextEntity['sourceId'];
  customerId: FeedbackTextEntity['customerExternalId'];
};

/** Placements per UPDATE statement. */
const WRITE_CHUNK = 10_000;

/** Texts worth clustering, copied from their sources, and where each one sits. */
@Injectable()
export class FeedbackTextsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(FeedbackTextEntity) private readonly texts: Repository<FeedbackTextEntity>,
    private readonly workspaceSettings: WorkspaceSettingsService,
    private readonly openAnswers: OpenAnswersReader,
    private readonly mentionsReader: MentionsReader,
  ) {}

  /**
   * Copies new texts from responses (every open answer, tagged with its question), finished cancellations (the "other" text and the
   * follow-up) and negative original mentions, changed since the workspace's watermark. Idempotent.
   */
  async syncFromSources(workspaceId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const ws = (await this.workspaceSettings.lockFeedbackWatermark(workspaceId, manager))!;
      // A minute of overlap: rows committed late with an earlier timestamp are still picked up (inserts are idempotent).
      const since: Date = ws.since ? new Date(new Date(ws.since).getTime() - 60_000) : new Date(0);
      const params = [workspaceId, since];
      // Every open answer of a response, tagged with its question, through the responses module's reader, in this transaction.
      const comments = await this.openAnswers.changedSince(workspaceId, since, manager);
      const responses: unknown[] =
        comments.length === 0
          ? []
          : await manager.query(
              // The first open answer (the response's comment) keeps the response id as before; the others add the question.
              // Each question's answers cluster in a pool of their own, except a survey's only open question (the main pool).
              `INSERT INTO feedback_texts (workspace_id, source, source_id, text, language, sentiment, touchpoint, customer_external_id, occurred_at,
                                      question_id, question_label, cluster_question_id)
         SELECT $1, 'response', CASE WHEN c.first THEN c.id::text ELSE c.id::text || ':' || c."questionId" END, c.text, c.language,
                c.sentiment, c."touchpointName", c."customerExternalId", c."createdAt", c."questionId", c."questionLabel",
                CASE WHEN c.first AND c."openQuestions" = 1 THEN NULL ELSE c."questionId" END
           FROM jsonb_to_recordset($2::jsonb) AS c(id uuid, text text, language varchar, sentiment smallint, "touchpointName" varchar,
                "customerExternalId" varchar, "createdAt" timestamptz, "questionId" varchar, "questionLabel" varchar, first boolean,
                "openQuestions" int)
         ON CONFLICT (workspace_id, source, source_id) DO UPDATE SET text = EXCLUDED.text, sentiment = EXCLUDED.sentiment,
                question_id = EXCLUDED.question_id, question_label = EXCLUDED.question_label, cluster_question_id = EXCLUDED.cluster_question_id
           WHERE feedback_texts.text IS DISTINCT FROM EXCLUDED.text OR feedback_texts.question_id IS DISTINCT FROM EXCLUDED.question_id
              OR feedback_texts.cluster_question_id IS DISTINCT FROM EXCLUDED.cluster_question_id
         RETURNING 1`,
              [workspaceId, JSON.stringify(comments)],
            );
      const cancellations: unknown[] = await manager.query(
        `INSERT INTO feedback_texts (workspace_id, source, source_id, text, language, sentiment, customer_external_id, churn_reason_key, occurred_at)
         SELECT c.workspace_id, 'cancellation', c.id::text, left(concat_ws('. ', c.other_text, c.follow_up), 5000), COALESCE(c.language, 'und'), -1,
                c.customer_external_id, c.reason_key, c.finished_at
           FROM cancellations c
          WHERE c.workspace_id = $1 AND c.updated_at >= $2 AND c.finished_at IS NOT NULL
            AND length(trim(concat_ws(' ', c.other_text, c.follow_up))) >= 3
         ON CONFLICT (workspace_id, source, source_id) DO NOTHING
         RETURNING 1`,
        params,
      );
      // Negative original mentions come through the mentions module's reader, in this transaction.
      const negative = await this.mentionsReader.negativeOriginalsSince(workspaceId, since, manager);
      const mentions: unknown[] =
        negative.length === 0
          ? []
          : await manager.query(
              `INSERT INTO feedback_texts (workspace_id, source, source_id, text, language, sentiment, customer_external_id, occurred_at)
         SELECT $1, 'mention', m.id::text, m.text, m.language, m.sentiment, m."customerExternalId", m."postedAt"
           FROM jsonb_to_recordset($2::jsonb) AS m(id uuid, text text, language varchar, sentiment smallint, "customerExternalId" varchar,
                "postedAt" timestamptz)
         ON CONFLICT (workspace_id, source, source_id) DO NOTHING
         RETURNING 1`,
              [workspaceId, JSON.stringify(negative)],
            );
      await this.workspaceSettings.setFeedbackWatermark(workspaceId, ws.now, manager);
      return responses.length + cancellations.length + mentions.length;
    });
  }

  /** Workspaces with any source row changed since their watermark (cheap: one indexed probe per table). */
  async workspacesToSync(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT w.id FROM workspaces w
        WHERE EXISTS (SELECT 1 FROM responses r WHERE r.workspace_id = w.id AND r.updated_at >= COALESCE(w.feedback_synced_at, '-infinity')
                             -- any open answer, not only the first (the comment): a string answer is a cheap over-estimate
                             AND (r.comment IS NOT NULL OR EXISTS (SELECT 1 FROM jsonb_each(r.answers) a WHERE jsonb_typeof(a.value) = 'string')))
           OR EXISTS (SELECT 1 FROM cancellations c WHERE c.workspace_id = w.id AND c.updated_at >= COALESCE(w.feedback_synced_at, '-infinity') AND c.finished_at IS NOT NULL)
           OR EXISTS (SELECT 1 FROM mentions m WHERE m.workspace_id = w.id AND m.created_at >= COALESCE(w.feedback_synced_at, '-infinity') AND m.sentiment = -1)
           OR EXISTS (SELECT 1 FROM feedback_texts f WHERE f.workspace_id = w.id AND f.placed_by IS NULL)`,
    );
    return rows.map((r) => r.id);
  }

  async importComplaints(workspaceId: string, items: ImportedComplaint[]): Promise<{ created: number; existing: number }> {
    const result = await this.texts
      .createQueryBuilder()
      .insert()
      .values(
        items.map((item) => ({
          workspaceId,
          source: 'complaint' as const,
          sourceId: item.externalId,
          text: item.text,
          language: item.language,
          sentiment: item.sentiment,
          touchpoint: item.touchpoint,
          customerExternalId: item.customerId,
          occurredAt: item.occurredAt,
        })),
      )
      .orIgnore() // ON CONFLICT (workspace_id, source, source_id) DO NOTHING: a complaint already imported stays as it is
      .execute();
    const created = (result.raw as unknown[]).length;
    return { created, existing: items.length - created };
  }

  countUnplaced(workspaceId: string): Promise<number> {
    return this.countOf(this.texts.createQueryBuilder('f').where('f.workspace_id = :workspaceId AND f.placed_by IS NULL', { workspaceId }));
  }

  async unplaced(workspaceId: string, limit: number): Promise<Pick<FeedbackTextRow, 'id' | 'text' | 'pool'>[]> {
    const rows = await this.texts.find({
      select: { id: true, text: true, clusterQuestionId: true },
      where: { workspaceId, placedBy: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.map(({ id, text, clusterQuestionId }) => ({ id, text, pool: clusterQuestionId }));
  }

  /** The distinct pools of these texts (a move or split keeps a cluster to one question). */
  async poolsOf(workspaceId: string, ids: string[], manager?: EntityManager): Promise<(string | null)[]> {
    const rows = await (manager ? manager.getRepository(FeedbackTextEntity) : this.texts)
      .createQueryBuilder('f')
      .select('DISTINCT f.cluster_question_id', 'pool')
      .where('f.workspace_id = :workspaceId AND f.id = ANY (CAST(:ids AS uuid[]))', { workspaceId, ids })
      .getRawMany<{ pool: string | null }>();
    return rows.map((r) => r.pool);
  }

  /** How many texts each pool holds, the main pool first, then by question id (a stable order for the run's models). */
  async poolSizes(workspaceId: string): Promise<PoolSize[]> {
    const rows = await this.texts
      .createQueryBuilder('f')
      .select('f.cluster_question_id', 'pool')
      .addSelect('count(*)::int', 'texts')
      .where('f.workspace_id = :workspaceId', { workspaceId })
      .groupBy('f.cluster_question_id')
      .getRawMany<PoolSize>();
    return rows.sort((a, b) => (a.pool === null ? -1 : b.pool === null ? 1 : a.pool < b.pool ? -1 : a.pool > b.pool ? 1 : 0));
  }

  /** Every text of one pool with its current place, in the rebuild's order (occurred_at, id). */
  poolTexts(workspaceId: string, pool: string | null): Promise<FeedbackTextRow[]> {
    return this.inPool(this.texts.createQueryBuilder('f'), workspaceId, pool)
      .select(['f.id AS id', 'f.text AS text', 'f.cluster_id AS "clusterId"', 'f.placed_by AS "placedBy"', 'f.cluster_question_id AS pool'])
      .orderBy('f.occurred_at')
      .addOrderBy('f.id')
      .getRawMany<FeedbackTextRow>();
  }

  /**
   * `size` texts of a pool spread evenly over its (occurred_at, id) order, in that order: the text at position p is
   * taken when p·size mod n < size (exactly `size` of n), so every stretch of time is represented in proportion.
   */
  poolSample(workspaceId: string, pool: string | null, size: number): Promise<Pick<FeedbackTextRow, 'id' | 'text'>[]> {
    return this.texts
      .createQueryBuilder('t')
      .select(['t.id AS id', 't.text AS text'])
      .innerJoin(
        (ranked) =>
          this.inPool(ranked.from(FeedbackTextEntity, 'f'), workspaceId, pool)
            .select('f.id', 'id')
            .addSelect('row_number() OVER (ORDER BY f.occurred_at, f.id) - 1', 'position')
            .addSelect('count(*) OVER ()', 'total'),
        's',
        's.id = t.id',
      )
      .where('t.workspace_id = :workspaceId')
      .andWhere('(s.position * CAST(:size AS bigint)) % s.total < :size', { size })
      .orderBy('s.position')
      .getRawMany<Pick<FeedbackTextRow, 'id' | 'text'>>();
  }

  /**
   * The next page of a pool's texts after `after` (null: from the start) in (occurred_at, id) order, read along
   * feedback_texts_pool_order_idx. The key carries occurred_at as text: a JavaScript Date would drop its microseconds.
   */
  async poolPage(workspaceId: string, pool: string | null, after: PageKey | null, limit: number): Promise<TextPage> {
    const query = this.inPool(this.texts.createQueryBuilder('f'), workspaceId, pool)
      .select(['f.id AS id', 'f.text AS text', 'f.cluster_id AS "clusterId"', 'f.placed_by AS "placedBy"', 'f.cluster_question_id AS pool'])
      .addSelect('CAST(f.occurred_at AS text)', 'occurredAt')
      .orderBy('f.occurred_at')
      .addOrderBy('f.id')
      .limit(limit);
    if (after)
      query.andWhere('(f.occurred_at, f.id) > (CAST(:at AS timestamptz), CAST(:after AS uuid))', { at: after.occurredAt, after: after.id });
    const rows = await query.getRawMany<FeedbackTextRow & { occurredAt: string }>();
    const last = rows.at(-1);
    return {
      rows: rows.map(({ occurredAt: _, ...row }) => row),
      next: last && rows.length === limit ? { occurredAt: last.occurredAt, id: last.id } : null,
    };
  }

  private inPool<T extends SelectQueryBuilder<FeedbackTextEntity>>(query: T, workspaceId: string, pool: string | null): T {
    query.where('f.workspace_id = :workspaceId', { workspaceId });
    if (pool === null) query.andWhere('f.cluster_question_id IS NULL');
    else query.andWhere('f.cluster_question_id = :pool', { pool });
    return query;
  }

  /** Each text's current cluster and who put it there, read inside a rebuild's transaction. */
  async placements(workspaceId: string, manager: EntityManager): Promise<Map<string, Pick<FeedbackTextRow, 'clusterId' | 'placedBy'>>> {
    const rows = await manager
      .getRepository(FeedbackTextEntity)
      .createQueryBuilder('f')
      .select(['f.id AS id', 'f.cluster_id AS "clusterId"', 'f.placed_by AS "placedBy"'])
      .where('f.workspace_id = :workspaceId', { workspaceId })
      .getRawMany<Pick<FeedbackTextRow, 'id' | 'clusterId' | 'placedBy'>>();
    // Every text of the workspace: mapped in slices, so millions of rows do not block the event loop.
    const placements = new Map<string, Pick<FeedbackTextRow, 'clusterId' | 'placedBy'>>();
    await forEachSliced(rows, (row) => placements.set(row.id, { clusterId: row.clusterId, placedBy: row.placedBy }));
    return placements;
  }

  /**
   * Stores placements. The target clusters are locked (shared, id order) and re-read first: a cluster merged
   * since the caller looked passes the text on to the cluster it was merged into, one no longer active leaves
   * the text unclustered, so no text is ever put where nobody sees it.
   */
  async place(workspaceId: string, placements: Placement[], manager?: EntityManager): Promise<void> {
    if (placements.length === 0) return;
    if (!manager) return this.dataSource.transaction((m) => this.place(workspaceId, placements, m));
    const wanted = [...new Set(placements.flatMap((p) => (p.clusterId ? [p.clusterId] : [])))];
    if (wanted.length === 0) return this.write(workspaceId, placements, manager);
    // One lock statement in id order (as merges take theirs): the targets and, for merged ones, their heirs.
    const rows = await manager
      .getRepository(ClusterEntity)
      .createQueryBuilder('c')
      .select(['c.id AS id', 'c.status AS status', 'c.merged_into AS "mergedInto"'])
      .where('c.workspace_id = :workspaceId', { workspaceId })
      .andWhere(
        '(c.id = ANY (CAST(:wanted AS uuid[])) OR c.id IN (SELECT merged_into FROM clusters WHERE workspace_id = :workspaceId AND id = ANY (CAST(:wanted AS uuid[]))))',
        { wanted },
      )
      .orderBy('c.id')
      .setLock('pessimistic_read') // FOR SHARE
      .getRawMany<Pick<ClusterEntity, 'id' | 'status' | 'mergedInto'>>();
    const byId = new Map(rows.map((c) => [c.id, c]));
    const resolve = (id: string | null): string | null => {
      const target = id ? byId.get(id) : undefined;
      if (!target) return null;
      if (target.status === 'active') return target.id;
      const heir = target.status === 'merged' && target.mergedInto ? byId.get(target.mergedInto) : undefined;
      return heir?.status === 'active' ? heir.id : null;
    };
    placements = placements.map((p) => {
      const clusterId = resolve(p.clusterId);
      return clusterId === p.clusterId ? p : { ...p, clusterId, similarity: clusterId ? p.similarity : null };
    });
    await this.write(workspaceId, placements, manager);
  }

  /** Set-based UPDATEs of WRITE_CHUNK placements each (a rebuild places every text; one chunk's JSON stays small): SQL. */
  private async write(workspaceId: string, placements: Placement[], manager: EntityManager): Promise<void> {
    for (let at = 0; at < placements.length; at += WRITE_CHUNK)
      await this.writeChunk(workspaceId, placements.slice(at, at + WRITE_CHUNK), manager);
  }

  private async writeChunk(workspaceId: string, placements: Placement[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE feedback_texts f SET cluster_id = p."clusterId", similarity = p.similarity, placed_by = p."placedBy", assigned_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS p(id uuid, "clusterId" uuid, similarity real, "placedBy" varchar)
        WHERE f.workspace_id = $1 AND f.id = p.id`,
      [workspaceId, JSON.stringify(placements)],
    );
  }

  countSince(workspaceId: string, since: Date | null): Promise<number> {
    const query = this.texts.createQueryBuilder('f').where('f.workspace_id = :workspaceId', { workspaceId });
    if (since) query.andWhere('f.created_at > :since', { since });
    return this.countOf(query);
  }

  /** count(*) of the query's rows (getCount would count distinct primary keys, a sort this table does not need). */
  private async countOf(query: SelectQueryBuilder<FeedbackTextEntity>): Promise<number> {
    return (await query.select('count(*)::int', 'n').getRawOne<{ n: number }>())!.n;
  }
}
