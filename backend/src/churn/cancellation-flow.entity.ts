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
import type { LocalizedText } from '@otklik/survey-model';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { SaveOffer } from './default-reasons';

export type FlowStatus = 'live' | 'paused';

/** A cancellation widget's configuration: which reasons, in which order, which languages, which offers. */
@Entity('cancellation_flows')
@Unique('cancellation_flows_public_key_key', ['publicKey'])
@Check('cancellation_flows_status_check', `status IN ('live', 'paused')`)
export class CancellationFlowEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'cancellation_flows_pkey' })
  @ForeignKey(() => WorkspaceEntity, { name: 'cancellation_flows_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'cancellation_flows_pkey' })
  id: string;

  @Column({ name: 'public_key', type: 'varchar', length: 32 })
  publicKey: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16, default: 'live' })
  status: FlowStatus;

  @Column({ type: 'text', array: true })
  languages: string[];

  @Column({ name: 'default_language', type: 'varchar', length: 8 })
  defaultLanguage: string;

  @Column({ name: 'allowed_origins', type: 'text', array: true, default: () => "'{}'" })
  allowedOrigins: string[];

  @Column({ name: 'reason_keys', type: 'text', array: true, default: () => "'{}'" })
  reasonKeys: string[];

  @Column({ name: 'randomize_reasons', type: 'boolean', default: false })
  randomizeReasons: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** A customer id must come with its identity hash (customer-identity/). */
  @Column({ name: 'require_verified_customer', type: 'boolean', default: true })
  requireVerifiedCustomer: boolean;

  @Column({ name: 'follow_up_enabled', type: 'boolean', default: true })
  followUpEnabled: boolean;

  /** Empty: the standard question. */
  @Column({ name: 'follow_up_question', type: 'jsonb', default: () => "'{}'" })
  followUpQuestion: LocalizedText;

  /** reason key → this flow's offer (null: none); keys not here keep the taxonomy's offer. */
  @Column({ name: 'offer_overrides', type: 'jsonb', default: () => "'{}'" })
  offerOverrides: Record<string, SaveOffer | null>;
}
