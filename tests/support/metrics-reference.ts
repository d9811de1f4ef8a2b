import { notFound } from '@otklik/backend/src/common/http/api-error';
import { resolvePeriod } from '@otklik/backend/src/common/http/period';
import { validationError } from '@otklik/backend/src/common/http/validation.pipe';
import {
  CesScale,
  cesDistribution,
  cesSummary,
  CesSummary,
  Comparison,
  compareCesAgree,
  compareCsat,
  compareNps,
  csatSummary,
  CsatSummary,
  npsSummary,
  NpsSummary,
  previousPeriod,
  ratingDistribution,
  npsDistribution,
  responseRate,
  timeSeries,
} from '@otklik/backend/src/metrics';
import type { SurveyKind } from '@otklik/survey-model';
import { SegmentsReader } from '@otklik/backend/src/segments/segments.reader';
import { SurveysReader } from '@otklik/backend/src/surveys/surveys.reader';
import type {
  ComparisonDto,
  KindMetricsQuery,
  MetricsQuery,
  MetricsSummaryDto,
  SeriesPointDto,
  SurveyMetricsDto,
} from '@otklik/backend/src/survey-metrics/survey-metrics.dto';
import type { DataSource } from 'typeorm';
import { ResponseEntity } from '@otklik/backend/src/responses/response.entity';
import type { LatestComment } from '@otklik/backend/src/responses/responses.reader';
import { type ResponseScope as MetricsFilter, whereInScope } from '@otklik/backend/src/responses/response-scope';

type ScoredResponse = { at: Date; score: number; scaleMax: number };

/** Today's row reads, as the service made them before issue 20: every scored row, and a count of the finished ones. */
class RowReads {
  constructor(private readonly db: DataSource) {}

  private scoped(scope: MetricsFilter, from: Date, to: Date) {
    return whereInScope(this.db.getRepository(ResponseEntity).createQueryBuilder('r'), scope).andWhere(
      'r.created_at >= :from AND r.created_at < :to',
      { from, to },
    );
  }

  scored(scope: MetricsFilter, from: Date, to: Date): Promise<ScoredResponse[]> {
    return this.scoped(scope, from, to)
      .select('r.created_at', 'at')
      .addSelect('r.score', 'score')
      .addSelect('r.score_scale_max', 'scaleMax')
      .andWhere('r.finished AND r.score IS NOT NULL')
      .getRawMany();
  }

  countFinished(scope: MetricsFilter, from: Date, to: Date): Promise<number> {
    return this.scoped(scope, from, to).andWhere('r.finished').getCount();
  }

  latestComments(scope: MetricsFilter, from: Date, to: Date, limit: number): Promise<LatestComment[]> {
    return this.scoped(scope, from, to)
      .select('r.id', 'id')
      .addSelect('r.survey_id', 'surveyId')
      .addSelect('r.score', 'score')
      .addSelect('r.comment', 'comment')
      .addSelect('r.language', 'language')
      .addSelect('r.created_at', 'createdAt')
      .andWhere('r.comment IS NOT NULL')
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit)
      .getRawMany();
  }
}

const DEFAULT_DAYS = 30;

/** Summaries of one kind, so NPS, CSAT and CES each use their own formula (from ../metrics). */
interface KindSummary {
  nps?: NpsSummary;
  csat?: CsatSummary;
  ces?: CesSummary;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

function summarise(kind: SurveyKind, rows: ScoredResponse[]): KindSummary {
  if (kind === 'nps') {
    const nps = npsSummary(rows.map((r) => r.score));
    return { nps, value: nps.nps, lower: nps.interval?.lower ?? null, upper: nps.interval?.upper ?? null };
  }
  if (kind === 'csat') {
    const csat = csatSummary(rows.map((r) => r.score));
    return { csat, value: csat.csat, lower: csat.interval?.lower ?? null, upper: csat.interval?.upper ?? null };
  }
  if (kind === 'ces') {
    const ces = cesSummary(rows.map((r) => ({ score: r.score, scaleMax: (r.scaleMax === 5 ? 5 : 7) as CesScale })));
    return { ces, value: ces.agree.percent, lower: ces.agree.interval?.lower ?? null, upper: ces.agree.interval?.upper ?? null };
  }
  return { value: null, lower: null, upper: null };
}

function distribution(kind: SurveyKind, rows: ScoredResponse[]) {
  if (kind === 'nps') return npsDistribution(rows.map((r) => r.score)).bins;
  if (kind === 'ces') {
    const byScale = cesDistribution(rows.map((r) => ({ score: r.score, scaleMax: (r.scaleMax === 5 ? 5 : 7) as CesScale })));
    return (byScale[7] ?? byScale[5])?.bins ?? [];
  }
  const max = rows.reduce((m, r) => Math.max(m, r.scaleMax), kind === 'csat' ? 5 : 0);
  return max > 0
    ? ratingDistribution(
        rows.map((r) => r.score),
        max,
      ).bins
    : [];
}

/**
 * The survey metrics service as it was before issue 20 (it read every scored row into Node and used the array
 * versions of the statistics), kept only for tests: the SQL path must give exactly this DTO on the same data.
 */
export class RowBasedSurveyMetrics {
  private readonly rows: RowReads;

