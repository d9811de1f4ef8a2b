import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** A touchpoint's service process (e.g. "Support chat: answering a question"), audited step by step. */
@Entity('service_audit_processes')
@ForeignKey(() => TouchpointEntity, ['workspaceId', 'touchpointId'], ['workspaceId', 'id'], {
  name: 'service_audit_processes_touchpoint_fkey',
  onDelete: 'CASCADE',
})
@Index('service_audit_processes_touchpoint_idx', ['workspaceId', 'touchpointId'])
export class AuditProcessEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'service_audit_processes_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'touchpoint_id', type: 'uuid' })
  touchpointId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'integer', default: 0 })
  position: number;

  /** Bumped by every edit: an edit made from an older revision is refused (409) instead of overwriting. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
