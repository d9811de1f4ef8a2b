import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { SlaChannel } from '../sla/clock';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { SlaPolicyEntity } from './sla-policy.entity';
import type { TouchpointKind, TouchpointStage } from './touchpoints.dto';

/** A touchpoint of the customer journey, with its owners, regulation and SLA policy. */
@Entity('touchpoints')
@Unique('touchpoints_workspace_id_name_key', ['workspaceId', 'name'])
@Check('touchpoints_stage_check', `stage IN ('aware', 'considering', 'buying', 'repeat', 'left')`)
@Check('touchpoints_kind_check', `kind IN ('business', 'employee')`)
// The migration's ON DELETE SET NULL (sla_policy_id) keeps workspace_id; TypeORM reads it back as SET NULL.
@ForeignKey(() => SlaPolicyEntity, ['workspaceId', 'slaPolicyId'], ['workspaceId', 'id'], {
  name: 'touchpoints_workspace_id_sla_policy_id_fkey',
  onDelete: 'SET NULL',
})
export class TouchpointEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'touchpoints_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  stage: TouchpointStage;

  @Column({ type: 'varchar', length: 16, default: 'business' })
  kind: TouchpointKind;

  @Column({ type: 'varchar', length: 100, nullable: true })
  category: string | null;

  @Column({ type: 'varchar', length: 16, default: 'other' })
  channel: SlaChannel;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'touchpoints_owner_id_fkey', onDelete: 'SET NULL' })
  ownerId: string | null;

  @Column({ name: 'backup_owner_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'touchpoints_backup_owner_id_fkey', onDelete: 'SET NULL' })
  backupOwnerId: string | null;

  @Column({ name: 'team_ids', type: 'uuid', array: true, default: () => "'{}'" })
  teamIds: string[];

  @Column({ type: 'text', default: '' })
  regulation: string;

  @Column({ name: 'sla_policy_id', type: 'uuid', nullable: true })
  slaPolicyId: string | null;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
