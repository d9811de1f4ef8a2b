import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { RecoveryProblemCaseEntity } from './recovery-problem-case.entity';
import { RecoveryProblemEntity } from './recovery-problem.entity';
import type { ProblemKind, ProblemStatus } from './win-back-rules';

export interface NewProblem {
  kind: ProblemKind;
  clusterId: string | null;
  churnReasonKey: string | null;
  title: string;
  touchpointId: string | null;
  createdBy: string | null;
}

export interface FixClaim {
  fixedAt: Date;
  fixedBy: string | null;
  whatChanged: string;
  touchpointId: string | null | undefined;
}

/** Problems and the cases linked to known issues (SQL only; the rules are WinBackService's). */
@Injectable()
export class RecoveryProblemsRepository {
  constructor(
    @InjectRepository(RecoveryProblemEntity) private readonly problems: Repository<RecoveryProblemEntity>,
    @InjectRepository(RecoveryProblemCaseEntity) private readonly links: Repository<RecoveryProblemCaseEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.problems.manager.transaction(work);
  }

  /**
   * Creates the problem; a cluster or churn reason that already has one returns that one (the unique partial indexes
   * make two concurrent creations meet on one row). `created` tells which.
   */
  async findOrCreate(workspaceId: string, input: NewProblem): Promise<{ row: RecoveryProblemEntity; created: boolean }> {
    const inserted: { id: string }[] = await this.problems.query(
      `INSERT INTO recovery_problems (workspace_id, kind, cluster_id, churn_reason_key, title, touchpoint_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING RETURNING id`,
      [workspaceId, input.kind, input.clusterId, input.churnReasonKey, input.title, input.touchpointId, input.createdBy],
    );
    if (inserted[0]) return { row: (await this.get(workspaceId, inserted[0].id))!, created: true };
    const where = input.clusterId ? { workspaceId, clusterId: input.clusterId } : { workspaceId, churnReasonKey: input.churnReasonKey! };
    return { row: (await this.problems.findOneBy(where))!, created: false };
  }

  get(workspaceId: string, id: string, manager?: EntityManager): Promise<RecoveryProblemEntity | null> {
    return (manager?.getRepository(RecoveryProblemEntity) ?? this.problems).findOneBy({ workspaceId, id });
  }

  /** The workspace's problems, open ones first, then the latest fixes (a workspace has tens to hundreds). */
  list(
    workspaceId: string,
    filter: { status?: ProblemStatus; kind?: ProblemKind },
    limit: number,
  ): Promise<[RecoveryProblemEntity[], number]> {
    const query = this.problems
      .createQueryBuilder('p')
      .where('p.workspaceId = :workspaceId', { workspaceId })
      .orderBy(`CASE WHEN p.status = 'open' THEN 0 ELSE 1 END`)
      .addOrderBy('p.fixed_at', 'DESC', 'NULLS LAST')
      .addOrderBy('p.created_at', 'DESC')
      .addOrderBy('p.id')
      .take(limit);
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    return query.getManyAndCount();
  }

  /**
   * Marks an open problem fixed, once: the conditional UPDATE is the claim. A concurrent second request waits for the
   * row lock, finds it fixed and gets nothing (the caller answers 409). affected_count is set by the snapshot.
   */
  async claimFix(workspaceId: string, id: string, fix: FixClaim, manager: EntityManager): Promise<RecoveryProblemEntity | null> {
    const [rows] = (await manager.query(
      `UPDATE recovery_problems
          SET status = 'fixed', fixed_at = $3, fixed_by = $4, what_changed = $5, affected_count = 0,
              touchpoint_id = CASE WHEN $6 THEN $7::uuid ELSE touchpoint_id END, updated_at = now()
        WHERE workspace_id = $1 AND id = $2 AND status = 'open'
        RETURNING id`,
      [workspaceId, id, fix.fixedAt, fix.fixedBy, fix.whatChanged, fix.touchpointId !== undefined, fix.touchpointId ?? null],
    )) as [{ id: string }[], number];
    return rows.length > 0 ? this.get(workspaceId, id, manager) : null;
  }

  async setAffectedCount(workspaceId: string, id: string, count: number, manager: EntityManager): Promise<void> {
    await manager.update(RecoveryProblemEntity, { workspaceId, id }, { affectedCount: count });
  }

  /** Links a case to a known issue as its root cause (replacing the case's earlier root cause). */
  async linkCase(workspaceId: string, caseId: string, problemId: string, linkedBy: string | null): Promise<void> {
    await this.links.query(
      `INSERT INTO recovery_problem_cases (workspace_id, case_id, problem_id, linked_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, case_id) DO UPDATE SET problem_id = EXCLUDED.problem_id, linked_by = EXCLUDED.linked_by, linked_at = now()`,
      [workspaceId, caseId, problemId, linkedBy],
    );
  }

  async unlinkCase(workspaceId: string, caseId: string): Promise<boolean> {
    return ((await this.links.delete({ workspaceId, caseId })).affected ?? 0) > 0;
  }

  async rootCauseOf(workspaceId: string, caseId: string): Promise<RecoveryProblemEntity | null> {
    const link = await this.links.findOneBy({ workspaceId, caseId });
    return link ? this.get(workspaceId, link.problemId) : null;
  }

  async linkedCaseIds(workspaceId: string, problemId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await (manager?.getRepository(RecoveryProblemCaseEntity) ?? this.links).find({
      select: { caseId: true },
      where: { workspaceId, problemId },
    });
    return rows.map((r) => r.caseId);
  }

  /** How many cases each of these problems has linked (known issues). */
  async linkedCaseCounts(workspaceId: string, problemIds: readonly string[]): Promise<Map<string, number>> {
    if (problemIds.length === 0) return new Map();
    const rows: { problemId: string; count: number }[] = await this.links
      .createQueryBuilder('l')
      .select('l.problem_id', 'problemId')
      .addSelect('count(*)::int', 'count')
      .where('l.workspace_id = :workspaceId AND l.problem_id = ANY(:problemIds)', { workspaceId, problemIds: [...problemIds] })
      .groupBy('l.problem_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.problemId, r.count]));
  }
}
