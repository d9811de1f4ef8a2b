import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { WorkspaceEntity } from '../../workspaces/workspace.entity';
import type { ImportStatus } from './customer-imports.dto';

/**
 * A CSV/XLSX import. `next_position` is the first row not yet committed; the lease tells whether a live process
 * is working on it, so any replica can resume it.
 */
@Entity('customer_imports')
@Check('customer_imports_format_check', `format IN ('csv', 'xlsx')`)
@Check('customer_imports_total_rows_check', 'total_rows >= 0')
@Check('customer_imports_status_check', `status IN ('previewing', 'running', 'completed', 'failed')`)
// Descending and partial: named only, the migration defines them.
@Index('customer_imports_recent_idx', { synchronize: false })
@Index('customer_imports_running_idx', { synchronize: false })
export class CustomerImportEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'customer_imports_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 8 })
  format: 'csv' | 'xlsx';

  @Column({ type: 'varchar', length: 16, nullable: true })
  encoding: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  delimiter: string | null;

  @Column({ type: 'jsonb' })
  headers: string[];

  @Column({ name: 'total_rows', type: 'integer' })
  totalRows: number;

  @Column({ type: 'varchar', length: 16, default: 'previewing' })
  status: ImportStatus;

  /** Target field per column, set when the import starts. */
  @Column({ type: 'jsonb', nullable: true })
  mapping: string[] | null;

  @Column({ type: 'integer', default: 0 })
  processed: number;

  @Column({ type: 'integer', default: 0 })
  created: number;

  @Column({ type: 'integer', default: 0 })
  updated: number;

  @Column({ type: 'integer', default: 0 })
  failed: number;

  @Column({ name: 'next_position', type: 'integer', default: 0 })
  nextPosition: number;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
