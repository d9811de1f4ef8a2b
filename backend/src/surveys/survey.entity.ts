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
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { DisplayRules, SurveyKind, SurveyStatus, WidgetTheme } from '@otklik/survey-model';

/** A survey's settings; its questions live in versions (SurveyVersionEntity), `current_version` names the live one. */
@Entity('surveys')
@Unique('surveys_public_key_key', ['publicKey'])
@Check('surveys_kind_check', `kind IN ('nps', 'csat', 'ces', 'custom')`)
@Check('surveys_status_check', `status IN ('draft', 'live', 'paused', 'closed')`)
export class SurveyEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'surveys_pkey' })
  @ForeignKey(() => WorkspaceEntity, { name: 'surveys_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'surveys_pkey' })
  id: string;

  /** Globally unique: widgets address a survey by it before any workspace is known. */
  @Column({ name: 'public_key', type: 'varchar', length: 32 })
  publicKey: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: SurveyKind;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: SurveyStatus;

  @Column({ name: 'touchpoint_name', type: 'varchar', length: 200, nullable: true })
  touchpointName: string | null;

  @Column({ type: 'text', array: true })
  languages: string[];

  @Column({ name: 'default_language', type: 'varchar', length: 8 })
  defaultLanguage: string;

  @Column({ name: 'allowed_origins', type: 'text', array: true, default: () => "'{}'" })
  allowedOrigins: string[];

  @Column({ name: 'display_rules', type: 'jsonb' })
  displayRules: DisplayRules;

  @Column({ type: 'jsonb' })
  theme: WidgetTheme;

  /** The questions version new responses are tied to. */
  @Column({ name: 'current_version', type: 'integer', default: 1 })
  currentVersion: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'surveys_created_by_fkey', onDelete: 'SET NULL' })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** A customer id must come with its identity hash (customer-identity/). */
  @Column({ name: 'require_verified_customer', type: 'boolean', default: false })
  requireVerifiedCustomer: boolean;

  /** Goes up by one with every saved edit: the optimistic-concurrency token of PATCH. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  /** Opted out of the contact policy's frequency cap (contact-policy/): still held by the communication guard. */
  @Column({ name: 'contact_policy_exempt', type: 'boolean', default: false })
  contactPolicyExempt: boolean;
}
