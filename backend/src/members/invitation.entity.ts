import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Role } from '../common/auth/roles';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

@Entity('invitations')
@Unique('invitations_token_hash_key', ['tokenHash'])
@Check('invitations_role_check', `role IN ('admin', 'analyst', 'owner', 'viewer')`)
export class InvitationEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'invitations_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** SHA-256 of the invitation secret; the secret itself is only in the link. */
  @Column({ name: 'token_hash', type: 'char', length: 64, select: false })
  tokenHash: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'invitations_invited_by_fkey' })
  inviter?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  /** SHA-256 of the latest address code (bound to this invitation's id); the code is only in the mail. */
  @Column({ name: 'code_hash', type: 'char', length: 64, nullable: true, select: false })
  codeHash?: string | null;

  @Column({ name: 'code_expires_at', type: 'timestamptz', nullable: true })
  codeExpiresAt: Date | null;

  /** Wrong codes entered, over all codes sent for this invitation. */
  @Column({ name: 'code_attempts', type: 'integer', default: 0 })
  codeAttempts: number;

  @Column({ name: 'codes_sent', type: 'integer', default: 0 })
  codesSent: number;
}
