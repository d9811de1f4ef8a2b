import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { LifecycleStage } from './customers.dto';

/** A customer of a workspace, keyed by the customer's own external id. */
@Entity('customers')
@Unique('customers_workspace_id_external_id_key', ['workspaceId', 'externalId'])
@Check('customers_lifecycle_stage_check', `lifecycle_stage IN ('aware', 'considering', 'buying', 'repeat', 'left')`)
@Check('customers_mrr_check', 'mrr >= 0')
@Check('customers_order_count_check', 'order_count >= 0')
@Index('customers_stage_idx', ['workspaceId', 'lifecycleStage'])
@Index('customers_last_seen_idx', ['workspaceId', 'lastSeenAt'])
// (workspace_id, lower(email)): an expression index, named only.
@Index('customers_email_idx', { synchronize: false })
export class CustomerEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'customers_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: Record<string, unknown>;

  @Column({ name: 'lifecycle_stage', type: 'varchar', length: 16, default: 'aware' })
  lifecycleStage: LifecycleStage;

  @Column({ type: 'varchar', length: 100, nullable: true })
  segment: string | null;

  /** numeric(14,2): read as a string, so no precision is lost. */
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  mrr: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  consents: Record<string, unknown>;

  @Column({ name: 'order_count', type: 'integer', default: 0 })
  orderCount: number;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Set when "customer.sleeping" fired, so it fires once per quiet spell. */
  @Column({ name: 'sleeping_notified_at', type: 'timestamptz', nullable: true })
  sleepingNotifiedAt: Date | null;
}
