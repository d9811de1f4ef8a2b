import { Injectable } from '@nestjs/common';
import { type AvoidableSplit, reasonsByGroup, ReasonTallies } from '../../churn-metrics';
import { notFound } from '../../common/http/api-error';
import { resolvePeriod } from '../../common/http/period';
import { bucketEdges } from '../../metrics';
import { SegmentsReader } from '../../segments/segments.reader';
import { ChurnReasonsService } from '../churn-reasons.service';
import type {
  AvoidableCountsDto,
  ReasonBreakdownDto,
  ReasonBreakdownQuery,
  ReasonCommentsDto,
  ReasonCommentsQuery,
  ReasonsOverTimeDto,
  ReasonsOverTimeQuery,
} from './churn-analytics.dto';
import { ChurnAnalyticsRepository, type CancelledFlowRow } from './churn-analytics.repository';
import { ReasonCatalog } from './reason-catalog';

/** Default period of the reason reports: about six months. */
const REASON_DAYS = 183;
const REASON_KEY = /^[a-z0-9_]{1,60}$/;

const counts = (split: AvoidableSplit): AvoidableCountsDto => ({
  total: split.total,
  avoidable: split.avoidable.count,
  unavoidable: split.unavoidable.count,
  unknown: split.unknown.count,
  avoidablePercent: split.avoidable.percent,
  unavoidablePercent: split.unavoidable.percent,
  unknownPercent: split.unknown.percent,
});

/** Why customers leave: reasons per month, per segment/plan/touchpoint, and what they wrote. Numbers from ../../churn-metrics. */
@Injectable()
export class ReasonAnalyticsService {
  constructor(
    private readonly analytics: ChurnAnalyticsRepository,
    private readonly reasons: ChurnReasonsService,
    private readonly segments: SegmentsReader,
  ) {}

  private async catalog(workspaceId: string, language = 'en'): Promise<ReasonCatalog> {
    return new ReasonCatalog(await this.reasons.list(workspaceId), language);
  }

  async overTime(workspaceId: string, query: ReasonsOverTimeQuery): Promise<ReasonsOverTimeDto> {
    const { from, to, timeZone } = resolvePeriod(query, REASON_DAYS);
    const language = query.language ?? 'en';
    const inSegment = await this.segments.optionalFilter(workspaceId, query.segmentId);
    // Tallied in SQL per month and reason (ReasonTallies: the rules of reasonsByMonth, avoidableByMonth, reasonTotals
    // and avoidableSplit over the rows), so the report costs the same at any number of flows.
    const edges = bucketEdges({ from, to, interval: 'month', timeZone, maxBuckets: 60 });
    const [tallies, catalog] = await Promise.all([
      this.analytics.reasonTallies(
        workspaceId,
        from,
        to,
        edges.map((e) => new Date(e.start)),
        { segment: query.segment, plan: query.plan, touchpoint: query.touchpoint, inSegment },
      ),
      this.catalog(workspaceId, language),
    ]);
    const cancelled = new ReasonTallies(tallies);
    const months = cancelled.months(edges);
    const splits = cancelled.avoidableMonths(edges, catalog.avoidableByKey);
    const totals = cancelled.totals();
    const legend = catalog.ordered(totals.map((r) => r.reasonKey));
    const order = new Map(legend.map((r, i) => [r.key, i]));
    const byLegend = <T extends { reasonKey: string }>(cells: T[]) =>
      [...cells].sort((a, b) => order.get(a.reasonKey)! - order.get(b.reasonKey)!);

    return {
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone,
      language,
      reasons: legend,
      months: months.map((m, i) => ({
        label: m.label,
        start: m.start.toISOString(),
        end: m.end.toISOString(),
        total: m.total,
        reasons: byLegend(m.reasons).map((r) => ({ reasonKey: r.reasonKey, count: r.count, offered: r.offered, percent: r.percent })),
        avoidable: counts(splits[i].split),
      })),
      totals: { cancellations: cancelled.total, reasons: totals, avoidable: counts(cancelled.avoidable(catalog.avoidableByKey)) },
    };
  }

  async breakdown(workspaceId: string, query: ReasonBreakdownQuery): Promise<ReasonBreakdownDto> {
    const { from, to } = resolvePeriod(query, REASON_DAYS);
    const inSegment = await this.segments.optionalFilter(workspaceId, query.segmentId);
    const [rows, catalog] = await Promise.all([
      this.analytics.cancelledFlows(workspaceId, from, to, { inSegment }),
      this.catalog(workspaceId, query.language),
    ]);
    const groupOf = (row: CancelledFlowRow): string | null =>
      query.by === 'segment' ? row.segment : query.by === 'plan' ? row.plan : row.flowId;
    const flowNames = new Map(rows.map((r) => [r.flowId, r.flowName]));
    const groups = reasonsByGroup(rows.map((r) => ({ group: groupOf(r), reasonKey: r.reasonKey })));
    return {
      by: query.by,
      from: from.toISOString(),
      to: to.toISOString(),
      reasons: catalog.ordered(rows.map((r) => r.reasonKey)),
      groups: groups.map((g) => ({
        group: g.group,
        label: g.group === null ? null : query.by === 'touchpoint' ? (flowNames.get(g.group) ?? g.group) : g.group,
        total: g.total,
        reasons: g.reasons,
      })),
    };
  }

  async comments(workspaceId: string, reasonKey: string, query: ReasonCommentsQuery): Promise<ReasonCommentsDto> {
    if (!REASON_KEY.test(reasonKey)) throw notFound('Churn reason');
    const { from, to } = resolvePeriod(query, REASON_DAYS);
    const catalog = await this.catalog(workspaceId, query.language);
    if (!catalog.has(reasonKey)) throw notFound('Churn reason');
    const inSegment = await this.segments.optionalFilter(workspaceId, query.segmentId);
    const rows = await this.analytics.comments(workspaceId, reasonKey, from, to, query.limit ?? 20, inSegment);
    return {
      reason: catalog.entry(reasonKey),
      items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    };
  }
}
