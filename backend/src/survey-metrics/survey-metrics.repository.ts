import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface MetricsFilter {
  workspaceId: string;
  surveyIds: string[];
  language?: string;
  /** Matches the `segment` hidden field until customer segments exist. */
  segment?: string;
}

export interface ScoredResponse {
  at: Date;
  score: number;
  scaleMax: number;
}

export interface LatestComment {
  id: string;
  surveyId: string;
  score: number | null;
  comment: string;
  language: string | null;
  createdAt: Date;
}

@Injectable()
export class SurveyMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private where(filter: MetricsFilter, from: Date, to: Date, alias = 'r'): { sql: string; params: unknown[] } {
    const params: unknown[] = [filter.workspaceId, filter.surveyIds, from, to];
    const parts = [`${alias}.workspace_id = $1`, `${alias}.survey_id = ANY($2::uuid[])`, `${alias}.created_at >= $3`, `${alias}.created_at < $4`];
    if (filter.language) {
      params.push(filter.language);
      parts.push(`${alias}.language = $${params.length}`);
    }
    if (filter.segment) {
      params.push(filter.segment);
      parts.push(`${alias}.hidden_fields->>'segment' = $${params.length}`);
    }
    return { sql: parts.join(' AND '), params };
  }

  /** Finished, scored responses in [from, to): only the columns the metrics need. */
  async scored(filter: MetricsFilter, from: Date, to: Date): Promise<ScoredResponse[]> {
    const { sql, params } = this.where(filter, from, to);
    return this.dataSource.query(
      `SELECT r.created_at AS at, r.score, r.score_scale_max AS "scaleMax"
         FROM responses r WHERE ${sql} AND r.finished AND r.score IS NOT NULL`,
      params,
    );
  }

  async countResponses(filter: MetricsFilter, from: Date, to: Date): Promise<number> {
    const { sql, params } = this.where(filter, from, to);
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM responses r WHERE ${sql} AND r.finished`, params);
    return row.n;
  }

  /** Displays are not tied to a language or segment, so only the survey and period filter them. */
  async countDisplays(filter: MetricsFilter, from: Date, to: Date): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM survey_displays
        WHERE workspace_id = $1 AND survey_id = ANY($2::uuid[]) AND created_at >= $3 AND created_at < $4`,
      [filter.workspaceId, filter.surveyIds, from, to],
    );
    return row.n;
  }

  async latestComments(filter: MetricsFilter, from: Date, to: Date, limit: number): Promise<LatestComment[]> {
    const { sql, params } = this.where(filter, from, to);
    params.push(limit);
    return this.dataSource.query(
      `SELECT r.id, r.survey_id AS "surveyId", r.score, r.comment, r.language, r.created_at AS "createdAt"
         FROM responses r WHERE ${sql} AND r.comment IS NOT NULL
        ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async surveyIds(workspaceId: string, kind: string, touchpointName?: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM surveys WHERE workspace_id = $1 AND kind = $2 AND ($3::text IS NULL OR touchpoint_name = $3)`,
      [workspaceId, kind, touchpointName ?? null],
    );
    return rows.map((r) => r.id);
  }
}
