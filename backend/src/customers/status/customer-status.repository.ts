import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CustomerEntity } from '../customer.entity';
import type { ColourStatus, StatusChangeCause } from './colour-status';
import { CustomerStatusChangeEntity } from './customer-status-change.entity';
import { CustomerStatusRulesEntity } from './customer-status-rules.entity';
import { DEFAULT_STATUS_RULES, STATUS_RULES_IN_ORDER, type StatusRules } from './derive-colour-status';

/** One recorded move of a customer's effective status. */
export interface StatusChangeRow {
  externalId: string;
  fromStatus: ColourStatus | null;
  toStatus: ColourStatus;
  changedAt: Date;
  cause: StatusChangeCause;
  detail: string | null;
  actorId: string | null;
}

export type StoredStatusRules = StatusRules & { updatedAt: Date | null; updatedBy: string | null };

const RETURNED_CHANGE = `customer_external_id AS "externalId", from_status AS "fromStatus", to_status AS "toStatus",
  changed_at AS "changedAt", cause, detail, actor_id AS "actorId"`;

/** rule key → status, as SQL (constants from derive-colour-status.ts, not input). */
const STATUS_OF_RULE = `CASE d.rule ${STATUS_RULES_IN_ORDER.map(([rule, status]) => `WHEN '${rule}' THEN '${status}'`).join(' ')} END`;
const DAYS = (column: string) => `make_interval(secs => ${column} * 86400)`; // exact days in every session time zone

/**
 * The colour-status derivation for many customers at once (deriveColourStatus in SQL): locks the customers in id
 * order (fresh values under concurrent writers), derives, updates the effective status and stopped_at, and records a
 * change row for every move — plus the first row of a customer without history. $1 workspace, $2 external ids (null:
 * the whole workspace), $3 now, $4 cause, $5 actor.
 */
const RECOMPUTE_SQL = `
WITH rules AS (
  SELECT COALESCE(r.platinum_orders, ${DEFAULT_STATUS_RULES.platinumOrders}) AS platinum_orders,
         COALESCE(r.long_cooperation_days, ${DEFAULT_STATUS_RULES.longCooperationDays}) AS long_days,
         COALESCE(r.stopped_after_days, ${DEFAULT_STATUS_RULES.stoppedAfterDays}) AS stopped_days
  FROM (VALUES (1)) AS one (x) LEFT JOIN customer_status_rules r ON r.workspace_id = $1
),
locked AS (
  SELECT c.id, c.external_id, c.colour_status, c.status_override, c.status_override_reason, c.stopped_at, c.order_count,
         c.first_seen_at, c.offer_response, c.is_organisation, c.decision_maker, c.lifecycle_stage,
         COALESCE(c.consents -> 'marketing' -> 'granted' = 'true'::jsonb, false) AS marketing,
         COALESCE(c.last_order_at, c.last_seen_at) AS last_activity,
         EXISTS (SELECT 1 FROM customer_status_changes h WHERE h.workspace_id = $1 AND h.customer_external_id = c.external_id) AS has_history
  FROM customers c
  WHERE c.workspace_id = $1 AND ($2::varchar[] IS NULL OR c.external_id = ANY($2::varchar[]))
  ORDER BY c.id
  FOR UPDATE OF c
),
facts AS (
  SELECT l.*, r.platinum_orders, r.long_days,
         (l.order_count >= 1 AND l.last_activity < $3::timestamptz - ${DAYS('r.stopped_days')}) AS inactive
  FROM locked l CROSS JOIN rules r
),
stops AS (
  SELECT f.*, (f.lifecycle_stage = 'left' OR f.inactive) AS stopped,
         CASE WHEN f.lifecycle_stage = 'left' OR f.inactive
              THEN COALESCE(f.stopped_at, CASE WHEN f.inactive THEN f.last_activity ELSE $3::timestamptz END) END AS new_stopped_at
  FROM facts f
),
derived AS (
  SELECT s.*,
    CASE
      WHEN s.stopped AND s.order_count >= s.platinum_orders AND s.new_stopped_at - s.first_seen_at >= ${DAYS('s.long_days')}
        THEN 'stopped_long_cooperation'
      WHEN s.stopped AND s.order_count >= 1 THEN 'stopped_buyer'
      WHEN s.offer_response = 'declined' AND s.order_count = 0 THEN 'offer_declined'
      WHEN s.order_count >= s.platinum_orders THEN 'platinum_orders'
      WHEN s.order_count >= 1 THEN 'ordered'
      WHEN s.offer_response = 'requested' THEN 'offer_requested'
      WHEN s.marketing THEN 'marketing_consent'
      WHEN s.offer_response = 'interested' THEN 'offer_interested'
      WHEN s.is_organisation AND s.decision_maker IS NULL THEN 'no_decision_maker'
      ELSE 'in_base'
    END AS rule
  FROM stops s
),
decided AS (
  SELECT d.*, COALESCE(d.status_override, ${STATUS_OF_RULE}) AS new_status FROM derived d
),
updated AS (
  UPDATE customers c SET colour_status = d.new_status, stopped_at = d.new_stopped_at
  FROM decided d
  WHERE c.workspace_id = $1 AND c.id = d.id
    AND (c.colour_status IS DISTINCT FROM d.new_status OR c.stopped_at IS DISTINCT FROM d.new_stopped_at)
  RETURNING c.id
)
INSERT INTO customer_status_changes (workspace_id, customer_external_id, from_status, to_status, cause, detail, actor_id)
SELECT $1, d.external_id, CASE WHEN d.has_history THEN d.colour_status END, d.new_status,
       CASE WHEN d.status_override IS NULL THEN $4 ELSE 'override' END,
       CASE WHEN d.status_override IS NULL THEN d.rule ELSE d.status_override_reason END, $5::uuid
FROM decided d
WHERE NOT d.has_history OR d.colour_status <> d.new_status
ORDER BY d.id
RETURNING ${RETURNED_CHANGE}`;

