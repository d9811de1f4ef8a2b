import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { UsersReader } from '../users/users.reader';
import type { AuditCheckEntity, CheckItem } from './audit-check.entity';
import { monthOf } from '../metrics';
import { AuditModelService } from './audit-model.service';
import { AuditValuesService } from './audit-values.service';
import type { CheckDto, CheckListDto, CreateCheckDto } from './service-audit.dto';
import { ServiceAuditRepository } from './service-audit.repository';

/** Checklist checks (call listening, mystery shopping) scored by members against a checklist criterion. */
@Injectable()
export class AuditChecksService {
  constructor(
    private readonly repo: ServiceAuditRepository,
    private readonly model: AuditModelService,
    private readonly values: AuditValuesService,
    private readonly users: UsersReader,
  ) {}

  async create(
    workspaceId: string,
    criterionId: string,
    userId: string | null,
    input: CreateCheckDto,
    now = new Date(),
  ): Promise<CheckDto> {
    const criterion = await this.model.criterion(workspaceId, criterionId);
    if (criterion.measure !== 'checklist_percent')
      throw conflict('not_a_checklist', 'Only checklist criteria (measure checklist_percent) are scored by hand');
    if (input.month > monthOf(now, await this.values.timeZone(workspaceId)))
      throw validationError([{ field: 'month', message: 'month cannot be in the future' }]);
    const known = new Set(criterion.checklistItems);
    const seen = new Set<string>();
    input.items.forEach((it, i) => {
      if (!known.has(it.item))
        throw validationError([{ field: `items.${i}.item`, message: `"${it.item.slice(0, 80)}" is not an item of this checklist` }]);
      if (seen.has(it.item)) throw validationError([{ field: `items.${i}.item`, message: 'each item can be scored once per check' }]);
      seen.add(it.item);
    });
    const passed = input.items.filter((it) => it.passed).length;
    const row = await this.repo.insertCheck({
      workspaceId,
      criterionId,
      touchpointId: await this.model.touchpointOf(workspaceId, criterion),
      month: `${input.month}-01`,
      scoredBy: userId,
      items: input.items.map(({ item, passed }) => ({ item, passed })),
      passed,
      failed: input.items.length - passed,
      note: input.note ? input.note : null,
    });
    return (await this.toDtos([row]))[0];
  }

  /** A check scored earlier (the demo's history): no request checks, the caller knows the criterion and touchpoint. */
  async recordScored(
    workspaceId: string,
    input: {
      criterionId: string;
      touchpointId: string;
      month: string;
      scoredBy: string | null;
      scoredAt: Date;
      items: CheckItem[];
      note: string | null;
    },
  ): Promise<void> {
    const passed = input.items.filter((it) => it.passed).length;
    await this.repo.insertCheck({ workspaceId, ...input, month: `${input.month}-01`, passed, failed: input.items.length - passed });
  }

  async list(workspaceId: string, criterionId: string, month?: string): Promise<CheckListDto> {
    await this.model.criterion(workspaceId, criterionId);
    return { items: await this.toDtos(await this.repo.listChecks(workspaceId, criterionId, month ? `${month}-01` : undefined)) };
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.repo.removeCheck(workspaceId, id))) throw notFound('Check');
  }

  private async toDtos(rows: AuditCheckEntity[]): Promise<CheckDto[]> {
    const people = await this.users.profilesOf(rows.map((r) => r.scoredBy));
    return rows.map((r) => ({
      id: r.id,
      criterionId: r.criterionId,
      touchpointId: r.touchpointId,
      month: String(r.month).slice(0, 7),
      scoredBy: r.scoredBy,
      scoredByName: r.scoredBy ? (people.get(r.scoredBy)?.name ?? null) : null,
      scoredAt: new Date(r.scoredAt).toISOString(),
      items: r.items,
      passed: r.passed,
      failed: r.failed,
      note: r.note,
    }));
  }
}
