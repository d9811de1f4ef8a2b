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
import { CancellationFlowEntity } from './cancellation-flow.entity';
import type { SaveOffer } from './default-reasons';

export type CancellationOutcome = 'saved' | 'cancelled';

/** One run of a cancellation flow: reason, follow-up, the offer shown and the outcome, once per idempotency key. */
@Entity('cancellations')
@Unique('cancellations_workspace_id_flow_id_idempotency_key_key', ['workspaceId', 'flowId', 'idempotencyKey'])
@Check('cancellations_outcome_check', `outcome IN ('saved', 'cancelled')`)
@ForeignKey(() => CancellationFlowEntity, ['workspaceId', 'flowId'], ['workspaceId', 'id'], {
  name: 'cancellations_workspace_id_flow_id_fkey',
  onDelete: 'CASCADE',
})
@Index('cancellations_time_idx', ['workspaceId', 'finishedAt'])
@Index('cancellations_customer_idx', ['workspaceId', 'customerExternalId'])
// Partial: TypeORM cannot describe it, so it leaves it alone.
@Index('cancellations_updated_idx', { synchronize: false })
// Partial with INCLUDE (each customer's first cancelled flow, for the churn summary): named only.
@Index('cancellations_first_loss_idx', { synchronize: false })
export class CancellationEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'cancellations_pkey' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'cancellations_pkey' })
  id: string;

  @Column({ name: 'flow_id', type: 'uuid' })
  flowId: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey: string;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200, nullable: true })
  customerExternalId: string | null;

  @Column({ name: 'reason_key', type: 'varchar', length: 60, nullable: true })
  reasonKey: string | null;

  @Column({ name: 'offered_reason_keys', type: 'text', array: true, default: () => "'{}'" })
  offeredReasonKeys: string[];

  @Column({ name: 'other_text', type: 'text', nullable: true })
  otherText: string | null;

  @Column({ name: 'follow_up', type: 'text', nullable: true })
  followUp: string | null;

  @Column({ type: 'jsonb', nullable: true })
  offer: SaveOffer | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: CancellationOutcome | null;

  /** The customer's MRR when the run finished; numeric, so it arrives as a string. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  mrr: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'customer_verified', type: 'boolean', default: false })
  customerVerified: boolean;
}
