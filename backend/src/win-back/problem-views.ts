import { Injectable } from '@nestjs/common';
import { UsersReader } from '../users/users.reader';
import type { ProblemDto } from './win-back.dto';
import type { RecoveryProblemEntity } from './recovery-problem.entity';
import { RecoveryProblemsRepository } from './recovery-problems.repository';
import { RecoveryReportRepository } from './recovery-report.repository';

/** Problems as the API shows them, with the report's columns (one grouped query each per list, not per row). */
@Injectable()
export class ProblemViews {
  constructor(
    private readonly report: RecoveryReportRepository,
    private readonly problems: RecoveryProblemsRepository,
    private readonly users: UsersReader,
  ) {}

  async one(workspaceId: string, row: RecoveryProblemEntity): Promise<ProblemDto> {
    return (await this.many(workspaceId, [row]))[0];
  }

  async many(workspaceId: string, rows: readonly RecoveryProblemEntity[]): Promise<ProblemDto[]> {
    const ids = rows.map((r) => r.id);
    const [counts, revenue, links, people] = await Promise.all([
      this.report.counts(workspaceId, ids),
      this.report.revenue(workspaceId, ids),
      this.problems.linkedCaseCounts(workspaceId, ids),
      this.users.profilesOf(rows.map((r) => r.fixedBy)),
    ]);
    const countOf = new Map(counts.map((c) => [c.problemId, c]));
    return rows.map((p) => {
      const c = countOf.get(p.id);
      const by = p.fixedBy ? people.get(p.fixedBy) : undefined;
      return {
        id: p.id,
        kind: p.kind,
        clusterId: p.clusterId,
        churnReasonKey: p.churnReasonKey,
        title: p.title,
        status: p.status,
        fixedAt: p.fixedAt?.toISOString() ?? null,
        fixedByName: by ? by.name || by.email : null,
        whatChanged: p.whatChanged,
        touchpointId: p.touchpointId,
        linkedCases: links.get(p.id) ?? 0,
        createdAt: p.createdAt.toISOString(),
        affected: c?.affected ?? 0,
        told: c?.told ?? 0,
        held: c?.held ?? 0,
        noAddress: c?.noAddress ?? 0,
        answered: c?.answered ?? 0,
        returned: c?.returned ?? 0,
        revenueRecovered: revenue.filter((r) => r.problemId === p.id).map((r) => ({ currency: r.currency, amount: r.amount })),
      };
    });
  }
}
