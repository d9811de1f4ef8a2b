import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CustomerEntity } from '../customers/customer.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { WarningRule } from './warning-rules';

/** A warning that a customer may be leaving: which rule saw it, what it saw, the case it opened. */
@Entity('customer_warnings')
@Check('customer_warnings_rule_check', `rule IN ('rhythm_break', 'payments_stopped', 'usage_drop', 'rfm_at_risk')`)
@ForeignKey(() => CustomerEntity, ['workspaceId', 'customerExternalId'], ['workspaceId', 'externalId'], {
  name: 'customer_warnings_customer_fkey',
  onDelete: 'CASCADE',
})
// Partial unique (one open warning per customer and rule): named only, the migration defines it.
@Index('customer_warnings_open_key', { synchronize: false })
@Index('customer_warnings_period_idx', ['workspaceId', 'raisedAt'])
export class CustomerWarningEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'customer_warnings_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200 })
  customerExternalId: string;

  @Column({ type: 'varchar', length: 24 })
  rule: WarningRule;

  /** What the rule saw (e.g. usual interval and days since the last order), for the case and the profile. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;

  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' })
  raisedAt: Date;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** Set when the behaviour came back (or the customer left), so the rule may warn again later. */
  @Column({ name: 'cleared_at', type: 'timestamptz', nullable: true })
  clearedAt: Date | null;
}
