import { Injectable } from '@nestjs/common';
import { resolvePeriod, type Period } from '../../common/http/period';
import { readFromReplica } from '../../database/read-replica';
import { timeSeries } from '../../metrics';
import { SegmentsReader } from '../../segments/segments.reader';
import { SLA_PRIORITIES, targetFor, workingDayMinutes } from '../../sla/clock';
import { CaseSlaService } from '../case-sla.service';
import { clockOf, type EffectivePolicy } from '../case-timers';
import { auditMonths, type AuditMeasuredCase, type TouchpointMonthCases } from './case-audit-months';
import type { CaseRow } from '../cases.repository';
import { measureCase } from './case-measurement';
import { caseFigures, MeasuredCase } from './case-report-formulas';
import {
  CaseReportDto,
  CaseReportFilterQuery,
  CaseReportGroupBy,
  CaseReportGroupDto,
  CaseReportQuery,
  CaseReportSeriesDto,
  CaseReportSeriesQuery,
} from './case-reports.dto';
import { CaseReportsRepository, ReportCaseRow } from './case-reports.repository';

/** Default period: the same 90 days the journey map's compliance looks at. */
const DEFAULT_DAYS = 90;
/** Weeks over three years, with room: a guard, resolvePeriod already caps the period. */
const MAX_BUCKETS = 200;

/** A measured case with its row (for grouping) and `at` = openedAt (for timeSeries, so no copy is needed). */
type Measured = MeasuredCase & { row: ReportCaseRow; at: Date };

interface Group {
  key: string | null;
  label: string | null;
  cases: Measured[];
}

/**
 * SLA reports over cases: compliance per timer, median/p90 times, breaches, follow-up CSAT next to resolution
 * time, and the closed-loop rate — per touchpoint, owner, channel, priority or month, and over time. Each case is
 * measured against its own policy (the one it opened under, as the timers are), in SLA time.
 */
@Injectable()
export class CaseReportsService {
  constructor(
    private readonly repository: CaseReportsRepository,
    private readonly sla: CaseSlaService,
    private readonly segments: SegmentsReader,
  ) {}

