import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { inactiveCustomers } from '../churn-metrics';
import { spreadsheetSafe } from '../responses/csv-safety';
import type { InactiveCustomersDto } from './inactivity.dto';
import { WorkspaceSettingsService } from '../workspaces/workspace-settings.service';
import { InactivityRepository } from './inactivity.repository';

/**
 * Silent churn: most unhappy customers never cancel, they go quiet. "Sleeping" customers (half the
 * inactive period without activity) are listed for reactivation before they count as lost.
 */
@Injectable()
export class InactivityService {
  constructor(
    private readonly inactivity: InactivityRepository,
    private readonly workspaceSettings: WorkspaceSettingsService,
  ) {}

  async settings(workspaceId: string): Promise<{ inactiveDays: number }> {
    return { inactiveDays: await this.workspaceSettings.churnInactiveDays(workspaceId) };
  }

  async updateSettings(workspaceId: string, inactiveDays: number): Promise<{ inactiveDays: number }> {
    await this.workspaceSettings.setChurnInactiveDays(workspaceId, inactiveDays);
    return { inactiveDays };
  }

  async list(workspaceId: string, now = new Date()): Promise<InactiveCustomersDto> {
    const [days, rows] = await Promise.all([this.workspaceSettings.churnInactiveDays(workspaceId), this.inactivity.activity(workspaceId)]);
    const byId = new Map(rows.map((r) => [r.externalId, r]));
    const result = inactiveCustomers(rows, now, days);
    const entry = (e: { externalId: string; lastSeenAt: Date; daysInactive: number }) => ({
      externalId: e.externalId,
      name: byId.get(e.externalId)?.name ?? null,
      email: byId.get(e.externalId)?.email ?? null,
      lastSeenAt: e.lastSeenAt.toISOString(),
      daysInactive: e.daysInactive,
    });
    return {
      inactiveDays: days,
      sleepingDays: result.thresholds.sleepingDays,
      sleeping: result.sleeping.map(entry),
      lostByInactivity: result.lostByInactivity.map(entry),
      active: result.active,
      cancelled: result.cancelled,
    };
  }

  /** The sleeping list as CSV, for a reactivation campaign (UTF-8 BOM, formulas neutralised). */
  async sleepingCsv(workspaceId: string): Promise<string> {
    const { sleeping } = await this.list(workspaceId);
    const text = (v: string | null) => (v === null ? '' : spreadsheetSafe(v));
    return stringify(
      sleeping.map((s) => [s.externalId, text(s.name), text(s.email), s.lastSeenAt, s.daysInactive]),
      { bom: true, header: true, columns: ['external_id', 'name', 'email', 'last_seen_at', 'days_inactive'] },
    );
  }
}
