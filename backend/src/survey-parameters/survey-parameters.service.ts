import { Injectable } from '@nestjs/common';
import { notFound } from '../common/http/api-error';
import { resolvePeriod } from '../common/http/period';
import { meanEstimate, round1, round2, roundTo } from '../metrics';
import { MatrixAnswersReader, type MatrixQuery } from '../responses/matrix-answers.reader';
import { SegmentsReader } from '../segments/segments.reader';
import { SurveysReader } from '../surveys/surveys.reader';
import { splitQuadrants } from './quadrants';
import type { ParameterResultDto, ParametersQuery, SurveyParametersDto } from './survey-parameters.dto';

/** Six months: enough answers per parameter for a margin of error and a trend. */
const DEFAULT_DAYS = 183;

/** Satisfaction by parameter: a matrix question's per-row means, distributions, trends and importance quadrants. */
@Injectable()
export class SurveyParametersService {
  constructor(
    private readonly surveys: SurveysReader,
    private readonly segments: SegmentsReader,
    private readonly answers: MatrixAnswersReader,
  ) {}

  async forSurvey(workspaceId: string, surveyId: string, query: ParametersQuery): Promise<SurveyParametersDto> {
    const survey = await this.surveys.findById(workspaceId, surveyId);
    if (!survey) throw notFound('Survey');
    // The current version's matrix: its rows and labels are what the report shows.
    const matrix = survey.questions.find((q) => q.type === 'matrix' && (!query.questionId || q.id === query.questionId));
    if (!matrix) throw notFound('Matrix question');
    const { from, to, timeZone } = resolvePeriod(query, DEFAULT_DAYS);
    const segmentFilter = await this.segments.optionalFilter(workspaceId, query.segmentId);
    const rows = matrix.rows ?? [];
    const scale = { min: matrix.scale?.min ?? 1, max: matrix.scale?.max ?? 5 };
    const matrixQuery: MatrixQuery = {
      scope: { workspaceId, surveyIds: [surveyId], language: query.language, segment: query.segment, segmentFilter },
      questionId: matrix.id,
      rowIds: rows.map((r) => r.id),
      from,
      to,
      timeZone,
    };
    const [stats, counts, months] = await Promise.all([
      this.answers.stats(matrixQuery),
      this.answers.distribution(matrixQuery),
      this.answers.monthly(matrixQuery),
    ]);

    const statsByRow = new Map(stats.rows.map((s) => [s.rowId, s]));
    const split = splitQuadrants(
      rows.map((r) => ({ id: r.id, correlation: statsByRow.get(r.id)?.correlation ?? null, mean: statsByRow.get(r.id)?.mean ?? null })),
    );
    const parameters = rows.map((row): ParameterResultDto => {
      const s = statsByRow.get(row.id);
      const estimate = meanEstimate({ n: s?.n ?? 0, mean: s?.mean ?? null, variance: s?.variance ?? null }, scale.min, scale.max);
      const n = estimate.n;
      const distribution = [];
      for (let score = scale.min; score <= scale.max; score++) {
        const count = counts.find((c) => c.rowId === row.id && c.value === score)?.count ?? 0;
        distribution.push({ score, count, percent: n > 0 ? round1((count / n) * 100) : null });
      }
      return {
        id: row.id,
        label: row.label,
        ...estimate,
        distribution,
        correlation: s?.correlation == null ? null : roundTo(s.correlation, 3),
        pairs: s?.pairs ?? 0,
        quadrant: split.quadrants.get(row.id) ?? null,
        trend: months.filter((m) => m.rowId === row.id).map((m) => ({ month: m.month, n: m.n, mean: round2(m.mean) })),
      };
    });
    return {
      questionId: matrix.id,
      question: matrix.text,
      scale,
      period: { from: from.toISOString(), to: to.toISOString() },
      timeZone,
      responses: stats.responses,
      split: {
        method: 'median',
        importance: split.importance === null ? null : roundTo(split.importance, 3),
        satisfaction: split.satisfaction === null ? null : round2(split.satisfaction),
      },
      parameters,
    };
  }
}