  async report(workspaceId: string, query: CaseReportQuery, now = new Date()): Promise<CaseReportDto> {
    const groupBy = query.groupBy ?? 'touchpoint';
    const { period, cases } = await this.measured(workspaceId, query, now);
    const groups = groupBy === 'month' ? this.byMonth(cases, period) : sortGroups(groupCases(cases, groupBy), groupBy);
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      timeZone: period.timeZone,
      groupBy,
      asOf: now.toISOString(),
      totals: caseFigures(cases),
      groups: groups.map((g): CaseReportGroupDto => ({ key: g.key, label: g.label, ...caseFigures(g.cases) })),
    };
  }

  async series(workspaceId: string, query: CaseReportSeriesQuery, now = new Date()): Promise<CaseReportSeriesDto> {
    const interval = query.interval ?? 'week';
    const { period, cases } = await this.measured(workspaceId, query, now);
    const points = timeSeries(cases, { ...period, interval, maxBuckets: MAX_BUCKETS }, (items) => caseFigures(items));
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      timeZone: period.timeZone,
      interval,
      asOf: now.toISOString(),
      points: points.map((p) => ({ label: p.label, start: p.start.toISOString(), end: p.end.toISOString(), ...p.value })),
    };
  }

  /**
   * The traffic-light audit's case measures: per touchpoint and calendar month of `timeZone` in [from, to), the
   * cases opened, median first response (SLA minutes), median resolution (working days of each case's calendar),
   * reopened and breached cases. Measured as the reports measure (business time needs each case's calendar).
   */
  async auditMonths(
    workspaceId: string,
    period: { from: Date; to: Date; timeZone: string },
    now = new Date(),
  ): Promise<TouchpointMonthCases[]> {
    const rows = (await this.repository.cases(workspaceId, { from: period.from, to: period.to })).filter((r) => r.touchpointId !== null);
    const policies = await this.policies(workspaceId, rows);
    const cases = rows.map((row): AuditMeasuredCase => {
      const sla = policies.get(row.slaPolicyId)!;
      const measured = measureCase(row, sla, now);
      const dayMinutes = workingDayMinutes(clockOf(targetFor(sla.policy, row.priority, row.channel), sla));
      const minutes = measured.resolution.minutes;
      return {
        ...measured,
        at: measured.openedAt,
        touchpointId: row.touchpointId!,
        reopened: row.reopened,
        resolutionDays: minutes === null || dayMinutes <= 0 ? null : minutes / dayMinutes,
      };
    });
    return auditMonths(cases, period);
  }

  /** The period's cases, each measured against its policy. */
  private async measured(workspaceId: string, query: CaseReportFilterQuery, now: Date): Promise<{ period: Period; cases: Measured[] }> {
    const period = resolvePeriod(query, DEFAULT_DAYS);
    const inSegment = await this.segments.optionalFilter(workspaceId, query.segmentId);
    // The period's cases on the read replica when there is one; the segment and the SLA policies from the primary.
    const rows = await readFromReplica(() =>
      this.repository.cases(workspaceId, {
        from: period.from,
        to: period.to,
        touchpointId: query.touchpoint,
        owner: query.owner,
        channel: query.channel,
        priority: query.priority,
        inSegment,
      }),
    );
    const policies = await this.policies(workspaceId, rows);
    const cases = rows.map((row) => {
      // Extended in place rather than spread: tens of thousands of cases per report.
      const measured = measureCase(row, policies.get(row.slaPolicyId)!, now) as Measured;
      measured.row = row;
      measured.at = measured.openedAt;
      return measured;
    });
    return { period, cases };
  }

  /** The policy of each distinct sla_policy_id, with the same fallbacks the timers use (CaseSlaService.forCase). */
  private async policies(workspaceId: string, rows: readonly ReportCaseRow[]): Promise<Map<string | null, EffectivePolicy>> {
    const map = new Map<string | null, EffectivePolicy>();
    for (const slaPolicyId of new Set(rows.map((r) => r.slaPolicyId))) {
      // forCase reads only slaPolicyId of the case.
      map.set(slaPolicyId, await this.sla.forCase(workspaceId, { slaPolicyId } as CaseRow));
    }
    return map;
  }

  /** One group per calendar month of the period (empty months too), by the month a case opened in. */
  private byMonth(cases: Measured[], period: Period): Group[] {
    return timeSeries(cases, { ...period, interval: 'month', maxBuckets: MAX_BUCKETS }, (items) => items).map((p) => ({
      key: p.label,
      label: p.label,
      cases: p.value,
    }));
  }
}

const GROUP_OF: Record<Exclude<CaseReportGroupBy, 'month'>, (r: ReportCaseRow) => { key: string | null; label: string | null }> = {
  touchpoint: (r) => ({ key: r.touchpointId, label: r.touchpointName }),
  owner: (r) => ({ key: r.ownerId, label: r.ownerName }),
  channel: (r) => ({ key: r.channel, label: r.channel }),
  priority: (r) => ({ key: r.priority, label: r.priority }),
};

function groupCases(cases: Measured[], groupBy: Exclude<CaseReportGroupBy, 'month'>): Group[] {
  const groups = new Map<string | null, Group>();
  for (const c of cases) {
    const { key, label } = GROUP_OF[groupBy](c.row);
    const group = groups.get(key) ?? { key, label, cases: [] };
    group.cases.push(c);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Priorities urgent → low; otherwise most cases first, then by name; the null group (no touchpoint, unassigned) last. */
function sortGroups(groups: Group[], groupBy: CaseReportGroupBy): Group[] {
  const rank = (g: Group) => (SLA_PRIORITIES as readonly string[]).indexOf(g.key ?? '');
  return groups.sort((a, b) => {
    if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    if (groupBy === 'priority') return rank(a) - rank(b);
    return b.cases.length - a.cases.length || (a.label ?? '').localeCompare(b.label ?? '') || (a.key ?? '').localeCompare(b.key ?? '');
  });
}
