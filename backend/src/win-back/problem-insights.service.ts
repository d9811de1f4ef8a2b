import { Injectable } from '@nestjs/common';
import { CasesReader } from '../cases/cases.reader';
import { ChurnReader } from '../churn/churn.reader';
import { ClustersReader } from '../complaints/clusters.reader';
import { SurveyMetricsService } from '../survey-metrics/survey-metrics.service';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import type { RecoveryProblemEntity } from './recovery-problem.entity';
import { RecoveryProblemsRepository } from './recovery-problems.repository';
import type { ScoreCompareDto, WeekCountDto } from './win-back.dto';
import { COMPARE_WEEKS } from './win-back-rules';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Before and after a fix: the problem's weekly volume and the touchpoint's score over equal periods either side. */
@Injectable()
export class ProblemInsightsService {
  constructor(
    private readonly clusters: ClustersReader,
    private readonly churn: ChurnReader,
    private readonly cases: CasesReader,
    private readonly problems: RecoveryProblemsRepository,
    private readonly touchpoints: TouchpointsReader,
    private readonly metrics: SurveyMetricsService,
  ) {}

  volumeOf(problem: RecoveryProblemEntity): 'texts' | 'cancellations' | 'cases' {
    return problem.kind === 'cluster' ? 'texts' : problem.kind === 'churn_reason' ? 'cancellations' : 'cases';
  }

  /** 16 weeks around the fix (weeks without any are zero; weeks still in the future are left out). */
  async volume(workspaceId: string, problem: RecoveryProblemEntity): Promise<WeekCountDto[]> {
    if (!problem.fixedAt) return [];
    const at = problem.fixedAt;
    const counts =
      problem.kind === 'cluster'
        ? await this.clusters.weeklyVolumeAround(workspaceId, problem.clusterId!, at, COMPARE_WEEKS)
        : problem.kind === 'churn_reason'
          ? await this.churn.weeklyCancellationsAround(workspaceId, problem.churnReasonKey!, at, COMPARE_WEEKS)
          : await this.cases.weeklyOpenedAround(
              workspaceId,
              { caseIds: await this.problems.linkedCaseIds(workspaceId, problem.id) },
              at,
              COMPARE_WEEKS,
            );
    const byWeek = new Map(counts.map((c) => [c.week, c.count]));
    const weeksSince = Math.floor((Date.now() - at.getTime()) / WEEK_MS);
    const weeks: WeekCountDto[] = [];
    for (let week = -COMPARE_WEEKS; week < COMPARE_WEEKS && week <= weeksSince; week += 1)
      weeks.push({ week, count: byWeek.get(week) ?? 0 });
    return weeks;
  }

  /**
   * The touchpoint's NPS (else CSAT) from the fix until now (at most 8 weeks) against the same length before it,
   * through the survey metrics (the comparison's previous period is exactly the period before).
   */
  async score(workspaceId: string, problem: RecoveryProblemEntity): Promise<ScoreCompareDto | null> {
    if (!problem.fixedAt || !problem.touchpointId) return null;
    const touchpointName = (await this.touchpoints.namesOf(workspaceId, [problem.touchpointId])).get(problem.touchpointId) ?? null;
    if (!touchpointName) return null;
    const from = problem.fixedAt;
    const to = new Date(Math.min(Date.now(), from.getTime() + COMPARE_WEEKS * WEEK_MS));
    if (to.getTime() - from.getTime() < 3600_000) return null;
    let fallback: ScoreCompareDto | null = null;
    for (const metric of ['nps', 'csat'] as const) {
      const result = await this.metrics.forKind(workspaceId, metric, {
        touchpoint: touchpointName,
        from: from.toISOString(),
        to: to.toISOString(),
        interval: 'week',
      });
      const value = (s: typeof result.summary) => (metric === 'nps' ? (s.nps?.nps ?? null) : (s.csat?.csat ?? null));
      const dto: ScoreCompareDto = {
        metric,
        before: value(result.previous),
        after: value(result.summary),
        responsesBefore: result.previous.responses,
        responsesAfter: result.summary.responses,
        touchpointName,
      };
      if (dto.responsesBefore + dto.responsesAfter > 0) return dto;
      fallback ??= dto;
    }
    return fallback;
  }
}
