import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** A workspace's contact policy (a missing row means the defaults). */
@Entity('contact_policy_settings')
@Check('contact_policy_settings_frequency_days_check', 'frequency_days BETWEEN 0 AND 365')
@Check('contact_policy_settings_cancellation_days_check', 'cancellation_days BETWEEN 0 AND 365')
@Check('contact_policy_settings_sla_breach_days_check', 'sla_breach_days BETWEEN 0 AND 365')
export class ContactPolicySettingsEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'contact_policy_settings_pkey' })
  @ForeignKey(() => WorkspaceEntity, { name: 'contact_policy_settings_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  /** Ask a customer at most once per this many days across all surveys and channels; 0 = no cap. */
  @Column({ name: 'frequency_days', type: 'integer', default: 30 })
  frequencyDays: number;

  /** The communication guard as a whole. */
  @Column({ name: 'guard_enabled', type: 'boolean', default: true })
  guardEnabled: boolean;

  /** Guard while the customer has an open complaint case. */
  @Column({ name: 'guard_open_complaints', type: 'boolean', default: true })
  guardOpenComplaints: boolean;

  /** Guard for this many days after a cancellation; 0 = not at all. */
  @Column({ name: 'cancellation_days', type: 'integer', default: 30 })
  cancellationDays: number;

  /** Guard for this many days after a case of the customer breached its SLA; 0 = not at all. */
  @Column({ name: 'sla_breach_days', type: 'integer', default: 14 })
  slaBreachDays: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'contact_policy_settings_updated_by_fkey', onDelete: 'SET NULL' })
  updatedBy: string | null;
}
