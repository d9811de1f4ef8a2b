import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CustomerImportEntity } from './customer-import.entity';

/** One problem found in one row of an import (a row can have several: `ordinal`). */
@Entity('customer_import_errors')
@ForeignKey(() => CustomerImportEntity, ['workspaceId', 'importId'], ['workspaceId', 'id'], {
  name: 'customer_import_errors_workspace_id_import_id_fkey',
  onDelete: 'CASCADE',
})
export class CustomerImportErrorEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @PrimaryColumn({ type: 'smallint' })
  ordinal: number;

  @Column({ name: 'row_number', type: 'integer' })
  rowNumber: number;

  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true })
  externalId: string | null;

  @Column({ name: 'column_name', type: 'text', nullable: true })
  columnName: string | null;

  @Column({ type: 'text' })
  field: string;

  @Column({ type: 'text' })
  message: string;
}
