import { Check, Column, CreateDateColumn, Entity, ForeignKey, Generated, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookEnvelope } from './event-types';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

export type DeliveryStatus = 'pending' | 'sending' | 'succeeded' | 'failed';

/**
 * One event queued for one endpoint (an outbox row written in the transaction of the change it reports).
 * Sent in `seq` order per endpoint; `lease_until` marks a claim by a dispatcher.
 */
@Entity('webhook_deliveries')
@Check('webhook_deliveries_status_check', `status IN ('pending', 'sending', 'succeeded', 'failed')`)
@ForeignKey(() => WebhookEndpointEntity, ['workspaceId', 'endpointId'], ['workspaceId', 'id'], {
  name: 'webhook_deliveries_workspace_id_endpoint_id_fkey',
  onDelete: 'CASCADE',
})
// Partial (open deliveries) and descending: named only, the migration defines them.
@Index('webhook_deliveries_open_idx', { synchronize: false })
@Index('webhook_deliveries_log_idx', { synchronize: false })
export class WebhookDeliveryEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** bigserial: TypeORM reads bigint as a string. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 60 })
  eventType: string;

  @Column({ type: 'jsonb' })
  payload: WebhookEnvelope;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'last_duration_ms', type: 'integer', nullable: true })
  lastDurationMs: number | null;

  /** The delivery this one replays (no foreign key: the original may be gone). */
  @Column({ name: 'replay_of', type: 'uuid', nullable: true })
  replayOf: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
