import { Injectable } from '@nestjs/common';
import type { TouchpointCaseFigures, TouchpointCaseStats } from '../touchpoints/case-stats.port';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { CasesRepository } from './cases.repository';
import { percentOf } from './reports/case-report-formulas';
import { CaseReportsService } from './reports/case-reports.service';

/**
 * How long a workspace's compliance is reused while its cases and SLA policies are unchanged: measuring 90 days of
 * cases took ~1 s at 50,000 cases, and the map is opened often. Only the passing of time (a running timer turning
 * late, the 90-day window moving) can go unseen, for at most this long.
 */
const COMPLIANCE_TTL_MS = 30_000;
const MAX_CACHED_WORKSPACES = 1000;

interface CachedCompliance {
  /** Cases and policies as they were: any change made through the app moves a count or an updated_at. */
  version: string;
  expiresAt: number;
  compliance: Map<string, number | null>;
}

/**
 * Case figures per touchpoint for the journey map (the touchpoints module looks this up by TOUCHPOINT_CASE_STATS).
 * Compliance is the case reports' own, over the same 90 days, so the map and Cases → Reports never disagree:
 * met timers / timers with a known outcome, first response and resolution together.
 */
@Injectable()
export class CaseStatsProvider implements TouchpointCaseStats {
  private readonly cache = new Map<string, CachedCompliance>();

  constructor(
    private readonly cases: CasesRepository,
    private readonly touchpoints: TouchpointsReader,
    private readonly reports: CaseReportsService,
  ) {}

  async statsByTouchpoint(workspaceId: string): Promise<Map<string, TouchpointCaseFigures>> {
    // Every case of the workspace, cases without a touchpoint too, so moving a case off a touchpoint changes the version
    // (updated_at as text: microseconds, which a Date would round to milliseconds).
    // Breaches count while open or for cases opened in the last 90 days (the window compliance is measured over).
    const rows = await this.cases.versionByTouchpoint(workspaceId);
    const policies = await this.touchpoints.policiesVersion(workspaceId);
    const version = JSON.stringify([rows.map((r) => [r.touchpointId, r.cases, r.updatedAt]).sort(), policies.policies, policies.updatedAt]);
    const compliance = await this.compliance(workspaceId, version);
    return new Map(
      rows
        .filter((r) => r.touchpointId !== null)
        .map((r) => [r.touchpointId!, { open: r.open, breached: r.breached, compliance: compliance.get(r.touchpointId!) ?? null }]),
    );
  }

  /** Met / measured timers per touchpoint from the case report, reused while the version holds and for COMPLIANCE_TTL_MS. */
  private async compliance(workspaceId: string, version: string): Promise<Map<string, number | null>> {
    const now = Date.now();
    const hit = this.cache.get(workspaceId);
    if (hit && hit.version === version && hit.expiresAt > now) return hit.compliance;
    const report = await this.reports.report(workspaceId, { groupBy: 'touchpoint' });
    const compliance = new Map(
      report.groups
        .filter((g) => g.key !== null)
        .map((g) => [g.key!, percentOf(g.firstResponse.met + g.resolution.met, g.firstResponse.measured + g.resolution.measured)]),
    );
    if (this.cache.size >= MAX_CACHED_WORKSPACES) this.cache.clear();
    this.cache.set(workspaceId, { version, expiresAt: now + COMPLIANCE_TTL_MS, compliance });
    return compliance;
  }
}
