import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AuditProcessEntity } from './audit-process.entity';

/** A step scenario of a process (e.g. "first reply"), holding the criteria it is measured by. */
@Entity('service_audit_steps')
@ForeignKey(() => AuditProcessEntity, ['workspaceId', 'processId'], ['workspaceId', 'id'], {
  name: 'service_audit_steps_process_fkey',
  onDelete: 'CASCADE',
})
@Index('service_audit_steps_process_idx', ['workspaceId', 'processId'])
export class AuditStepEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'service_audit_steps_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'process_id', type: 'uuid' })
  processId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
