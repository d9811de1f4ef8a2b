import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../users/user.entity';
import { WorkspaceEntity } from '../../workspaces/workspace.entity';

/** A workspace's own thresholds for deriving colour statuses (a missing row means the defaults). */
@Entity('customer_status_rules')
@Check('customer_status_rules_platinum_orders_check', 'platinum_orders BETWEEN 2 AND 1000')
@Check('customer_status_rules_long_cooperation_days_check', 'long_cooperation_days BETWEEN 1 AND 3650')
@Check('customer_status_rules_stopped_after_days_check', 'stopped_after_days BETWEEN 1 AND 3650')
export class CustomerStatusRulesEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'customer_status_rules_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  /** Orders that make a customer platinum. */
  @Column({ name: 'platinum_orders', type: 'integer', default: 3 })
  platinumOrders: number;

  /** Days from the first order to stopping that make cooperation long (red-platinum rather than red-gold). */
  @Column({ name: 'long_cooperation_days', type: 'integer', default: 365 })
  longCooperationDays: number;

  /** Days without an order after which a buyer counts as stopped. */
  @Column({ name: 'stopped_after_days', type: 'integer', default: 90 })
  stoppedAfterDays: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'customer_status_rules_updated_by_fkey', onDelete: 'SET NULL' })
  updatedBy: string | null;
}
