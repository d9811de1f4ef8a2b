import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type ObjectLiteral } from 'typeorm';
import { AuditCheckEntity, type CheckItem } from './audit-check.entity';
import { AuditCriterionEntity } from './audit-criterion.entity';
import { AuditProcessEntity } from './audit-process.entity';
import { AuditStepEntity } from './audit-step.entity';

/** The outcome of a revisioned edit: the new row, or why there is none. */
export type RevisionedUpdate<T> = { kind: 'updated'; row: T } | { kind: 'missing' } | { kind: 'stale'; revision: number };

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

  count(repo: Repository<Revisioned>, where: ObjectLiteral): Promise<number> {
    return repo.count({ where });
  }

  insert<T extends Revisioned>(repo: Repository<T>, values: Partial<T>): Promise<T> {
    return repo.save(repo.create(values as T));
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
