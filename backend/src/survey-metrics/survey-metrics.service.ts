import { Injectable } from '@nestjs/common';
import { notFound } from '../common/http/api-error';
import { resolvePeriod } from '../common/http/period';
import { validationError } from '../common/http/validation.pipe';
import { readFromReplica } from '../database/read-replica';
import {
  bucketEdges,
  type BucketEdge,
  cesDistributionFromCounts,
  cesFromCounts,
  CesSummary,
  Comparison,
  compareCesAgree,
  compareCsat,
  compareNps,
  csatFromCounts,
  CsatSummary,
  npsFromScoreCounts,
  NpsSummary,
  previousPeriod,
  responseRate,
  scoreDistributionFromCounts,
} from '../metrics';
import type { SurveyKind } from '@otklik/survey-model';
import { SegmentsReader } from '../segments/segments.reader';
import { SurveysReader } from '../surveys/surveys.reader';
import type {
  ComparisonDto,
  KindMetricsQuery,
  MetricsQuery,
  MetricsSummaryDto,
  SeriesPointDto,
  SurveyMetricsDto,
} from './survey-metrics.dto';
import { ResponsesReader, type ResponseScope as MetricsFilter } from '../responses/responses.reader';
import { type BucketScoreCount, ScoreCountsReader } from '../responses/score-counts.reader';

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

/** Finished, scored responses counted per score and scale (null: the response has none). */
type ScoredCount = { score: number; scaleMax: number | null; count: number };

/** CES answers without a 5-point scale are read as 1–7, as they always were. */
const onCesScale = (counts: ScoredCount[]) =>
  counts.map((c) => ({ score: c.score, count: c.count, scaleMax: c.scaleMax === 5 ? (5 as const) : (7 as const) }));

function summarise(kind: SurveyKind, counts: ScoredCount[]): KindSummary {
  if (kind === 'nps') {
    const nps = npsFromScoreCounts(counts);
    return { nps, value: nps.nps, lower: nps.interval?.lower ?? null, upper: nps.interval?.upper ?? null };
  }
  if (kind === 'csat') {
    const csat = csatFromCounts(counts);
    return { csat, value: csat.csat, lower: csat.interval?.lower ?? null, upper: csat.interval?.upper ?? null };
  }
  if (kind === 'ces') {
    const ces = cesFromCounts(onCesScale(counts));
    return { ces, value: ces.agree.percent, lower: ces.agree.interval?.lower ?? null, upper: ces.agree.interval?.upper ?? null };
  }
  return { value: null, lower: null, upper: null };
}

function distribution(kind: SurveyKind, counts: ScoredCount[]) {
  if (kind === 'nps') return scoreDistributionFromCounts(counts, 0, 10).bins;
  if (kind === 'ces') {
    const byScale = cesDistributionFromCounts(onCesScale(counts));
    return (byScale[7] ?? byScale[5])?.bins ?? [];
  }
  // The widest scale answered (a response without one counts as 0), at least 1–5 for CSAT.
  const max = counts.reduce((m, c) => Math.max(m, c.scaleMax ?? 0), kind === 'csat' ? 5 : 0);
  return max > 0 ? scoreDistributionFromCounts(counts, 1, max).bins : [];
}

/** A period's counts: all finished responses, and the scored ones per bucket. */
class PeriodCounts {
  responses = 0;
  readonly buckets: ScoredCount[][];

  constructor(bucketCount: number, counts: readonly BucketScoreCount[]) {
    this.buckets = Array.from({ length: bucketCount }, () => []);
    for (const { bucket, score, scaleMax, count } of counts) {
      this.responses += count;
      if (score !== null) this.buckets[bucket].push({ score, scaleMax, count });
    }
  }

  get scored(): ScoredCount[] {
    return this.buckets.flat();
  }
}

@Injectable()
export class SurveyMetricsService {
  constructor(
    private readonly responses: ResponsesReader,
    private readonly counts: ScoreCountsReader,
    private readonly surveys: SurveysReader,
    private readonly segments: SegmentsReader,
  ) {}

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

    let edges: BucketEdge[];
    try {
      edges = bucketEdges({ from, to, interval, timeZone, maxBuckets: 1000 });
    } catch (error) {
      if (error instanceof RangeError) {
        throw validationError([{ field: 'interval', message: 'too many points: choose a longer interval or a shorter period' }]);
      }
      throw error;
    }

    // Counts per bucket, score and scale come from SQL; the statistics are computed from them (see ../metrics).
    // The heavy reads, on the read replica when there is one (the survey and segment above came from the primary).
    const [now, before, displays, previousDisplays, comments] = await readFromReplica(() =>
      Promise.all([
        this.counts.byBucket(
          filter,
          from,
          to,
          edges.map((edge) => new Date(edge.start)),
        ),
        this.counts.byBucket(filter, previous.from, previous.to, [previous.from]),
        // Displays are not tied to a language, segment or customer, so only the survey and period filter them.
        this.surveys.countDisplays(filter.workspaceId, filter.surveyIds, from, to),
        this.surveys.countDisplays(filter.workspaceId, filter.surveyIds, previous.from, previous.to),
        this.responses.latestComments(filter, from, to, 10),
      ]),
    );
    const period = new PeriodCounts(edges.length, now);
    const previousCounts = new PeriodCounts(1, before);
    const rows = period.scored;
    const previousRows = previousCounts.scored;

    const current = summarise(kind, rows);
    const earlier = summarise(kind, previousRows);
    const series: SeriesPointDto[] = edges.map((edge, i) => {
      const value = summarise(kind, period.buckets[i]);
      return {
        key: edge.key,
        label: edge.label,
        start: new Date(edge.start).toISOString(),
        end: new Date(edge.end).toISOString(),
        n: period.buckets[i].reduce((n, c) => n + c.count, 0),
        value: value.value,
        lower: value.lower,
        upper: value.upper,
      };
    });

    return {
      kind,
      period: { from: from.toISOString(), to: to.toISOString() },
      previousPeriod: { from: previous.from.toISOString(), to: previous.to.toISOString() },
      interval,
      timeZone,
      summary: this.summaryDto(kind, current, rows, period.responses, displays),
      previous: this.summaryDto(kind, earlier, previousRows, previousCounts.responses, previousDisplays),
      comparison: this.comparison(current, earlier),
      series,
      latestComments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    };
  }

  private summaryDto(kind: SurveyKind, s: KindSummary, counts: ScoredCount[], responses: number, displays: number): MetricsSummaryDto {
    const dto: MetricsSummaryDto = {
      responses,
      displays,
      responseRate: responseRate(responses, displays).percent,
      distribution: distribution(kind, counts),
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
