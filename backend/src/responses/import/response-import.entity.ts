import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { SurveyEntity } from '../../surveys/survey.entity';

export const RESPONSE_IMPORT_STATUSES = ['previewing', 'running', 'done', 'failed'] as const;
export type ResponseImportStatus = (typeof RESPONSE_IMPORT_STATUSES)[number];

/** A row of the upload preview: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface PreviewRow {
  row: number;
  values: string[];
}

/**
 * An import of historical responses into one survey. The file's bytes are in response_import_chunks until it ends;
 * `next_position` is the first data row not yet committed (the watermark a resumed import starts from).
 */
@Entity('response_imports')
@ForeignKey(() => SurveyEntity, ['workspaceId', 'surveyId'], ['workspaceId', 'id'], {
  name: 'response_imports_survey_fkey',
  onDelete: 'CASCADE',
})
@Check('response_imports_status_check', `status IN ('previewing', 'running', 'done', 'failed')`)
@Check('response_imports_total_rows_check', 'total_rows >= 0')
// Descending and partial: named only, the migration defines them.
@Index('response_imports_recent_idx', { synchronize: false })
@Index('response_imports_running_idx', { synchronize: false })
export class ResponseImportEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'response_imports_pkey' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'response_imports_pkey' })
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 16 })
  encoding: string;

  @Column({ type: 'varchar', length: 2 })
  delimiter: string;

  @Column({ type: 'jsonb' })
  headers: string[];

  /** The first rows, kept after the file's bytes are gone. */
  @Column({ type: 'jsonb' })
  preview: PreviewRow[];

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize: number;

  @Column({ name: 'total_rows', type: 'integer' })
  totalRows: number;

  @Column({ type: 'varchar', length: 16, default: 'previewing' })
  status: ResponseImportStatus;

  /** Target per column, set when the import starts. */
  @Column({ type: 'jsonb', nullable: true })
  mapping: string[] | null;

  /** Low scores of this import may open cases (within the case sync's lookback), as live ones do. */
  @Column({ name: 'create_cases', type: 'boolean', default: false })
  createCases: boolean;

  @Column({ name: 'rows_done', type: 'integer', default: 0 })
  rowsDone: number;

  /** Responses written. */
  @Column({ type: 'integer', default: 0 })
  imported: number;

  /** Rows already there (the same answer imported before): nothing written. */
  @Column({ type: 'integer', default: 0 })
  duplicates: number;

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
