import { Injectable } from '@nestjs/common';
import { WebhookEvents } from '../../webhooks/webhook-events';
import { WorkspaceSettingsService } from '../../workspaces/workspace-settings.service';
import { MentionsRepository } from '../mentions.repository';
import { MentionAlertsRepository, type SpikeAlertRow } from './mention-alerts.repository';
import { daysBefore, judgeSpike, type SpikeSettings } from './spike-rule';

export type { SpikeAlertRow };

/** Records a spike alert at most once per day and announces it to webhooks (`spike.alert`). */
@Injectable()
export class SpikeAlertsService {
  constructor(
    private readonly alerts: MentionAlertsRepository,
    private readonly mentions: MentionsRepository,
    private readonly events: WebhookEvents,
    private readonly workspaceSettings: WorkspaceSettingsService,
  ) {}

  settings(workspaceId: string): Promise<SpikeSettings> {
    return this.workspaceSettings.mentionSpikes(workspaceId);
  }

  async updateSettings(workspaceId: string, settings: SpikeSettings): Promise<SpikeSettings> {
    await this.workspaceSettings.setMentionSpikes(workspaceId, settings);
    return settings;
  }

  /** Checks the given UTC days (YYYY-MM-DD) after new negative mentions arrived; returns the alerts raised. */
  async check(workspaceId: string, days: string[]): Promise<SpikeAlertRow[]> {
    if (days.length === 0) return [];
    const settings = await this.settings(workspaceId);
    const raised: SpikeAlertRow[] = [];
    for (const day of [...new Set(days)].sort()) {
      const previous = daysBefore(day, settings.baselineDays);
      const counts = await this.mentions.negativePerDay(workspaceId, previous[0], day);
      const verdict = judgeSpike(
        counts.get(day) ?? 0,
        previous.map((d) => counts.get(d) ?? 0),
        settings,
      );
      if (!verdict.spike) continue;
      const alert = await this.alerts.transaction(async (manager) => {
        const row = await this.alerts.insertSpike(manager, workspaceId, {
          day,
          negativeCount: verdict.count,
          baseline: verdict.baseline,
          factor: settings.factor,
        });
        if (row) {
          await this.events.publish(
            workspaceId,
            'spike.alert',
            {
              alertId: row.id,
              day,
              negativeCount: verdict.count,
              baseline: verdict.baseline,
              factor: settings.factor,
              threshold: verdict.threshold,
            },
            manager,
          );
        }
        return row;
      });
      if (alert) raised.push(alert);
    }
    return raised;
  }

  list(workspaceId: string, limit = 100): Promise<SpikeAlertRow[]> {
    return this.alerts.list(workspaceId, limit);
  }
}
