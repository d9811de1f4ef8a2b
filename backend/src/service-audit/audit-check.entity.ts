import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AuditCriterionEntity } from './audit-criterion.entity';

/** One item of a scored checklist. */
export interface CheckItem {
  item: string;
  passed: boolean;
}

/** One checklist check scored by a member (a listened call, a mystery-shopping visit) for a month. */
@Entity('service_audit_checks')
@Check('service_audit_checks_month_check', `extract(day FROM month) = 1`)
@Check('service_audit_checks_passed_check', `passed >= 0`)
@Check('service_audit_checks_failed_check', `failed >= 0`)
@Check('service_audit_checks_items_check', `passed + failed > 0`)
@ForeignKey(() => AuditCriterionEntity, ['workspaceId', 'criterionId'], ['workspaceId', 'id'], {
  name: 'service_audit_checks_criterion_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => TouchpointEntity, ['workspaceId', 'touchpointId'], ['workspaceId', 'id'], {
  name: 'service_audit_checks_touchpoint_fkey',
  onDelete: 'CASCADE',
})
@Index('service_audit_checks_month_idx', ['workspaceId', 'criterionId', 'month'])
export class AuditCheckEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'service_audit_checks_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'criterion_id', type: 'uuid' })
  criterionId: string;

  @Column({ name: 'touchpoint_id', type: 'uuid' })
  touchpointId: string;

  /** First day of the month the check counts for. */
  @Column({ type: 'date' })
  month: string;

  @Column({ name: 'scored_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'service_audit_checks_scored_by_fkey', onDelete: 'SET NULL' })
  scoredBy: string | null;

  @Column({ name: 'scored_at', type: 'timestamptz', default: () => 'now()' })
  scoredAt: Date;

  @Column({ type: 'jsonb' })
  items: CheckItem[];

  @Column({ type: 'integer' })
  passed: number;

  @Column({ type: 'integer' })
  failed: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;
}