  constructor(
    db: DataSource,
    private readonly surveys: SurveysReader,
    private readonly segments: SegmentsReader,
  ) {
    this.rows = new RowReads(db);
  }

  async forSurvey(workspaceId: string, surveyId: string, query: MetricsQuery): Promise<SurveyMetricsDto> {
    const survey = await this.surveys.findById(workspaceId, surveyId);
    if (!survey) throw notFound('Survey');
    const segmentFilter = await this.segments.optionalFilter(workspaceId, query.segmentId);
    return this.compute(
      survey.kind,
      { workspaceId, surveyIds: [surveyId], language: query.language, segment: query.segment, segmentFilter },
      query,
    );
  }

  /** One kind across the workspace's surveys (optionally one touchpoint's), e.g. company-wide NPS. */
  async forKind(workspaceId: string, kind: 'nps' | 'csat' | 'ces', query: KindMetricsQuery): Promise<SurveyMetricsDto> {
    const segmentFilter = await this.segments.optionalFilter(workspaceId, query.segmentId);
    const surveyIds = await this.surveys.idsOfKind(workspaceId, kind, query.touchpoint);
    return this.compute(kind, { workspaceId, surveyIds, language: query.language, segment: query.segment, segmentFilter }, query);
  }

  private async compute(kind: SurveyKind, filter: MetricsFilter, query: MetricsQuery): Promise<SurveyMetricsDto> {
    const { from, to, timeZone } = resolvePeriod(query, DEFAULT_DAYS);
    const interval = query.interval ?? 'day';
    const previous = previousPeriod({ from, to });

    const [rows, previousRows, responses, previousResponses, displays, previousDisplays, comments] = await Promise.all([
      this.rows.scored(filter, from, to),
      this.rows.scored(filter, previous.from, previous.to),
      this.rows.countFinished(filter, from, to),
      this.rows.countFinished(filter, previous.from, previous.to),
      // Displays are not tied to a language, segment or customer, so only the survey and period filter them.
      this.surveys.countDisplays(filter.workspaceId, filter.surveyIds, from, to),
      this.surveys.countDisplays(filter.workspaceId, filter.surveyIds, previous.from, previous.to),
      this.rows.latestComments(filter, from, to, 10),
    ]);

    const current = summarise(kind, rows);
    const before = summarise(kind, previousRows);
    let series: SeriesPointDto[];
    try {
      series = timeSeries(rows, { from, to, interval, timeZone, maxBuckets: 1000 }, (items) => summarise(kind, items)).map((point) => ({
        key: point.key,
        label: point.label,
        start: point.start.toISOString(),
        end: point.end.toISOString(),
        n: point.count,
        value: point.value.value,
        lower: point.value.lower,
        upper: point.value.upper,
      }));
    } catch (error) {
      if (error instanceof RangeError) {
        throw validationError([{ field: 'interval', message: 'too many points: choose a longer interval or a shorter period' }]);
      }
      throw error;
    }

    return {
      kind,
      period: { from: from.toISOString(), to: to.toISOString() },
      previousPeriod: { from: previous.from.toISOString(), to: previous.to.toISOString() },
      interval,
      timeZone,
      summary: this.summaryDto(kind, current, rows, responses, displays),
      previous: this.summaryDto(kind, before, previousRows, previousResponses, previousDisplays),
      comparison: this.comparison(current, before),
      series,
      latestComments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    };
  }

  private summaryDto(kind: SurveyKind, s: KindSummary, rows: ScoredResponse[], responses: number, displays: number): MetricsSummaryDto {
    const dto: MetricsSummaryDto = {
      responses,
      displays,
      responseRate: responseRate(responses, displays).percent,
      distribution: distribution(kind, rows),
    };
    if (s.nps) {
      const { n, promoters, passives, detractors, nps, marginOfError, interval } = s.nps;
      dto.nps = { n, promoters, passives, detractors, nps, marginOfError, interval };
    }
    if (s.csat) {
      const { n, satisfied, csat, marginOfError, interval } = s.csat;
      dto.csat = { n, satisfied, csat, marginOfError, interval };
    }
    if (s.ces) {
      dto.ces = {
        n: s.ces.n,
        agree: s.ces.agree.count,
        agreePercent: s.ces.agree.percent,
        agreeInterval: s.ces.agree.interval ?? null,
        means: ([5, 7] as const)
          .map((scale) => s.ces!.byScale[scale])
          .filter((m) => m !== null)
          .map((m) => ({ scaleMax: m!.scaleMax, n: m!.n, mean: m!.mean, marginOfError: m!.marginOfError })),
      };
    }
    return dto;
  }

  private comparison(current: KindSummary, previous: KindSummary): ComparisonDto | null {
    let metric: string;
    let result: Comparison;
    if (current.nps && previous.nps) [metric, result] = ['nps', compareNps(current.nps, previous.nps)];
    else if (current.csat && previous.csat) [metric, result] = ['csat', compareCsat(current.csat, previous.csat)];
    else if (current.ces && previous.ces) [metric, result] = ['ces_agree', compareCesAgree(current.ces, previous.ces)];
    else return null;
    const { current: now, previous: before, change, pValue, significant, reason, minN } = result;
    return { metric, current: now, previous: before, change, pValue, significant, reason, minN };
  }
}
