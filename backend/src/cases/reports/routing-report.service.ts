import { Injectable } from '@nestjs/common';
import { resolvePeriod } from '../../common/http/period';
import { bucketEdges, roundTo } from '../../metrics';
import { HOP_REASONS } from '../routing/routing-reasons';
import { percentOf } from './case-report-formulas';
import { RoutingFiguresDto, RoutingGroupDto, RoutingReportDto, RoutingReportQuery, RoutingTouchpointDto } from './routing-report.dto';
import { HopExportRow, RoutingAggregateRow, RoutingReportRepository } from './routing-report.repository';

/** Default period: half a year, so the monthly trend has something to show. */
const DEFAULT_DAYS = 180;
/** Months over three years, with room: a guard, resolvePeriod already caps the period. */
const MAX_BUCKETS = 60;

const EMPTY: Omit<RoutingAggregateRow, 'dimension' | 'key' | 'label'> = {
  cases: 0,
  misrouted: 0,
  hops: 0,
  noHop: 0,
  oneHop: 0,
  twoHops: 0,
  threeOrMoreHops: 0,
  medianLostHours: null,
  meanLostHours: null,
  resolved: 0,
  firstContact: 0,
};

const round = (value: number | null, decimals: number) => (value === null ? null : roundTo(value, decimals));

/** Rates and means of one group's sums. */
export function routingFigures(row: Omit<RoutingAggregateRow, 'dimension' | 'key' | 'label'>): RoutingFiguresDto {
  return {
    cases: row.cases,
    misroutedCases: row.misrouted,
    misroutingRate: percentOf(row.misrouted, row.cases),
    hops: row.hops,
    hopsPerCase: row.cases > 0 ? roundTo(row.hops / row.cases, 2) : null,
    distribution: { none: row.noHop, one: row.oneHop, two: row.twoHops, threeOrMore: row.threeOrMoreHops },
    medianLostHours: round(row.medianLostHours, 1),
    meanLostHours: round(row.meanLostHours, 1),
    resolvedCases: row.resolved,
    firstContactResolved: row.firstContact,
    fcrRate: percentOf(row.firstContact, row.resolved),
  };
}

const byCasesThenLabel = (a: RoutingGroupDto, b: RoutingGroupDto) =>
  (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || b.cases - a.cases || (a.label ?? '').localeCompare(b.label ?? '');

/**
 * Misrouting: how often cases start at the wrong touchpoint or owner, how many moves they take, the time that costs
 * and how many are resolved where they first landed — overall, per routing rule, first touchpoint, source and month.
 */
@Injectable()
export class RoutingReportService {
  constructor(private readonly repository: RoutingReportRepository) {}

  async report(workspaceId: string, query: RoutingReportQuery): Promise<RoutingReportDto> {
    const period = resolvePeriod(query, DEFAULT_DAYS);
    const [rows, traffic, reasons] = await Promise.all([
      this.repository.aggregates(workspaceId, period),
      this.repository.touchpointTraffic(workspaceId, period),
      this.repository.reasons(workspaceId, period),
    ]);
    const of = (dimension: RoutingAggregateRow['dimension']) => rows.filter((r) => r.dimension === dimension);
    const groups = (dimension: RoutingAggregateRow['dimension']): RoutingGroupDto[] =>
      of(dimension)
        .map((r) => ({ key: r.key, label: r.label, ...routingFigures(r) }))
        .sort(byCasesThenLabel);
    const months = new Map(of('month').map((r) => [r.key, r]));
    const hopsByReason = new Map(reasons.map((r) => [r.reason, r.hops]));
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      timeZone: period.timeZone,
      totals: routingFigures(of('total')[0] ?? EMPTY),
      byRule: groups('rule'),
      bySource: groups('source'),
      touchpoints: this.touchpoints(of('touchpoint'), traffic),
      reasons: HOP_REASONS.map((reason) => ({ reason, hops: hopsByReason.get(reason) ?? 0 })),
      months: bucketEdges({ ...period, interval: 'month', maxBuckets: MAX_BUCKETS }).map((edge) => ({
        month: edge.label,
        ...routingFigures(months.get(edge.label) ?? EMPTY),
      })),
    };
  }

  hops(workspaceId: string, query: RoutingReportQuery): Promise<HopExportRow[]> {
    return this.repository.hops(workspaceId, resolvePeriod(query, DEFAULT_DAYS));
  }

  /** Cases opened at each touchpoint next to the misrouted hops it sent and received; most misrouted traffic first. */
  private touchpoints(
    opened: RoutingAggregateRow[],
    traffic: { touchpointId: string | null; name: string | null; sent: number; received: number }[],
  ): RoutingTouchpointDto[] {
    const rows = new Map<string | null, RoutingTouchpointDto>();
    const row = (touchpointId: string | null, name: string | null) => {
      const existing = rows.get(touchpointId);
      if (existing) return existing;
      const fresh = { touchpointId, name, cases: 0, misroutedCases: 0, misroutingRate: null, sent: 0, received: 0 };
      rows.set(touchpointId, fresh);
      return fresh;
    };
    for (const r of opened) Object.assign(row(r.key, r.label), { cases: r.cases, misroutedCases: r.misrouted });
    for (const t of traffic) Object.assign(row(t.touchpointId, t.name), { sent: t.sent, received: t.received });
    return [...rows.values()]
      .map((r) => ({ ...r, misroutingRate: percentOf(r.misroutedCases, r.cases) }))
      .sort(
        (a, b) =>
          (a.touchpointId === null ? 1 : 0) - (b.touchpointId === null ? 1 : 0) ||
          b.sent + b.received - (a.sent + a.received) ||
          b.cases - a.cases ||
          (a.name ?? '').localeCompare(b.name ?? ''),
      );
  }
}
