import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WebhookEvents } from '../../webhooks/webhook-events';
import { MentionsRepository } from '../mentions.repository';
import { daysBefore, judgeSpike, type SpikeSettings } from './spike-rule';

export interface SpikeAlertRow {
  id: string;
  day: string;
  negativeCount: number;
  baseline: number;
  factor: number;
  createdAt: Date;
}

/** Records a spike alert at most once per day and announces it to webhooks (`spike.alert`). */
@Injectable()
export class SpikeAlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mentions: MentionsRepository,
    private readonly events: WebhookEvents,
  ) {}

  async settings(workspaceId: string): Promise<SpikeSettings> {
    const [row] = await this.dataSource.query(
      `SELECT mention_spike_factor AS factor, mention_spike_min_count AS "minCount", mention_spike_baseline_days AS "baselineDays"
         FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    return row;
  }

  async updateSettings(workspaceId: string, settings: SpikeSettings): Promise<SpikeSettings> {
    await this.dataSource.query(
      `UPDATE workspaces SET mention_spike_factor = $2, mention_spike_min_count = $3, mention_spike_baseline_days = $4 WHERE id = $1`,
      [workspaceId, settings.factor, settings.minCount, settings.baselineDays],
    );
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
      const verdict = judgeSpike(counts.get(day) ?? 0, previous.map((d) => counts.get(d) ?? 0), settings);
      if (!verdict.spike) continue;
      const alert = await this.dataSource.transaction(async (manager) => {
        const [row]: SpikeAlertRow[] = await manager.query(
          `INSERT INTO mention_alerts (workspace_id, kind, day, negative_count, baseline, factor)
           VALUES ($1, 'spike', $2, $3, $4, $5) ON CONFLICT (workspace_id, kind, day) DO NOTHING
           RETURNING id, to_char(day, 'YYYY-MM-DD') AS day, negative_count AS "negativeCount", baseline, factor, created_at AS "createdAt"`,
          [workspaceId, day, verdict.count, verdict.baseline, settings.factor],
        );
        if (row) {
          await this.events.publish(workspaceId, 'spike.alert', {
            alertId: row.id, day, negativeCount: verdict.count, baseline: verdict.baseline, factor: settings.factor, threshold: verdict.threshold,
          }, manager);
        }
        return row;
      });
      if (alert) raised.push(alert);
    }
    return raised;
  }

  list(workspaceId: string, limit = 100): Promise<SpikeAlertRow[]> {
    return this.dataSource.query(
      `SELECT id, to_char(day, 'YYYY-MM-DD') AS day, negative_count AS "negativeCount", baseline, factor, created_at AS "createdAt"
         FROM mention_alerts WHERE workspace_id = $1 ORDER BY day DESC LIMIT $2`,
      [workspaceId, limit],
    );
  }
}
