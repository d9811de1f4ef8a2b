import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { RfmGroup } from '../customers/activity/rfm-groups';

/** A workspace's early-warning rules (a missing row means the defaults). */
@Entity('early_warning_rules')
@Check('early_warning_rules_rhythm_factor_check', 'rhythm_factor BETWEEN 1 AND 20')
@Check('early_warning_rules_rhythm_min_orders_check', 'rhythm_min_orders BETWEEN 2 AND 100')
@Check('early_warning_rules_payment_grace_days_check', 'payment_grace_days BETWEEN 0 AND 365')
@Check('early_warning_rules_usage_drop_percent_check', 'usage_drop_percent BETWEEN 1 AND 100')
@Check('early_warning_rules_usage_min_events_check', 'usage_min_events BETWEEN 1 AND 10000')
@Check('early_warning_rules_survey_moment_check', `survey_moment ~ '^[a-z0-9_.-]{1,64}$'`)
@ForeignKey(() => TouchpointEntity, ['workspaceId', 'touchpointId'], ['workspaceId', 'id'], {
  name: 'early_warning_rules_touchpoint_fkey',
  onDelete: 'SET NULL',
})
export class EarlyWarningRulesEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'early_warning_rules_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  /** A customer with at least rhythmMinOrders orders and no order for rhythmFactor × their usual interval. */
  @Column({ name: 'rhythm_enabled', type: 'boolean', default: true })
  rhythmEnabled: boolean;

  /** numeric(4,2), read as a string. */
  @Column({ name: 'rhythm_factor', type: 'numeric', precision: 4, scale: 2, default: 2 })
  rhythmFactor: string;

  @Column({ name: 'rhythm_min_orders', type: 'integer', default: 3 })
  rhythmMinOrders: number;

  /** A paying customer whose next payment is paymentGraceDays past their usual payment interval. */
  @Column({ name: 'payments_enabled', type: 'boolean', default: true })
  paymentsEnabled: boolean;

  @Column({ name: 'payment_grace_days', type: 'integer', default: 7 })
  paymentGraceDays: number;

  /** Usage (events named usageEvent) down by usageDropPercent or more this month against last month. */
  @Column({ name: 'usage_enabled', type: 'boolean', default: true })
  usageEnabled: boolean;

  @Column({ name: 'usage_event', type: 'varchar', length: 100, default: 'login' })
  usageEvent: string;

  @Column({ name: 'usage_drop_percent', type: 'integer', default: 50 })
  usageDropPercent: number;

  /** Last month's events below which a drop is noise. */
  @Column({ name: 'usage_min_events', type: 'integer', default: 4 })
  usageMinEvents: number;

  /** Moving into one of rfmGroups. */
  @Column({ name: 'rfm_enabled', type: 'boolean', default: true })
  rfmEnabled: boolean;

  @Column({ name: 'rfm_groups', type: 'text', array: true, default: () => "'{at_risk,cant_lose}'" })
  rfmGroups: RfmGroup[];

  /** The touchpoint whose SLA the "at risk" case runs on (null: the workspace default policy). */
  @Column({ name: 'touchpoint_id', type: 'uuid', nullable: true })
  touchpointId: string | null;

  /** A moment recorded for the customer with each warning, so a survey waiting for it asks before they leave. */
  @Column({ name: 'survey_moment', type: 'varchar', length: 64, nullable: true })
  surveyMoment: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'early_warning_rules_updated_by_fkey', onDelete: 'SET NULL' })
  updatedBy: string | null;
}
