import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '../common/auth/roles';
import { ApiError, type FieldError } from '../common/http/api-error';
import { MembershipsReader } from '../members/memberships.reader';
import type { CompensationBudgetEntity } from './compensation-budget.entity';
import { CompensationBudgetsRepository, type BudgetValues } from './compensation-budgets.repository';
import { CompensationGrantsRepository } from './compensation-grants.repository';
import { fromCents, GRANTING_ROLES, periodContaining, toCents, type BudgetPeriod } from './compensation-rules';

/** A member's budget in the period that contains a moment: what they spent of it and what is left. */
export interface BudgetState {
  hasBudget: boolean;
  source: 'role' | 'member' | null;
  budget: string | null;
  currency: string | null;
  period: BudgetPeriod;
  periodStart: string;
  periodEnd: string;
  spent: string;
  remaining: string;
  pending: string;
}

const invalid = (details: FieldError[]) =>
  new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', `Invalid request: ${details.map((d) => d.message).join('; ')}`, details);

/** Budgets per role and member (admins save them whole) and a member's state in the current period. */
@Injectable()
export class CompensationBudgetsService {
  constructor(
    private readonly budgets: CompensationBudgetsRepository,
    private readonly grants: CompensationGrantsRepository,
    private readonly members: MembershipsReader,
  ) {}

  list(workspaceId: string): Promise<CompensationBudgetEntity[]> {
    return this.budgets.list(workspaceId);
  }

  /**
   * Replaces every budget of the workspace. One budget per role and per member; member budgets only for members
   * who may grant (viewers cannot), role budgets not for viewers. Nothing is saved when anything is wrong.
   */
  async save(workspaceId: string, values: readonly BudgetValues[], updatedBy: string | null): Promise<CompensationBudgetEntity[]> {
    const errors: FieldError[] = [];
    const roles = new Set<Role>();
    const users = new Set<string>();
    values.forEach((v, i) => {
      if (v.role !== undefined && v.userId !== undefined)
        errors.push({ field: `budgets.${i}`, message: `budgets.${i} names both a role and a member; give one` });
      else if (v.userId !== undefined) {
        if (users.has(v.userId)) errors.push({ field: `budgets.${i}.userId`, message: `budgets.${i}.userId has a budget already` });
        users.add(v.userId);
      } else if (v.role !== undefined) {
        if (v.role === 'viewer')
          errors.push({ field: `budgets.${i}.role`, message: `budgets.${i}.role: viewers cannot grant compensation` });
        if (roles.has(v.role)) errors.push({ field: `budgets.${i}.role`, message: `budgets.${i}.role ${v.role} has a budget already` });
        roles.add(v.role);
      }
    });
    if (errors.length === 0 && users.size > 0) {
      const members = new Map((await this.members.members(workspaceId)).map((m) => [m.userId, m.role]));
      values.forEach((v, i) => {
        if (v.userId === undefined) return;
        const role = members.get(v.userId);
        if (!role) errors.push({ field: `budgets.${i}.userId`, message: `budgets.${i}.userId is not a member of this workspace` });
        else if (!GRANTING_ROLES.includes(role))
          errors.push({ field: `budgets.${i}.userId`, message: `budgets.${i}.userId is a viewer; viewers cannot grant compensation` });
      });
    }
    if (errors.length > 0) throw invalid(errors);
    await this.grants.transaction(async (manager) => {
      await this.budgets.lockWorkspace(manager, workspaceId);
      await this.budgets.replaceAll(manager, workspaceId, values, updatedBy);
    });
    return this.budgets.list(workspaceId);
  }

  /** The budget that applies to the member (theirs, else their role's) in the caller's transaction when given. */
  resolve(workspaceId: string, userId: string, role: Role, manager?: EntityManager): Promise<CompensationBudgetEntity | null> {
    return this.budgets.resolve(workspaceId, userId, role, manager);
  }

  /** The member's budget, spent, pending and remaining in the period that contains `at`. */
  async stateOf(workspaceId: string, userId: string, role: Role, at: Date = new Date()): Promise<BudgetState> {
    const budget = GRANTING_ROLES.includes(role) ? await this.budgets.resolve(workspaceId, userId, role) : null;
    const period = budget?.period ?? 'month';
    const range = periodContaining(period, at);
    const sums = budget
      ? (await this.grants.ledgerSums(workspaceId, [{ userId, ...range }])).find((s) => s.currency === budget.currency)
      : undefined;
    const spent = sums?.spent ?? '0.00';
    const left = budget ? toCents(budget.amount) - toCents(spent) : 0n;
    return {
      hasBudget: budget !== null,
      source: budget?.scope ?? null,
      budget: budget?.amount ?? null,
      currency: budget?.currency ?? null,
      period,
      periodStart: range.start,
      periodEnd: range.end,
      spent,
      remaining: fromCents(left > 0n ? left : 0n),
      pending: sums?.pending ?? '0.00',
    };
  }
}
