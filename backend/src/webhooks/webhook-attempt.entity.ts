import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

/** One HTTP attempt of a delivery, for the delivery log. */
@Entity('webhook_attempts')
@ForeignKey(() => WebhookDeliveryEntity, ['workspaceId', 'deliveryId'], ['workspaceId', 'id'], {
  name: 'webhook_attempts_workspace_id_delivery_id_fkey',
  onDelete: 'CASCADE',
})
export class WebhookAttemptEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @PrimaryColumn({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @PrimaryColumn({ type: 'integer' })
  attempt: number;

  @Column({ name: 'attempted_at', type: 'timestamptz', default: () => 'now()' })
  attemptedAt: Date;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ name: 'response_excerpt', type: 'varchar', length: 1000, nullable: true })
  responseExcerpt: string | null;
}
