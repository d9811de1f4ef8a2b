import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { ResponseImportEntity } from './response-import.entity';

/** One piece (about 1 MB) of an uploaded file, in order, so any replica can stream the file while it imports. */
@Entity('response_import_chunks')
@ForeignKey(() => ResponseImportEntity, ['workspaceId', 'importId'], ['workspaceId', 'id'], {
  name: 'response_import_chunks_import_fkey',
  onDelete: 'CASCADE',
})
export class ResponseImportChunkEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'response_import_chunks_pkey' })
  workspaceId: string;

  @PrimaryColumn({ name: 'import_id', type: 'uuid', primaryKeyConstraintName: 'response_import_chunks_pkey' })
  importId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'response_import_chunks_pkey' })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}
