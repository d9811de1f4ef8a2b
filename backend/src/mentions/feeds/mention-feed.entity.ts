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
import { WorkspaceEntity } from '../../workspaces/workspace.entity';

export type FeedStatus = 'ok' | 'not_modified' | 'error';

/** An RSS/Atom feed polled in the background; `lease_until` is the claim of the poll in progress. */
@Entity('mention_feeds')
@Unique('mention_feeds_workspace_id_url_key', ['workspaceId', 'url'])
@Check('mention_feeds_last_status_check', `last_status IN ('ok', 'not_modified', 'error')`)
// Partial index (enabled feeds only); the migration creates it.
@Index('mention_feeds_due_idx', { synchronize: false })
export class MentionFeedEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'mention_feeds_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 40, default: 'rss' })
  source: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'poll_interval_minutes', type: 'integer', default: 15 })
  pollIntervalMinutes: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  etag: string | null;

  @Column({ name: 'last_modified', type: 'varchar', length: 100, nullable: true })
  lastModified: string | null;

  @Column({ name: 'last_polled_at', type: 'timestamptz', nullable: true })
  lastPolledAt: Date | null;

  @Column({ name: 'next_poll_at', type: 'timestamptz', default: () => 'now()' })
  nextPollAt: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'last_status', type: 'varchar', length: 16, nullable: true })
  lastStatus: FeedStatus | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures: number;

  @Column({ name: 'items_ingested', type: 'integer', default: 0 })
  itemsIngested: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