/** Sets an override (locking the customer) and records the move; found=false when there is no such customer. */
const OVERRIDE_SQL = `
WITH locked AS (
  SELECT c.id, c.colour_status,
         EXISTS (SELECT 1 FROM customer_status_changes h WHERE h.workspace_id = $1 AND h.customer_external_id = c.external_id) AS has_history
  FROM customers c WHERE c.workspace_id = $1 AND c.external_id = $2 FOR UPDATE
),
updated AS (
  UPDATE customers c SET status_override = $3, status_override_reason = $4, status_override_by = $5::uuid,
                         status_override_at = now(), colour_status = $3
  FROM locked l WHERE c.workspace_id = $1 AND c.id = l.id
  RETURNING c.id
),
inserted AS (
  INSERT INTO customer_status_changes (workspace_id, customer_external_id, from_status, to_status, cause, detail, actor_id)
  SELECT $1, $2, CASE WHEN l.has_history THEN l.colour_status END, $3, 'override', $4, $5::uuid
  FROM locked l WHERE NOT l.has_history OR l.colour_status <> $3
  RETURNING ${RETURNED_CHANGE}
)
SELECT (SELECT count(*) FROM locked)::int AS found, i.* FROM (SELECT 1) AS one LEFT JOIN inserted i ON true`;

/** Colour statuses and their history: SQL owned by the customers module. */
@Injectable()
export class CustomerStatusRepository {
  constructor(
    @InjectRepository(CustomerStatusRulesEntity) private readonly rulesRepo: Repository<CustomerStatusRulesEntity>,
    @InjectRepository(CustomerStatusChangeEntity) private readonly changes: Repository<CustomerStatusChangeEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.changes.manager.transaction(work);
  }

  /** Derives and stores the status of these customers (null: all of the workspace); returns the moves recorded. */
  async recompute(
    workspaceId: string,
    externalIds: readonly string[] | null,
    how: { cause: StatusChangeCause; actorId: string | null; now: Date },
    manager: EntityManager,
  ): Promise<StatusChangeRow[]> {
    const rows: StatusChangeRow[] = await manager.query(RECOMPUTE_SQL, [workspaceId, externalIds, how.now, how.cause, how.actorId]);
    return rows;
  }

  /** Pins a customer's status; null when there is no such customer, else the move (null when it did not move). */
  async setOverride(
    workspaceId: string,
    externalId: string,
    override: { status: ColourStatus; reason: string; actorId: string | null },
    manager: EntityManager,
  ): Promise<{ change: StatusChangeRow | null } | null> {
    const [row]: (Partial<StatusChangeRow> & { found: number })[] = await manager.query(OVERRIDE_SQL, [
      workspaceId,
      externalId,
      override.status,
      override.reason,
      override.actorId,
    ]);
    if (row.found === 0) return null;
    const { found: _found, ...change } = row;
    return { change: change.externalId ? (change as StatusChangeRow) : null };
  }

  /** Takes the override back (the caller recomputes); false when there is no such customer. */
  async clearOverride(workspaceId: string, externalId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(CustomerEntity)
      .set({ statusOverride: null, statusOverrideReason: null, statusOverrideBy: null, statusOverrideAt: null })
      .where('workspace_id = :workspaceId AND external_id = :externalId', { workspaceId, externalId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async rules(workspaceId: string, manager?: EntityManager): Promise<StoredStatusRules> {
    const repo = manager ? manager.getRepository(CustomerStatusRulesEntity) : this.rulesRepo;
    const row = await repo.findOneBy({ workspaceId });
    return row
      ? {
          platinumOrders: row.platinumOrders,
          longCooperationDays: row.longCooperationDays,
          stoppedAfterDays: row.stoppedAfterDays,
          updatedAt: row.updatedAt,
          updatedBy: row.updatedBy,
        }
      : { ...DEFAULT_STATUS_RULES, updatedAt: null, updatedBy: null };
  }

  async saveRules(workspaceId: string, rules: StatusRules, actorId: string | null, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CustomerStatusRulesEntity)
      .values({ workspaceId, ...rules, updatedBy: actorId, updatedAt: () => 'now()' })
      .orUpdate(['platinum_orders', 'long_cooperation_days', 'stopped_after_days', 'updated_at', 'updated_by'], ['workspace_id'])
      .execute();
  }

  /** Workspaces that have customers (the daily recompute's list). */
  async workspacesWithCustomers(): Promise<string[]> {
    const rows: { workspaceId: string }[] = await this.changes.manager
      .createQueryBuilder()
      .select('DISTINCT c.workspace_id', 'workspaceId')
      .from(CustomerEntity, 'c')
      .getRawMany();
    return rows.map((row) => row.workspaceId);
  }

  /** A customer's moves, newest first. */
  history(workspaceId: string, externalId: string, limit: number): Promise<CustomerStatusChangeEntity[]> {
    return this.changes.find({
      where: { workspaceId, customerExternalId: externalId },
      order: { changedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }
}
