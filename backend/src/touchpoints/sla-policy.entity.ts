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
import type { BusinessCalendar, SlaClockMode, SlaRules } from '../sla/clock';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** An SLA policy: targets per priority and channel and the business calendar they count in (touchpoints owns it). */
@Entity('sla_policies')
@Unique('sla_policies_workspace_id_name_key', ['workspaceId', 'name'])
@Check('sla_policies_clock_check', `clock IN ('business', 'calendar')`)
// At most one default per workspace (a partial unique index, which TypeORM cannot describe).
@Index('sla_policies_one_default', { synchronize: false })
export class SlaPolicyEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'sla_policies_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  @Column({ type: 'varchar', length: 16, default: 'business' })
  clock: SlaClockMode;

  @Column({ type: 'jsonb' })
  rules: SlaRules;

  @Column({ type: 'jsonb' })
  calendar: BusinessCalendar;

  @Column({ name: 'warn_at_share', type: 'real', default: () => '0.8' })
  warnAtShare: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
