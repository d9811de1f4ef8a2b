import { Injectable } from '@nestjs/common';
import { CaseReportsService } from '../cases/reports/case-reports.service';
import { ChurnSummaryService } from '../churn/churn-summary.service';
import type { Principal } from '../common/auth/principal';
import { resolvePeriod } from '../common/http/period';
import { CustomersReader } from '../customers/customers.reader';
import { MentionsService } from '../mentions/mentions.service';
import { SurveyMetricsService } from '../survey-metrics/survey-metrics.service';
import { assertMetricReadable } from './segment-breakdown-access';
import { SegmentFilter } from './segment-filter';
import type { BreakdownMetric, SegmentBreakdownDto, SegmentBreakdownRowDto } from './segments.dto';
import { SegmentsRepository } from './segments.repository';

type Figure = Pick<SegmentBreakdownRowDto, 'value' | 'n'>;

/**
 * One metric per saved segment and for all customers, side by side. Each figure comes from the service behind its
 * own page, called with the segment's id, so a row equals what that page shows with the segment picked.
 */
@Injectable()
export class SegmentBreakdownService {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly customers: CustomersReader,
    private readonly surveyMetrics: SurveyMetricsService,
    private readonly churn: ChurnSummaryService,
    private readonly cases: CaseReportsService,
    private readonly mentions: MentionsService,
  ) {}

  async breakdown(
    workspaceId: string,
    principal: Principal,
    metric: BreakdownMetric,
    query: { from?: string; to?: string },
  ): Promise<SegmentBreakdownDto> {
    assertMetricReadable(principal, metric);
    const period = resolvePeriod(query, 30);
    const range = { from: period.from.toISOString(), to: period.to.toISOString() };
    const saved = await this.segments.list(workspaceId);
    const targets = [
      { segmentId: null, name: null, filter: new SegmentFilter(workspaceId, []) },
      ...saved.map((s) => ({ segmentId: s.id, name: s.name, filter: new SegmentFilter(workspaceId, s.rules) })),
    ];
    // One segment at a time: each figure is a few queries already, and a report must not take the whole pool.
    const rows: SegmentBreakdownRowDto[] = [];
    for (const target of targets) {
      const [figure, customers] = await Promise.all([
        this.figure(workspaceId, metric, range, target.segmentId ?? undefined),
        this.customers.countInSegment(target.filter),
      ]);
      rows.push({ segmentId: target.segmentId, name: target.name, customers, ...figure });
    }
    return { metric, ...range, rows };
  }

  private async figure(
    workspaceId: string,
    metric: BreakdownMetric,
    range: { from: string; to: string },
    segmentId?: string,
  ): Promise<Figure> {
    const query = { ...range, segmentId };
    switch (metric) {
      case 'nps': {
        const nps = (await this.surveyMetrics.forKind(workspaceId, 'nps', query)).summary.nps;
        return { value: nps?.nps ?? null, n: nps?.n ?? 0 };
      }
      case 'csat': {
        const csat = (await this.surveyMetrics.forKind(workspaceId, 'csat', query)).summary.csat;
        return { value: csat?.csat ?? null, n: csat?.n ?? 0 };
      }
      case 'churn': {
        const { customerChurn } = await this.churn.get(workspaceId, query);
        return { value: customerChurn.percent, n: customerChurn.atStart };
      }
      case 'cases': {
        const { totals } = await this.cases.report(workspaceId, query);
        return { value: totals.cases, n: totals.cases };
      }
      case 'mentions': {
        const { totals } = await this.mentions.stats(workspaceId, { ...query, interval: 'month' });
        return { value: totals.total, n: totals.total };
      }
    }
  }
}
