import { Injectable } from '@nestjs/common';
import { MembershipsReader } from '../members/memberships.reader';
import { CompensationBudgetsRepository } from './compensation-budgets.repository';
import { CompensationGrantsRepository, type LedgerSums, type PersonPeriod } from './compensation-grants.repository';
import { fromCents, periodContaining, toCents } from './compensation-rules';
import { personName } from './compensation-views';
import type { CompensationLedgerDto, CompensationLedgerRowDto } from './compensation.dto';

const ZERO = '0.00';

/**
 * The ledger: per person and currency, their budget period that contains a day, what they spent of the budget, what
 * admins approved over it, what waits and what is left. Members without a budget or grants in the period are left out.
 */
@Injectable()
export class CompensationLedgerService {
  constructor(
    private readonly budgets: CompensationBudgetsRepository,
    private readonly grants: CompensationGrantsRepository,
    private readonly members: MembershipsReader,
  ) {}

  async ledger(workspaceId: string, day: string, userId: string | undefined, withEmail: boolean): Promise<CompensationLedgerDto> {
    const at = new Date(`${day}T12:00:00Z`);
    const [members, budgets] = await Promise.all([this.members.members(workspaceId), this.budgets.list(workspaceId)]);
    const people = members
      .filter((m) => !userId || m.userId === userId)
      .map((m) => {
        const budget =
          budgets.find((b) => b.scope === 'member' && b.userId === m.userId) ??
          budgets.find((b) => b.scope === 'role' && b.role === m.role) ??
          null;
        const period = budget?.period ?? 'month';
        return { member: m, budget, period, range: periodContaining(period, at) };
      });
    const sums = await this.grants.ledgerSums(
      workspaceId,
      people.map((p): PersonPeriod => ({ userId: p.member.userId, ...p.range })),
    );
    const rows: CompensationLedgerRowDto[] = [];
    for (const p of people) {
      const mine = sums.filter((s) => s.userId === p.member.userId);
      const currencies = [...new Set([...(p.budget ? [p.budget.currency] : []), ...mine.map((s) => s.currency)])];
      for (const currency of currencies) {
        const s: Partial<LedgerSums> = mine.find((x) => x.currency === currency) ?? {};
        const budget = p.budget?.currency === currency ? p.budget.amount : null;
        const spent = s.spent ?? ZERO;
        const left = budget === null ? null : toCents(budget) - toCents(spent);
        rows.push({
          member: { id: p.member.userId, name: personName(p.member.user ?? undefined, p.member.userId, withEmail) },
          role: p.member.role,
          budgetSource: budget === null ? null : (p.budget?.scope ?? null),
          currency,
          period: p.period,
          periodStart: p.range.start,
          periodEnd: p.range.end,
          budget,
          spent,
          approvedOverBudget: s.approvedOverBudget ?? ZERO,
          selfApproved: s.selfApproved ?? ZERO,
          pending: s.pending ?? ZERO,
          remaining: left === null ? null : fromCents(left > 0n ? left : 0n),
          approvedCount: s.approvedCount ?? 0,
          pendingCount: s.pendingCount ?? 0,
          rejectedCount: s.rejectedCount ?? 0,
        });
      }
    }
    return { day, rows };
  }
}
