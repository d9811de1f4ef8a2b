import { Injectable } from '@nestjs/common';
import { CasesForCompensation } from '../cases/cases-for-compensation';
import { UsersReader } from '../users/users.reader';
import type { CompensationBudgetEntity } from './compensation-budget.entity';
import { isSelfApproved } from './compensation-rules';
import type { CompensationGrantEntity } from './compensation-grant.entity';
import type { CompensationBudgetDto, GrantDto, CompensationPersonDto } from './compensation.dto';

type Profiles = Map<string, { name: string | null; email: string }>;

/**
 * Who a member is: their name; without one, their email for people signed in, and "Member <short id>" for API tokens
 * (a compensation:read token must not list members' emails, which otherwise needs members:read).
 */
export const personName = (profile: { name: string | null; email: string } | undefined, id: string, withEmail: boolean): string =>
  profile?.name || (withEmail && profile?.email) || (profile ? `Member ${id.slice(0, 8)}` : 'Former member');

const person = (profiles: Profiles, id: string | null, withEmail: boolean): CompensationPersonDto | null =>
  id ? { id, name: personName(profiles.get(id), id, withEmail) } : null;

/** Grants and budgets as the API shows them: people by name, cases by number (one query each per page). */
@Injectable()
export class CompensationViews {
  constructor(
    private readonly users: UsersReader,
    private readonly cases: CasesForCompensation,
  ) {}

  async grants(workspaceId: string, rows: readonly CompensationGrantEntity[], withEmail: boolean): Promise<GrantDto[]> {
    const [profiles, numbers] = await Promise.all([
      this.users.profilesOf(rows.flatMap((r) => [r.grantedBy, r.decidedBy])),
      this.cases.numbersOf(
        workspaceId,
        rows.map((r) => r.caseId),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      caseNumber: r.caseId ? (numbers.get(r.caseId) ?? null) : null,
      customerExternalId: r.customerExternalId,
      touchpointId: r.touchpointId,
      grantedBy: person(profiles, r.grantedBy, withEmail),
      kind: r.kind,
      amount: r.amount,
      currency: r.currency,
      reason: r.reason,
      status: r.status,
      withinBudget: r.withinBudget,
      decidedBy: person(profiles, r.decidedBy, withEmail),
      decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
      decisionNote: r.decisionNote,
      selfApproved: isSelfApproved(r),
      periodStart: r.periodStart,
      createdAt: new Date(r.createdAt).toISOString(),
    }));
  }

  async grant(workspaceId: string, row: CompensationGrantEntity, withEmail: boolean): Promise<GrantDto> {
    return (await this.grants(workspaceId, [row], withEmail))[0];
  }

  async budgets(rows: readonly CompensationBudgetEntity[], withEmail: boolean): Promise<CompensationBudgetDto[]> {
    const profiles = await this.users.profilesOf(rows.map((r) => r.userId));
    return rows.map((r) => ({
      scope: r.scope,
      role: r.role,
      member: person(profiles, r.userId, withEmail),
      amount: r.amount,
      currency: r.currency,
      period: r.period,
      updatedAt: new Date(r.updatedAt).toISOString(),
    }));
  }
}
