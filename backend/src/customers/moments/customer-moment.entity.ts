import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WorkspaceEntity } from '../../workspaces/workspace.entity';
import { CustomerEntity } from '../customer.entity';

/** A risky moment of a customer reported by a server; whether it was answered is read from the responses. */
@Entity('customer_moments')
@Unique('customer_moments_workspace_id_customer_external_id_idempote_key', ['workspaceId', 'customerExternalId', 'idempotencyKey'])
@Check('customer_moments_moment_check', `moment ~ '^[a-z0-9_.-]{1,64}$'`)
@Check('customer_moments_check', 'expires_at > recorded_at')
@ForeignKey(() => CustomerEntity, ['workspaceId', 'customerExternalId'], ['workspaceId', 'externalId'], {
  name: 'customer_moments_workspace_id_customer_external_id_fkey',
  onDelete: 'CASCADE',
})
@Index('customer_moments_customer_idx', ['workspaceId', 'customerExternalId', 'moment', 'expiresAt'])
// Descending: named only, the migration defines it.
@Index('customer_moments_recent_idx', { synchronize: false })
export class CustomerMomentEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'customer_moments_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200 })
  customerExternalId: string;

  @Column({ type: 'varchar', length: 64 })
  moment: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  /** clock_timestamp(): moments recorded in one transaction keep their order. */
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  recordedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
