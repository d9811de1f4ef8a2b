import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CustomerImportEntity } from './customer-import.entity';

/** One parsed row of an uploaded file, kept in the database so any replica can run the import. */
@Entity('customer_import_rows')
@ForeignKey(() => CustomerImportEntity, ['workspaceId', 'importId'], ['workspaceId', 'id'], {
  name: 'customer_import_rows_workspace_id_import_id_fkey',
  onDelete: 'CASCADE',
})
export class CustomerImportRowEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId: string;

  /** 0-based order in the file. */
  @PrimaryColumn({ type: 'integer' })
  position: number;

  /** The spreadsheet's row number. */
  @Column({ name: 'row_number', type: 'integer' })
  rowNumber: number;

  @Column({ type: 'jsonb' })
  cells: string[];
}
