import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { AuditDirection, AuditMeasure } from './audit-measures';
import { AuditStepEntity } from './audit-step.entity';

const MEASURE_LIST = `('first_response_minutes', 'resolution_days', 'reopened_percent', 'sla_breach_percent', 'csat_mean', 'nps', 'ces_mean', 'negative_mentions_percent', 'case_count', 'checklist_percent')`;

/** numeric comes back from the driver as text; thresholds are plain numbers in code. */
const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A measurable criterion of a step with the workspace's green and yellow thresholds. */
@Entity('service_audit_criteria')
@Check('service_audit_criteria_measure_check', `measure IN ${MEASURE_LIST}`)
@Check('service_audit_criteria_direction_check', `direction IN ('higher_better', 'lower_better')`)
@Check(
  'service_audit_criteria_thresholds_check',
  `(direction = 'lower_better' AND green <= yellow) OR (direction = 'higher_better' AND green >= yellow)`,
)
@ForeignKey(() => AuditStepEntity, ['workspaceId', 'stepId'], ['workspaceId', 'id'], {
  name: 'service_audit_criteria_step_fkey',
  onDelete: 'CASCADE',
})
@Index('service_audit_criteria_step_idx', ['workspaceId', 'stepId'])
export class AuditCriterionEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'service_audit_criteria_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'step_id', type: 'uuid' })
  stepId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  measure: AuditMeasure;

  @Column({ type: 'varchar', length: 16 })
  unit: string;

  @Column({ type: 'varchar', length: 16 })
  direction: AuditDirection;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numeric })
  green: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numeric })
  yellow: number;

  /** The pass/fail items of a checklist criterion (empty for computed ones). */
  @Column({ name: 'checklist_items', type: 'jsonb', default: () => "'[]'" })
  checklistItems: string[];

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
