import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TouchpointCaseFigures, TouchpointCaseStats } from '../touchpoints/case-stats.port';

/** How far back "recent" cases count for breaches and compliance on the journey map. */
const RECENT = `interval '90 days'`;
const BREACHED = `(breached_first_response_at IS NOT NULL OR breached_resolution_at IS NOT NULL)`;

/**
 * Case figures per touchpoint for the journey map (the touchpoints module looks this up by TOUCHPOINT_CASE_STATS).
 * Compliance = recent cases whose outcome is known (closed, or already breached) that met every target.
 */
@Injectable()
export class CaseStatsProvider implements TouchpointCaseStats {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async statsByTouchpoint(workspaceId: string): Promise<Map<string, TouchpointCaseFigures>> {
    const rows: { touchpointId: string; open: number; breached: number; measured: number; met: number }[] = await this.dataSource.query(
      `SELECT touchpoint_id AS "touchpointId",
              count(*) FILTER (WHERE status IN ('open', 'waiting_customer'))::int AS open,
              count(*) FILTER (WHERE ${BREACHED} AND (status IN ('open', 'waiting_customer') OR opened_at >= now() - ${RECENT}))::int AS breached,
              count(*) FILTER (WHERE opened_at >= now() - ${RECENT} AND (status = 'closed' OR ${BREACHED}))::int AS measured,
              count(*) FILTER (WHERE opened_at >= now() - ${RECENT} AND status = 'closed' AND NOT ${BREACHED})::int AS met
         FROM cases WHERE workspace_id = $1 AND touchpoint_id IS NOT NULL GROUP BY touchpoint_id`,
      [workspaceId],
    );
    return new Map(rows.map((r) => [r.touchpointId, {
      open: r.open, breached: r.breached, compliance: r.measured > 0 ? Math.round((1000 * r.met) / r.measured) / 10 : null,
    }]));
  }
}
