import { Injectable } from '@nestjs/common';
import { conflict } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { PromisesService } from '../promises/promises.service';
import { AuditGridService } from './audit-grid.service';
import { monthOf } from '../metrics';
import { AuditModelService } from './audit-model.service';
import { AuditValuesService } from './audit-values.service';
import type { CreateImprovementStepDto } from './service-audit.dto';

/** Clock skew between the browser and the server. */
const PAST_TOLERANCE_MS = 60_000;
const MAX_AHEAD_MS = 2 * 366 * 24 * 3600_000;

/** A red cell's improvement step: recorded in the promise register (source 'audit') with an owner and a due date. */
@Injectable()
export class AuditImprovementsService {
  constructor(
    private readonly model: AuditModelService,
    private readonly grid: AuditGridService,
    private readonly values: AuditValuesService,
    private readonly promises: PromisesService,
  ) {}

  async create(
    workspaceId: string,
    criterionId: string,
    userId: string | null,
    input: CreateImprovementStepDto,
    now = new Date(),
  ): Promise<{ id: string }> {
    const criterion = await this.model.criterion(workspaceId, criterionId);
    const touchpointId = await this.model.touchpointOf(workspaceId, criterion);
    if (input.month > monthOf(now, await this.values.timeZone(workspaceId)))
      throw validationError([{ field: 'month', message: 'month cannot be in the future' }]);
    const dueAt = new Date(input.dueAt);
    if (Number.isNaN(dueAt.getTime())) throw validationError([{ field: 'dueAt', message: 'dueAt must be an ISO 8601 date-time' }]);
    if (dueAt.getTime() < now.getTime() - PAST_TOLERANCE_MS)
      throw validationError([{ field: 'dueAt', message: 'dueAt cannot be in the past' }]);
    if (dueAt.getTime() > now.getTime() + MAX_AHEAD_MS)
      throw validationError([{ field: 'dueAt', message: 'dueAt must be within two years' }]);
    const colour = await this.grid.colourOf(workspaceId, criterionId, touchpointId, input.month, now);
    if (colour !== 'red')
      throw conflict(
        'not_red',
        `Improvement steps are added to red cells; this criterion is ${colour.replace('_', ' ')} in ${input.month}`,
      );
    return this.promises.createImprovementStep(
      workspaceId,
      { userId },
      { touchpointId, ownerId: input.ownerId, text: input.text, dueAt, auditRef: { criterionId, month: input.month } },
    );
  }
}
