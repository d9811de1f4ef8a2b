import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WorkspaceEntity } from '../../workspaces/workspace.entity';
import { CustomerEntity } from '../customer.entity';
import type { ActivityKind } from './rfm-groups';

/** One thing a customer did (an order, a payment, a login, a named event), idempotent by the sender's event id. */
@Entity('customer_activity')
@Unique('customer_activity_event_key', ['workspaceId', 'eventId'])
@Check('customer_activity_kind_check', `kind IN ('order', 'payment', 'login', 'event')`)
@Check('customer_activity_amount_check', 'amount >= 0')
@ForeignKey(() => CustomerEntity, ['workspaceId', 'customerExternalId'], ['workspaceId', 'externalId'], {
  name: 'customer_activity_customer_fkey',
  onDelete: 'CASCADE',
})
@Index('customer_activity_customer_idx', ['workspaceId', 'customerExternalId', 'kind', 'occurredAt'])
@Index('customer_activity_period_idx', ['workspaceId', 'occurredAt'])
@Index('customer_activity_received_idx', ['receivedAt', 'workspaceId'])
export class CustomerActivityEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'customer_activity_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200 })
  customerExternalId: string;

  @Column({ name: 'event_id', type: 'varchar', length: 200 })
  eventId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ActivityKind;

  /** The event's name for kind 'event' (e.g. 'report_exported'); optional for the others. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  /** numeric(14,2), read as a string; orders and payments. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  amount: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
