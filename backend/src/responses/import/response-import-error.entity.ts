import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { ResponseImportEntity } from './response-import.entity';

/** One problem of one row of an import: a code the dashboard words in the user's language, and an English message. */
@Entity('response_import_errors')
@ForeignKey(() => ResponseImportEntity, ['workspaceId', 'importId'], ['workspaceId', 'id'], {
  name: 'response_import_errors_import_fkey',
  onDelete: 'CASCADE',
})
export class ResponseImportErrorEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'response_import_errors_pkey' })
  workspaceId: string;

  @PrimaryColumn({ name: 'import_id', type: 'uuid', primaryKeyConstraintName: 'response_import_errors_pkey' })
  importId: string;

  /** 0-based order of the data row in the file. */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'response_import_errors_pkey' })
  position: number;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'response_import_errors_pkey' })
  ordinal: number;

  @Column({ name: 'row_number', type: 'integer' })
  rowNumber: number;

  @Column({ name: 'column_name', type: 'text', nullable: true })
  columnName: string | null;

  @Column({ type: 'varchar', length: 32 })
  field: string;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  /** The offending cell, cut to 200 characters. */
  @Column({ type: 'text', nullable: true })
  value: string | null;

  @Column({ type: 'text' })
  message: string;
}
