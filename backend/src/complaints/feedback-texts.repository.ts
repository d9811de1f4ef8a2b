import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ResponsesReader } from '../responses/responses.reader';

export type FeedbackSource = 'response' | 'cancellation' | 'mention' | 'complaint' | 'import';

export interface FeedbackTextRow {
  id: string;
  text: string;
  clusterId: string | null;
  placedBy: 'model' | 'run' | 'human' | null;
}

export interface Placement {
  id: string;
  clusterId: string | null;
  similarity: number | null;
  placedBy: 'model' | 'run' | 'human';
}

export interface ImportedComplaint {
  externalId: string;
  text: string;
  language: string;
  sentiment: number | null;
  touchpoint: string | null;
  customerId: string | null;
  occurredAt: Date;
}

/** Texts worth clustering, copied from their sources, and where each one sits. */
@Injectable()
export class FeedbackTextsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly responsesReader: ResponsesReader,
  ) {}

  /**
   * Copies new texts from responses (comments), finished cancellations (the "other" text and the
   * follow-up) and negative original mentions, changed since the workspace's watermark. Idempotent.
   */
  async syncFromSources(workspaceId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [ws] = await manager.query(`SELECT feedback_synced_at AS since, now() AS now FROM workspaces WHERE id = $1 FOR UPDATE`, [workspaceId]);
      // A minute of overlap: rows committed late with an earlier timestamp are still picked up (inserts are idempotent).
      const since: Date = ws.since ? new Date(new Date(ws.since).getTime() - 60_000) : new Date(0);
      const params = [workspaceId, since];
      // Response comments come through the responses module's reader, in this transaction.
      const comments = await this.responsesReader.commentsChangedSince(workspaceId, since, manager);
      const responses: unknown[] = comments.length === 0 ? [] : await manager.query(
        `INSERT INTO feedback_texts (workspace_id, source, source_id, text, language, sentiment, touchpoint, customer_external_id, occurred_at)
         SELECT $1, 'response', c.id::text, c.text, c.language, c.sentiment, c."touchpointName", c."customerExternalId", c."createdAt"
           FROM jsonb_to_recordset($2::jsonb) AS c(id uuid, text text, language varchar, sentiment smallint, "touchpointName" varchar,
                "customerExternalId" varchar, "createdAt" timestamptz)
         ON CONFLICT (workspace_id, source, source_id) DO UPDATE SET text = EXCLUDED.text, sentiment = EXCLUDED.sentiment
           WHERE feedback_texts.text IS DISTINCT FROM EXCLUDED.text
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
      const mentions: unknown[] = await manager.query(
        `INSERT INTO feedback_texts (workspace_id, source, source_id, text, language, sentiment, customer_external_id, occurred_at)
         SELECT m.workspace_id, 'mention', m.id::text, left(m.text, 5000), m.language, m.sentiment, m.customer_external_id, m.posted_at
           FROM mentions m
          WHERE m.workspace_id = $1 AND m.created_at >= $2 AND m.sentiment = -1 AND m.duplicate_of IS NULL
         ON CONFLICT (workspace_id, source, source_id) DO NOTHING
         RETURNING 1`,
        params,
      );
      await manager.query(`UPDATE workspaces SET feedback_synced_at = $2 WHERE id = $1`, [workspaceId, ws.now]);
      return responses.length + cancellations.length + mentions.length;
    });
  }

  /** Workspaces with any source row changed since their watermark (cheap: one indexed probe per table). */
  async workspacesToSync(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT w.id FROM workspaces w
        WHERE EXISTS (SELECT 1 FROM responses r WHERE r.workspace_id = w.id AND r.updated_at >= COALESCE(w.feedback_synced_at, '-infinity') AND r.comment IS NOT NULL)
           OR EXISTS (SELECT 1 FROM cancellations c WHERE c.workspace_id = w.id AND c.updated_at >= COALESCE(w.feedback_synced_at, '-infinity') AND c.finished_at IS NOT NULL)
           OR EXISTS (SELECT 1 FROM mentions m WHERE m.workspace_id = w.id AND m.created_at >= COALESCE(w.feedback_synced_at, '-infinity') AND m.sentiment = -1)
           OR EXISTS (SELECT 1 FROM feedback_texts f WHERE f.workspace_id = w.id AND f.placed_by IS NULL)`,
    );
    return rows.map((r) => r.id);
  }

  async importComplaints(workspaceId: string, items: ImportedComplaint[]): Promise<{ created: number; existing: number }> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO feedback_texts (workspace_id, source, source_id, text, language, sentiment, touchpoint, customer_external_id, occurred_at)
       SELECT $1, 'complaint', r."externalId", r.text, r.language, r.sentiment, r.touchpoint, r."customerId", r."occurredAt"
         FROM jsonb_to_recordset($2::jsonb) AS r("externalId" varchar, text text, language varchar, sentiment smallint, touchpoint varchar,
              "customerId" varchar, "occurredAt" timestamptz)
       ON CONFLICT (workspace_id, source, source_id) DO NOTHING
       RETURNING 1`,
      [workspaceId, JSON.stringify(items)],
    );
    return { created: inserted.length, existing: items.length - inserted.length };
  }

  async countUnplaced(workspaceId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM feedback_texts WHERE workspace_id = $1 AND placed_by IS NULL`, [workspaceId]);
    return row.n;
  }

  unplaced(workspaceId: string, limit: number): Promise<{ id: string; text: string }[]> {
    return this.dataSource.query(
      `SELECT id, text FROM feedback_texts WHERE workspace_id = $1 AND placed_by IS NULL ORDER BY created_at, id LIMIT $2`,
      [workspaceId, limit],
    );
  }

  /** Every text of the workspace with its current place, for a rebuild. */
  all(workspaceId: string): Promise<FeedbackTextRow[]> {
    return this.dataSource.query(
      `SELECT id, text, cluster_id AS "clusterId", placed_by AS "placedBy" FROM feedback_texts WHERE workspace_id = $1 ORDER BY occurred_at, id`,
      [workspaceId],
    );
  }

  /** Each text's current cluster and who put it there, read inside a rebuild's transaction. */
  async placements(workspaceId: string, manager: EntityManager): Promise<Map<string, Pick<FeedbackTextRow, 'clusterId' | 'placedBy'>>> {
    const rows: { id: string; clusterId: string | null; placedBy: FeedbackTextRow['placedBy'] }[] = await manager.query(
      `SELECT id, cluster_id AS "clusterId", placed_by AS "placedBy" FROM feedback_texts WHERE workspace_id = $1`,
      [workspaceId],
    );
    return new Map(rows.map((row) => [row.id, { clusterId: row.clusterId, placedBy: row.placedBy }]));
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
    const rows: { id: string; status: string; mergedInto: string | null }[] = await manager.query(
      `SELECT c.id, c.status, c.merged_into AS "mergedInto" FROM clusters c
        WHERE c.workspace_id = $1
          AND (c.id = ANY ($2::uuid[]) OR c.id IN (SELECT merged_into FROM clusters WHERE workspace_id = $1 AND id = ANY ($2::uuid[])))
        ORDER BY c.id FOR SHARE`,
      [workspaceId, wanted],
    );
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

  private async write(workspaceId: string, placements: Placement[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE feedback_texts f SET cluster_id = p."clusterId", similarity = p.similarity, placed_by = p."placedBy", assigned_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS p(id uuid, "clusterId" uuid, similarity real, "placedBy" varchar)
        WHERE f.workspace_id = $1 AND f.id = p.id`,
      [workspaceId, JSON.stringify(placements)],
    );
  }

  async countSince(workspaceId: string, since: Date | null): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM feedback_texts WHERE workspace_id = $1 AND ($2::timestamptz IS NULL OR created_at > $2)`,
      [workspaceId, since],
    );
    return row.n;
  }
}
