import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TouchpointCaseFigures, TouchpointCaseStats } from '../touchpoints/case-stats.port';
import { percentOf } from './reports/case-report-formulas';
import { CaseReportsService } from './reports/case-reports.service';

/** How far back "recent" cases count for breaches and compliance on the journey map. */
const RECENT = `interval '90 days'`;
const BREACHED = `(breached_first_response_at IS NOT NULL OR breached_resolution_at IS NOT NULL)`;

/**
 * Case figures per touchpoint for the journey map (the touchpoints module looks this up by TOUCHPOINT_CASE_STATS).
 * Compliance is the case reports' own, over the same 90 days, so the map and Cases → Reports never disagree:
 * met timers / timers with a known outcome, first response and resolution together.
 */
@Injectable()
export class CaseStatsProvider implements TouchpointCaseStats {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: CaseReportsService,
  ) {}

  async statsByTouchpoint(workspaceId: string): Promise<Map<string, TouchpointCaseFigures>> {
    const rows: { touchpointId: string; open: number; breached: number }[] = await this.dataSource.query(
      `SELECT touchpoint_id AS "touchpointId",
              count(*) FILTER (WHERE status IN ('open', 'waiting_customer'))::int AS open,
              count(*) FILTER (WHERE ${BREACHED} AND (status IN ('open', 'waiting_customer') OR opened_at >= now() - ${RECENT}))::int AS breached
         FROM cases WHERE workspace_id = $1 AND touchpoint_id IS NOT NULL GROUP BY touchpoint_id`,
      [workspaceId],
    );
    const report = await this.reports.report(workspaceId, { groupBy: 'touchpoint' });
    const compliance = new Map(report.groups.filter((g) => g.key !== null).map((g) => [
      g.key!, percentOf(g.firstResponse.met + g.resolution.met, g.firstResponse.measured + g.resolution.measured),
    ]));
    return new Map(rows.map((r) => [r.touchpointId, { open: r.open, breached: r.breached, compliance: compliance.get(r.touchpointId) ?? null }]));
  }
}
