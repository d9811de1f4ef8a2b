import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../common/auth/roles';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { BudgetPeriod, BudgetScope } from './compensation-rules';

/** What a role, or one member (overriding their role's), may grant customers per period without an admin's approval. */
@Entity('compensation_budgets')
@Check('compensation_budgets_scope_check', `scope IN ('role', 'member')`)
@Check('compensation_budgets_role_check', `role IN ('admin', 'analyst', 'owner', 'viewer')`)
@Check('compensation_budgets_amount_check', 'amount >= 0')
@Check('compensation_budgets_currency_check', `currency ~ '^[A-Z]{3}$'`)
@Check('compensation_budgets_period_check', `period IN ('month', 'quarter', 'year')`)
@Check('compensation_budgets_target_check', `(scope = 'role') = (role IS NOT NULL) AND (scope = 'member') = (user_id IS NOT NULL)`)
// Partial unique indexes (TypeORM cannot describe their WHERE): one budget per role, one per member.
@Index('compensation_budgets_role_key', { synchronize: false })
@Index('compensation_budgets_member_key', { synchronize: false })
export class CompensationBudgetEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'compensation_budgets_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 8 })
  scope: BudgetScope;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role: Role | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'compensation_budgets_user_id_fkey', onDelete: 'CASCADE' })
  userId: string | null;

  /** numeric(14,2), read as a string. */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 8 })
  period: BudgetPeriod;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'compensation_budgets_updated_by_fkey', onDelete: 'SET NULL' })
  updatedBy: string | null;
}
