import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CustomerEntity } from '../customers/customer.entity';
import { MessageEntity } from '../messaging/message.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { RecoveryProblemEntity } from './recovery-problem.entity';
import type { AffectedWhy, ReturnKind } from './win-back-rules';

/**
 * A customer the problem hurt, snapshotted once when it was marked fixed, and what happened next: told (the message),
 * answered, came back. A return marked by hand may carry an amount (a sale Otklik does not see).
 */
@Entity('recovery_customers')
@Check('recovery_customers_why_check', `cardinality(why) > 0 AND why <@ ARRAY['text', 'cancellation', 'case']::text[]`)
@Check('recovery_customers_skip_reason_check', `skip_reason IN ('no_address')`)
@Check('recovery_customers_return_kind_check', `return_kind IN ('order', 'payment', 'activity', 'resumed', 'manual')`)
@Check('recovery_customers_revenue_recovered_check', `revenue_recovered >= 0`)
@Check('recovery_customers_currency_check', `currency ~ '^[A-Z]{3}$'`)
@Check('recovery_customers_return_check', `(returned_at IS NULL) = (return_kind IS NULL)`)
@Check('recovery_customers_amount_check', `(revenue_recovered IS NULL) = (currency IS NULL)`)
@Index('recovery_customers_customer_idx', ['workspaceId', 'customerExternalId'])
@Index('recovery_customers_unsubscribe_token_idx', ['unsubscribeTokenHash'], { unique: true })
// Partial index (TypeORM cannot describe it): the tracking scan of told customers not yet answered or back.
@Index('recovery_customers_open_idx', { synchronize: false })
@ForeignKey(() => RecoveryProblemEntity, ['workspaceId', 'problemId'], ['workspaceId', 'id'], {
  name: 'recovery_customers_workspace_id_problem_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => CustomerEntity, ['workspaceId', 'customerExternalId'], ['workspaceId', 'externalId'], {
  name: 'recovery_customers_customer_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => MessageEntity, ['workspaceId', 'messageId'], ['workspaceId', 'id'], {
  name: 'recovery_customers_workspace_id_message_id_fkey',
  onDelete: 'SET NULL',
})
export class RecoveryCustomerEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'recovery_customers_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryColumn({ name: 'problem_id', type: 'uuid' })
  problemId: string;

  @PrimaryColumn({ name: 'customer_external_id', type: 'varchar', length: 200 })
  customerExternalId: string;

  /** Why they count: a text in the cluster, a cancellation with the reason, a case naming the problem. */
  @Column({ type: 'text', array: true })
  why: AffectedWhy[];

  /** When the notice was claimed (queued, or skipped with skip_reason). */
  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;

  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  /** SHA-256 (hex) of the notice's marketing unsubscribe token; the token itself is only in the email. */
  @Column({ name: 'unsubscribe_token_hash', type: 'varchar', length: 64, nullable: true })
  unsubscribeTokenHash: string | null;

  @Column({ name: 'skip_reason', type: 'varchar', length: 16, nullable: true })
  skipReason: 'no_address' | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ name: 'return_kind', type: 'varchar', length: 16, nullable: true })
  returnKind: ReturnKind | null;

  @Column({ name: 'return_marked_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'recovery_customers_return_marked_by_fkey', onDelete: 'SET NULL' })
  returnMarkedBy: string | null;

  /** An amount a person gave when marking the return by hand (added to the orders and payments Otklik sees). */
  @Column({ name: 'revenue_recovered', type: 'numeric', precision: 14, scale: 2, nullable: true })
  revenueRecovered: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
