import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** A one-time password reset link an admin mailed to a member. Only the secret's hash is stored. */
@Entity('password_resets')
@Unique('password_resets_token_hash_key', ['tokenHash'])
@Index('password_resets_user_idx', ['userId', 'createdAt'])
export class PasswordResetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'password_resets_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  /** SHA-256 of the link's secret. */
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  /** The workspace whose admin asked for it (kept as null when the workspace is deleted). */
  @Column({ name: 'workspace_id', type: 'uuid', nullable: true })
  @ForeignKey(() => WorkspaceEntity, { name: 'password_resets_workspace_id_fkey', onDelete: 'SET NULL' })
  workspaceId: string | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'password_resets_requested_by_fkey', onDelete: 'SET NULL' })
  requestedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
