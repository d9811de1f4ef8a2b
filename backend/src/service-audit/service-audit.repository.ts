import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { AuditCheckEntity, type CheckItem } from './audit-check.entity';
import { AuditCriterionEntity } from './audit-criterion.entity';
import { AuditProcessEntity } from './audit-process.entity';
import { AuditStepEntity } from './audit-step.entity';

/** The outcome of a revisioned edit: the new row, or why there is none. */
export type RevisionedUpdate<T> = { kind: 'updated'; row: T } | { kind: 'missing' } | { kind: 'stale'; revision: number };

/** Why a capped insert did not happen: the parent is gone, or already holds the limit. */
export type CappedInsert<T> = { kind: 'inserted'; row: T } | { kind: 'missing' } | { kind: 'full' };

/** Checklist items passed and scored per criterion and month ('YYYY-MM'). */
export type ChecklistMonth = { criterionId: string; month: string; passed: number; scored: number };

type Revisioned = ObjectLiteral & { workspaceId: string; id: string; revision: number };

/** The audit model's tables and the checklist checks (this module owns them). */
@Injectable()
export class ServiceAuditRepository {
  constructor(
    @InjectRepository(AuditProcessEntity) readonly processes: Repository<AuditProcessEntity>,
    @InjectRepository(AuditStepEntity) readonly steps: Repository<AuditStepEntity>,
    @InjectRepository(AuditCriterionEntity) readonly criteria: Repository<AuditCriterionEntity>,
    @InjectRepository(AuditCheckEntity) private readonly checks: Repository<AuditCheckEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async model(workspaceId: string) {
    const order = { position: 'ASC', createdAt: 'ASC', id: 'ASC' } as const;
    const [processes, steps, criteria] = await Promise.all([
      this.processes.find({ where: { workspaceId }, order }),
      this.steps.find({ where: { workspaceId }, order }),
      this.criteria.find({ where: { workspaceId }, order }),
    ]);
    return { processes, steps, criteria };
  }

  /**
   * Adds a process unless the workspace already has `limit`. Count and insert run in one transaction under a
   * per-workspace advisory lock (the workspace row belongs to another module), so concurrent creates queue.
   */
  insertProcess(values: Partial<AuditProcessEntity> & { workspaceId: string }, limit: number): Promise<CappedInsert<AuditProcessEntity>> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('service-audit-processes:' || $1, 0))`, [values.workspaceId]);
      return this.insertUnder(manager, AuditProcessEntity, { workspaceId: values.workspaceId }, limit, values);
    });
  }

  /** Adds a step unless its process is gone or full; the process row stays locked from the count to the insert. */
  insertStep(
    values: Partial<AuditStepEntity> & { workspaceId: string; processId: string },
    limit: number,
  ): Promise<CappedInsert<AuditStepEntity>> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.lockParent(manager, AuditProcessEntity, values.workspaceId, values.processId))) return { kind: 'missing' };
      return this.insertUnder(manager, AuditStepEntity, { workspaceId: values.workspaceId, processId: values.processId }, limit, values);
    });
  }

  /** Adds a criterion unless its step is gone or full; the step row stays locked from the count to the insert. */
  insertCriterion(
    values: Partial<AuditCriterionEntity> & { workspaceId: string; stepId: string },
    limit: number,
  ): Promise<CappedInsert<AuditCriterionEntity>> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.lockParent(manager, AuditStepEntity, values.workspaceId, values.stepId))) return { kind: 'missing' };
      return this.insertUnder(manager, AuditCriterionEntity, { workspaceId: values.workspaceId, stepId: values.stepId }, limit, values);
    });
  }

  /** FOR NO KEY UPDATE: serialises the parent's capped inserts without blocking other rows' foreign-key checks on it. */
  private async lockParent(manager: EntityManager, parent: EntityTarget<Revisioned>, workspaceId: string, id: string): Promise<boolean> {
    const row = await manager
      .createQueryBuilder(parent, 'p')
      .select('p.id')
      .where('p.workspaceId = :workspaceId AND p.id = :id', { workspaceId, id })
      .setLock('for_no_key_update')
      .getOne();
    return row !== null;
  }

  private async insertUnder<T extends Revisioned>(
    manager: EntityManager,
    target: EntityTarget<T>,
    siblings: ObjectLiteral,
    limit: number,
    values: Partial<T>,
  ): Promise<CappedInsert<T>> {
    const repo = manager.getRepository(target);
    if ((await repo.count({ where: siblings as FindOptionsWhere<T> })) >= limit) return { kind: 'full' };
    return { kind: 'inserted', row: await repo.save(repo.create(values as T)) };
  }

  /**
   * Applies `patch` only if the row is still at `revision` (one statement, so of two edits from the same revision
   * exactly one wins), bumping the revision; otherwise says whether the row is gone or moved on.
   */
  async updateAtRevision<T extends Revisioned>(
    repo: Repository<T>,
    workspaceId: string,
    id: string,
    revision: number,
    patch: Partial<T>,
  ): Promise<RevisionedUpdate<T>> {
    const result = await repo
      .createQueryBuilder()
      .update()
      .set({ ...patch, revision: () => 'revision + 1', updatedAt: () => 'now()' } as never)
      .where('workspace_id = :workspaceId AND id = :id AND revision = :revision', { workspaceId, id, revision })
      .execute();
    const row = await repo.findOneBy({ workspaceId, id } as never);
    if (!row) return { kind: 'missing' };
    if (!result.affected) return { kind: 'stale', revision: row.revision };
    return { kind: 'updated', row };
  }

  async remove(repo: Repository<Revisioned>, workspaceId: string, id: string): Promise<boolean> {
    const result = await repo.delete({ workspaceId, id });
    return (result.affected ?? 0) > 0;
  }

  insertCheck(row: {
    workspaceId: string;
    criterionId: string;
    touchpointId: string;
    month: string;
    scoredBy: string | null;
    items: CheckItem[];
    passed: number;
    failed: number;
    note: string | null;
    /** When it was scored (the demo's history); now by default. */
    scoredAt?: Date;
  }): Promise<AuditCheckEntity> {
    return this.checks.save(this.checks.create(row));
  }

  listChecks(workspaceId: string, criterionId: string, month?: string): Promise<AuditCheckEntity[]> {
    return this.checks.find({
      where: { workspaceId, criterionId, ...(month ? { month } : {}) },
      order: { scoredAt: 'DESC', id: 'DESC' },
      take: 500,
    });
  }

  async removeCheck(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.checks.delete({ workspaceId, id });
    return (result.affected ?? 0) > 0;
  }

  /** Items passed and scored per checklist criterion and month in [fromMonth, toMonth] (first days, 'YYYY-MM-01'). */
  checklistMonths(workspaceId: string, fromMonth: string, toMonth: string): Promise<ChecklistMonth[]> {
    return this.checks
      .createQueryBuilder('c')
      .select('c.criterion_id', 'criterionId')
      .addSelect(`to_char(c.month, 'YYYY-MM')`, 'month')
      .addSelect('sum(c.passed)::int', 'passed')
      .addSelect('sum(c.passed + c.failed)::int', 'scored')
      .where('c.workspace_id = :workspaceId AND c.month BETWEEN :fromMonth AND :toMonth', { workspaceId, fromMonth, toMonth })
      .groupBy('c.criterion_id')
      .addGroupBy('c.month')
      .getRawMany<ChecklistMonth>();
  }
}
