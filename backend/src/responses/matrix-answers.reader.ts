import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ResponseEntity } from './response.entity';
import type { ResponseScope } from './responses.reader';

/** One parameter (matrix row) over the period: moments of its ratings and their Pearson correlation with the overall score. */
export interface MatrixRowStats {
  rowId: string;
  n: number;
  mean: number | null;
  /** Sample variance; null when n < 2. */
  variance: number | null;
  /** corr(rating, overall score) over responses that have both; null when fewer than two or either is constant. */
  correlation: number | null;
  /** Responses with both this rating and an overall score. */
  pairs: number;
}

export type MatrixRowCount = { rowId: string; value: number; count: number };
export type MatrixRowMonth = { rowId: string; month: string; n: number; mean: number };

/** Which matrix question of which responses: finished ones in [from, to) of the scope. */
export interface MatrixQuery {
  scope: ResponseScope;
  questionId: string;
  rowIds: string[];
  from: Date;
  to: Date;
  timeZone: string;
}

/**
 * Set-based reads of matrix answers (`answers -> questionId` = { rowId: rating }) for the per-parameter report:
 * PostgreSQL aggregates (avg, var_samp, corr, count) so no response is loaded into Node. Raw SQL because the
 * answer is unnested with a LATERAL jsonb_each_text, which QueryBuilder cannot express.
 */
@Injectable()
export class MatrixAnswersReader {
  constructor(@InjectRepository(ResponseEntity) private readonly responses: Repository<ResponseEntity>) {}

  /** `FROM responses r, LATERAL (row, value)` limited to the scope, the known rows and whole-number ratings. */
  private ratings(query: MatrixQuery, params: unknown[]): string {
    const { scope } = query;
    params.push(scope.workspaceId, scope.surveyIds, query.from, query.to, query.questionId, query.rowIds);
    const where = [
      'r.workspace_id = $1',
      'r.survey_id = ANY($2::uuid[])',
      'r.created_at >= $3 AND r.created_at < $4',
      'r.finished',
      `jsonb_typeof(r.answers -> $5::text) = 'object'`,
      'a.row_id = ANY($6::text[])',
      // Ingest stores whole numbers only; the pattern keeps a hand-edited row from failing the cast.
      `a.value ~ '^-?[0-9]{1,3}$'`,
    ];
    if (scope.language) {
      params.push(scope.language);
      where.push(`r.language = $${params.length}`);
    }
    if (scope.segment) {
      params.push(scope.segment);
      where.push(`r.hidden_fields->>'segment' = $${params.length}`);
    }
    if (scope.segmentFilter) where.push(scope.segmentFilter.forPositional('r.customer_external_id', params));
    return `responses r CROSS JOIN LATERAL jsonb_each_text(r.answers -> $5::text) AS a(row_id, value) WHERE ${where.join(' AND ')}`;
  }

  /** Per row: n, mean, sample variance and Pearson's r with the overall score (the response's score column). */
  async stats(query: MatrixQuery): Promise<{ rows: MatrixRowStats[]; responses: number }> {
    const params: unknown[] = [];
    const from = this.ratings(query, params);
    const rows: MatrixRowStats[] = await this.responses.query(
      `SELECT a.row_id AS "rowId", count(*)::int AS n, avg(a.value::int)::float8 AS mean, var_samp(a.value::int)::float8 AS variance,
              corr(a.value::int, r.score)::float8 AS correlation, count(r.score)::int AS pairs
         FROM ${from}
        GROUP BY a.row_id`,
      params,
    );
    const totalParams: unknown[] = [];
    const total: { n: number }[] = await this.responses.query(
      `SELECT count(DISTINCT r.id)::int AS n FROM ${this.ratings(query, totalParams)}`,
      totalParams,
    );
    return { rows, responses: total[0]?.n ?? 0 };
  }

  /** How many gave each rating to each row. */
  distribution(query: MatrixQuery): Promise<MatrixRowCount[]> {
    const params: unknown[] = [];
    const from = this.ratings(query, params);
    return this.responses.query(
      `SELECT a.row_id AS "rowId", a.value::int AS value, count(*)::int AS count FROM ${from} GROUP BY a.row_id, a.value::int`,
      params,
    );
  }

  /** Mean per row per calendar month in the time zone (YYYY-MM). */
  monthly(query: MatrixQuery): Promise<MatrixRowMonth[]> {
    const params: unknown[] = [];
    const from = this.ratings(query, params);
    params.push(query.timeZone);
    const month = `to_char(date_trunc('month', r.created_at AT TIME ZONE $${params.length}), 'YYYY-MM')`;
    return this.responses.query(
      `SELECT a.row_id AS "rowId", ${month} AS month, count(*)::int AS n, avg(a.value::int)::float8 AS mean
         FROM ${from} GROUP BY a.row_id, ${month} ORDER BY month`,
      params,
    );
  }
}
