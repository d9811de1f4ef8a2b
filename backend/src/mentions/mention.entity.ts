import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export type MentionChannel = 'webhook' | 'api' | 'csv' | 'feed';
export type MentionDuplicateKind = 'repost' | 'exact' | 'near';

/**
 * A social mention: one row per (source, external id), tagged with language and sentiment, linked to its
 * original when it is a copy (`duplicate_of`) and to its parent when it is a reply.
 */
@Entity('mentions')
@Unique('mentions_workspace_id_source_external_id_key', ['workspaceId', 'source', 'externalId'])
@Check('mentions_sentiment_check', 'sentiment IN (-1, 0, 1)')
@Check('mentions_duplicate_kind_check', `duplicate_kind IN ('repost', 'exact', 'near')`)
@Check('mentions_channel_check', `channel IN ('webhook', 'api', 'csv', 'feed')`)
// Descending, partial and GIN indexes TypeORM cannot describe; the migrations create them.
@Index('mentions_posted_idx', { synchronize: false })
@Index('mentions_hash_idx', { synchronize: false })
@Index('mentions_lsh_idx', { synchronize: false })
@Index('mentions_duplicate_idx', { synchronize: false })
@Index('mentions_parent_idx', { synchronize: false })
@Index('mentions_negative_created_idx', { synchronize: false })
@Index('mentions_negative_posted_idx', { synchronize: false })
@Index('mentions_stats_idx', { synchronize: false })
export class MentionEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'mentions_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  source: string;

  @Column({ name: 'external_id', type: 'varchar', length: 300 })
  externalId: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  author: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 8 })
  language: string;

  /** -1, 0 or 1. */
  @Column({ type: 'smallint' })
  sentiment: number;

  @Column({ name: 'sentiment_score', type: 'real', default: 0 })
  sentimentScore: number;

  @Column({ name: 'posted_at', type: 'timestamptz' })
  postedAt: Date;

  @Column({ type: 'integer', nullable: true })
  reach: number | null;

  @Column({ name: 'parent_external_id', type: 'varchar', length: 300, nullable: true })
  parentExternalId: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  duplicateOf: string | null;

  @Column({ name: 'duplicate_kind', type: 'varchar', length: 16, nullable: true })
  duplicateKind: MentionDuplicateKind | null;

  @Column({ name: 'text_hash', type: 'varchar', length: 40, nullable: true })
  textHash: string | null;

  /** MinHash LSH band keys (near-copy candidates are found by array overlap). */
  @Column({ name: 'lsh_bands', type: 'integer', array: true, nullable: true })
  lshBands: number[] | null;

  @Column({ type: 'varchar', length: 16 })
  channel: MentionChannel;

  @Column({ name: 'feed_id', type: 'uuid', nullable: true })
  feedId: string | null;

  @Column({ name: 'assigned_to', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'mentions_assigned_to_fkey', onDelete: 'SET NULL' })
  assignedTo: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'mentions_answered_by_fkey', onDelete: 'SET NULL' })
  answeredBy: string | null;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200, nullable: true })
  customerExternalId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
