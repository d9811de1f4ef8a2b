import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** The round-robin position of a touchpoint's team (no foreign key to touchpoints: the migration has none). */
@Entity('case_routing_cursors')
export class CaseRoutingCursorEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'case_routing_cursors_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryColumn({ name: 'touchpoint_id', type: 'uuid' })
  touchpointId: string;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
