import { Injectable } from '@nestjs/common';
import { ProblemViews } from './problem-views';
import { RecoveryProblemsRepository } from './recovery-problems.repository';
import { PROBLEM_LIST_LIMIT, type RecoveryReportDto } from './win-back.dto';

/** The win-back report: every fix with its counts, and the totals (revenue added per currency as decimal strings). */
@Injectable()
export class RecoveryReportService {
  constructor(
    private readonly problems: RecoveryProblemsRepository,
    private readonly views: ProblemViews,
  ) {}

  async build(workspaceId: string): Promise<RecoveryReportDto> {
    const [rows, totalFixes] = await this.problems.list(workspaceId, { status: 'fixed' }, PROBLEM_LIST_LIMIT);
    const fixes = await this.views.many(workspaceId, rows);
    const cents = new Map<string, bigint>();
    for (const fix of fixes) for (const r of fix.revenueRecovered) cents.set(r.currency, (cents.get(r.currency) ?? 0n) + toCents(r.amount));
    const sum = (key: 'affected' | 'told' | 'answered' | 'returned') => fixes.reduce((n, f) => n + f[key], 0);
    return {
      fixes,
      totalFixes,
      affected: sum('affected'),
      told: sum('told'),
      answered: sum('answered'),
      returned: sum('returned'),
      revenueRecovered: [...cents.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, c]) => ({ currency, amount: fromCents(c) })),
    };
  }
}

/** "120.5" → 12050n: exact decimal arithmetic, no floats. */
function toCents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

const fromCents = (c: bigint) => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;
