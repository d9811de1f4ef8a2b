import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { BusinessCalendar, SlaClockMode, SlaRules } from '../sla/clock';
import type { SlaPolicyDto } from './sla-policies.dto';

/** What is stored for a policy (besides ids and timestamps). */
export interface SlaPolicyValues {
  name: string;
  clock: SlaClockMode;
  rules: SlaRules;
  calendar: BusinessCalendar;
  warnAtShare: number;
}

const COLUMNS = `p.id, p.name, p.is_default AS "isDefault", p.clock, p.rules, p.calendar, p.warn_at_share AS "warnAtShare",
  (SELECT count(*)::int FROM touchpoints t WHERE t.workspace_id = p.workspace_id AND t.sla_policy_id = p.id) AS "touchpointCount",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

@Injectable()
export class SlaPoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource;
  }

  /** Gives the workspace its default policy once (idempotent and race-safe through the one-default index). */
  async ensureDefault(workspaceId: string, values: SlaPolicyValues): Promise<void> {
    const found = await this.dataSource.query(`SELECT 1 FROM sla_policies WHERE workspace_id = $1 AND is_default`, [workspaceId]);
    if (found.length) return;
    await this.dataSource.query(
      `INSERT INTO sla_policies (workspace_id, name, is_default, clock, rules, calendar, warn_at_share)
       VALUES ($1, $2, true, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [workspaceId, values.name, values.clock, JSON.stringify(values.rules), JSON.stringify(values.calendar), values.warnAtShare],
    );
  }

  list(workspaceId: string): Promise<SlaPolicyDto[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM sla_policies p WHERE p.workspace_id = $1 ORDER BY p.is_default DESC, p.name`, [workspaceId]);
  }

  async find(workspaceId: string, id: string, manager?: EntityManager): Promise<SlaPolicyDto | null> {
    const rows = await this.q(manager).query(`SELECT ${COLUMNS} FROM sla_policies p WHERE p.workspace_id = $1 AND p.id = $2`, [workspaceId, id]);
    return rows[0] ?? null;
  }

  async findDefault(workspaceId: string): Promise<SlaPolicyDto | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM sla_policies p WHERE p.workspace_id = $1 AND p.is_default`, [workspaceId]);
    return rows[0] ?? null;
  }

  async nameTaken(workspaceId: string, name: string, exceptId: string | null): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM sla_policies WHERE workspace_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [workspaceId, name, exceptId],
    );
    return rows.length > 0;
  }

  /** The new id, or null when the name is taken. */
  async insert(workspaceId: string, values: SlaPolicyValues): Promise<string | null> {
    const rows = await this.dataSource.query(
      `INSERT INTO sla_policies (workspace_id, name, clock, rules, calendar, warn_at_share)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workspace_id, name) DO NOTHING RETURNING id`,
      [workspaceId, values.name, values.clock, JSON.stringify(values.rules), JSON.stringify(values.calendar), values.warnAtShare],
    );
    return rows[0]?.id ?? null;
  }

  async update(workspaceId: string, id: string, values: SlaPolicyValues, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE sla_policies SET name = $3, clock = $4, rules = $5, calendar = $6, warn_at_share = $7, updated_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, values.name, values.clock, JSON.stringify(values.rules), JSON.stringify(values.calendar), values.warnAtShare],
    );
  }

  /** Moves the default flag to `id` (clearing the old one first, as only one default may exist). */
  async makeDefault(workspaceId: string, id: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE sla_policies SET is_default = false, updated_at = now() WHERE workspace_id = $1 AND is_default AND id <> $2`, [workspaceId, id]);
    await manager.query(`UPDATE sla_policies SET is_default = true, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  }

  async reassignTouchpoints(workspaceId: string, fromId: string, toId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE touchpoints SET sla_policy_id = $3, updated_at = now() WHERE workspace_id = $1 AND sla_policy_id = $2`, [workspaceId, fromId, toId]);
  }

  async delete(workspaceId: string, id: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM sla_policies WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  }
}
