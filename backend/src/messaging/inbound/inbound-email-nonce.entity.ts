import { CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { WorkspaceEntity } from '../../workspaces/workspace.entity';

/** A signed inbound-email request seen recently, so a captured request cannot be replayed inside the signature window. */
@Entity('inbound_email_nonces')
@Index('inbound_email_nonces_received_idx', ['workspaceId', 'receivedAt'])
export class InboundEmailNonceEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'inbound_email_nonces_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryColumn({ name: 'webhook_id', type: 'varchar', length: 200 })
  webhookId: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
