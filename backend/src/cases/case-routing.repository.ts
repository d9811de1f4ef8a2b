import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { BusinessCalendar, SlaClockMode, SlaRules } from '../sla/clock';

/** What routing needs from a touchpoint (the touchpoints module owns the table). */
export interface RoutingTouchpoint {
  id: string;
  channel: string;
  ownerId: string | null;
  backupOwnerId: string | null;
  /** team_ids that are still members of the workspace, in stored order. */
  team: string[];
  slaPolicyId: string | null;
}

export interface PolicyRow {
  id: string;
  clock: SlaClockMode;
  rules: SlaRules;
  calendar: BusinessCalendar;
  warnAtShare: number;
  name: string;
}

const TOUCHPOINT_COLUMNS = `t.id, t.channel, t.owner_id AS "ownerId", t.backup_owner_id AS "backupOwnerId", t.sla_policy_id AS "slaPolicyId",
  ARRAY(SELECT m.user_id FROM unnest(t.team_ids) WITH ORDINALITY AS u(id, n)
          JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = u.id ORDER BY u.n) AS team`;

/** Reads touchpoints and SLA policies for routing and timers. */
@Injectable()
export class CaseRoutingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource;
  }

  async touchpoint(workspaceId: string, id: string, manager?: EntityManager): Promise<RoutingTouchpoint | null> {
    const rows = await this.q(manager).query(`SELECT ${TOUCHPOINT_COLUMNS} FROM touchpoints t WHERE t.workspace_id = $1 AND t.id = $2`, [workspaceId, id]);
    return rows[0] ?? null;
  }

  async touchpointIdByName(workspaceId: string, name: string): Promise<string | null> {
    const rows = await this.dataSource.query(`SELECT id FROM touchpoints WHERE workspace_id = $1 AND lower(name) = lower($2)`, [workspaceId, name]);
    return rows[0]?.id ?? null;
  }

  /** The first touchpoint (by map position) of a journey stage, e.g. 'left' for cancellations. */
  async touchpointIdByStage(workspaceId: string, stage: string): Promise<string | null> {
    const rows = await this.dataSource.query(`SELECT id FROM touchpoints WHERE workspace_id = $1 AND stage = $2 AND kind = 'business' ORDER BY position, name LIMIT 1`, [workspaceId, stage]);
    return rows[0]?.id ?? null;
  }

  /** The first touchpoint (by map position) on a channel, e.g. 'social' for mentions. */
  async touchpointIdByChannel(workspaceId: string, channel: string): Promise<string | null> {
    const rows = await this.dataSource.query(`SELECT id FROM touchpoints WHERE workspace_id = $1 AND channel = $2 AND kind = 'business' ORDER BY position, name LIMIT 1`, [workspaceId, channel]);
    return rows[0]?.id ?? null;
  }

  /** The touchpoint's policy, else the workspace default policy, else null (the code default applies). */
  async policy(workspaceId: string, policyId: string | null, manager?: EntityManager): Promise<PolicyRow | null> {
    const rows = await this.q(manager).query(
      `SELECT id, name, clock, rules, calendar, warn_at_share AS "warnAtShare" FROM sla_policies
        WHERE workspace_id = $1 AND (id = $2 OR is_default) ORDER BY (id = $2) DESC NULLS LAST LIMIT 1`,
      [workspaceId, policyId],
    );
    return rows[0] ?? null;
  }

  async policyById(workspaceId: string, policyId: string, manager?: EntityManager): Promise<PolicyRow | null> {
    const rows = await this.q(manager).query(
      `SELECT id, name, clock, rules, calendar, warn_at_share AS "warnAtShare" FROM sla_policies WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, policyId],
    );
    return rows[0] ?? null;
  }
}
