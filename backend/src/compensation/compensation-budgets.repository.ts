import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Role } from '../common/auth/roles';
import { CompensationBudgetEntity } from './compensation-budget.entity';
import type { BudgetPeriod } from './compensation-rules';

/** A budget as saved by an admin: for a role, or for one member (overriding their role's). */
export type BudgetInput = { role: Role; userId?: undefined } | { userId: string; role?: undefined };
export type BudgetValues = BudgetInput & { amount: string; currency: string; period: BudgetPeriod };

@Injectable()
export class CompensationBudgetsRepository {
  constructor(@InjectRepository(CompensationBudgetEntity) private readonly budgets: Repository<CompensationBudgetEntity>) {}

  private repo(manager?: EntityManager): Repository<CompensationBudgetEntity> {
    return manager ? manager.getRepository(CompensationBudgetEntity) : this.budgets;
  }

  /** Role budgets first (in role order), then member budgets. */
  list(workspaceId: string): Promise<CompensationBudgetEntity[]> {
    return this.budgets
      .createQueryBuilder('b')
      .where('b.workspace_id = :workspaceId', { workspaceId })
      .orderBy('b.scope', 'DESC')
      .addOrderBy(`array_position(ARRAY['admin', 'analyst', 'owner', 'viewer']::varchar[], b.role)`)
      .addOrderBy('b.updated_at')
      .getMany();
  }

  /** The budget that applies to a member: their own, else their role's; null when neither is set. */
  resolve(workspaceId: string, userId: string, role: Role, manager?: EntityManager): Promise<CompensationBudgetEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('b')
      .where('b.workspace_id = :workspaceId', { workspaceId })
      .andWhere(`((b.scope = 'member' AND b.user_id = :userId) OR (b.scope = 'role' AND b.role = :role))`, { userId, role })
      .orderBy(`b.scope = 'member'`, 'DESC')
      .limit(1)
      .getOne();
  }

  /** Replaces the workspace's budgets with these (PUT semantics), in the caller's transaction. */
  async replaceAll(manager: EntityManager, workspaceId: string, values: readonly BudgetValues[], updatedBy: string | null): Promise<void> {
    const repo = this.repo(manager);
    await repo.delete({ workspaceId });
    if (values.length === 0) return;
    await repo.insert(
      values.map((v) => ({
        workspaceId,
        scope: v.userId ? ('member' as const) : ('role' as const),
        role: v.userId ? null : (v.role ?? null),
        userId: v.userId ?? null,
        amount: v.amount,
        currency: v.currency,
        period: v.period,
        updatedBy,
      })),
    );
  }

  /** Serialises budget saves of one workspace (two admins saving at once: the later one wins whole). */
  async lockWorkspace(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('compensation-budgets:' || $1, 0))`, [workspaceId]);
  }
}
