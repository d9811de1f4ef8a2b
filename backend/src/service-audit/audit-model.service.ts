import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { conflict, notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import type { AuditCriterionEntity } from './audit-criterion.entity';
import { MEASURE_DEFAULTS, thresholdsInOrder, type AuditMeasure } from './audit-measures';
import type { AuditProcessEntity } from './audit-process.entity';
import type { AuditStepEntity } from './audit-step.entity';
import {
  AuditModelDto,
  CreateCriterionDto,
  CreateProcessDto,
  CreateStepDto,
  CriterionDto,
  ProcessDto,
  UpdateCriterionDto,
  UpdateNamedDto,
} from './service-audit.dto';
import { ServiceAuditRepository, type CappedInsert, type RevisionedUpdate } from './service-audit.repository';

/** Guards against runaway models (a script creating criteria in a loop), far above any real audit. */
const MAX_PROCESSES = 200;
const MAX_STEPS_PER_PROCESS = 50;
const MAX_CRITERIA_PER_STEP = 50;

export const toCriterionDto = (c: AuditCriterionEntity): CriterionDto => ({
  id: c.id,
  stepId: c.stepId,
  name: c.name,
  measure: c.measure,
  unit: c.unit,
  direction: c.direction,
  green: c.green,
  yellow: c.yellow,
  checklistItems: c.checklistItems,
  position: c.position,
  revision: c.revision,
});

/** The audit model: a touchpoint's processes, their step scenarios and the criteria with thresholds. */
@Injectable()
export class AuditModelService {
  constructor(
    private readonly repo: ServiceAuditRepository,
    private readonly touchpoints: TouchpointsReader,
  ) {}

  async model(workspaceId: string): Promise<AuditModelDto> {
    const { processes, steps, criteria } = await this.repo.model(workspaceId);
    const names = await this.touchpoints.namesOf(workspaceId, [...new Set(processes.map((p) => p.touchpointId))]);
    const processDtos = processes
      .map((p): ProcessDto => ({
        id: p.id,
        touchpointId: p.touchpointId,
        touchpointName: names.get(p.touchpointId) ?? '',
        name: p.name,
        position: p.position,
        revision: p.revision,
        steps: steps
          .filter((s) => s.processId === p.id)
          .map((s) => ({
            id: s.id,
            processId: s.processId,
            name: s.name,
            position: s.position,
            revision: s.revision,
            criteria: criteria.filter((c) => c.stepId === s.id).map(toCriterionDto),
          })),
      }))
      .sort((a, b) => a.touchpointName.localeCompare(b.touchpointName) || a.position - b.position);
    return { processes: processDtos, defaults: Object.values(MEASURE_DEFAULTS) };
  }

  async createProcess(workspaceId: string, input: CreateProcessDto): Promise<{ id: string }> {
    const names = await this.touchpoints.namesOf(workspaceId, [input.touchpointId]);
    if (!names.has(input.touchpointId))
      throw validationError([{ field: 'touchpointId', message: 'touchpointId is not a touchpoint of this workspace' }]);
    const row = created(
      await this.repo.insertProcess(
        { workspaceId, touchpointId: input.touchpointId, name: input.name, position: input.position ?? 0 },
        MAX_PROCESSES,
      ),
      'Process',
      `A workspace can have at most ${MAX_PROCESSES} audited processes`,
    );
    return { id: row.id };
  }

  async updateProcess(workspaceId: string, id: string, input: UpdateNamedDto): Promise<void> {
    const { revision, ...patch } = defined(input);
    settle(await this.repo.updateAtRevision(this.repo.processes, workspaceId, id, revision, patch), 'Process', revision);
  }

  async removeProcess(workspaceId: string, id: string): Promise<void> {
    if (!(await this.repo.remove(this.repo.processes as never, workspaceId, id))) throw notFound('Process');
  }

  async createStep(workspaceId: string, processId: string, input: CreateStepDto): Promise<{ id: string }> {
    const row = created(
      await this.repo.insertStep({ workspaceId, processId, name: input.name, position: input.position ?? 0 }, MAX_STEPS_PER_PROCESS),
      'Process',
      `A process can have at most ${MAX_STEPS_PER_PROCESS} steps`,
    );
    return { id: row.id };
  }

  async updateStep(workspaceId: string, id: string, input: UpdateNamedDto): Promise<void> {
    const { revision, ...patch } = defined(input);
    settle(await this.repo.updateAtRevision(this.repo.steps, workspaceId, id, revision, patch), 'Step', revision);
  }

  async removeStep(workspaceId: string, id: string): Promise<void> {
    if (!(await this.repo.remove(this.repo.steps as never, workspaceId, id))) throw notFound('Step');
  }

  async createCriterion(workspaceId: string, stepId: string, input: CreateCriterionDto): Promise<CriterionDto> {
    const defaults = MEASURE_DEFAULTS[input.measure];
    const values = {
      name: input.name,
      measure: input.measure,
      unit: input.unit ?? defaults.unit,
      direction: input.direction ?? defaults.direction,
      green: input.green ?? defaults.green,
      yellow: input.yellow ?? defaults.yellow,
      checklistItems: input.checklistItems ?? [],
    };
    assertCriterion(values);
    const row = created(
      await this.repo.insertCriterion({ workspaceId, stepId, position: input.position ?? 0, ...values }, MAX_CRITERIA_PER_STEP),
      'Step',
      `A step can have at most ${MAX_CRITERIA_PER_STEP} criteria`,
    );
    return toCriterionDto(row);
  }

  async updateCriterion(workspaceId: string, id: string, input: UpdateCriterionDto): Promise<CriterionDto> {
    const current = await this.existing(this.repo.criteria, workspaceId, id, 'Criterion');
    const { revision, ...patch } = defined(input);
    assertCriterion({ ...current, ...patch });
    const updated = settle(await this.repo.updateAtRevision(this.repo.criteria, workspaceId, id, revision, patch), 'Criterion', revision);
    // The table's check also holds the thresholds in order against an edit of the other field racing this one.
    return toCriterionDto(updated);
  }

  async removeCriterion(workspaceId: string, id: string): Promise<void> {
    if (!(await this.repo.remove(this.repo.criteria as never, workspaceId, id))) throw notFound('Criterion');
  }

  async criterion(workspaceId: string, id: string): Promise<AuditCriterionEntity> {
    return this.existing(this.repo.criteria, workspaceId, id, 'Criterion');
  }

  /** The touchpoint a criterion belongs to (through its step and process). */
  async touchpointOf(workspaceId: string, criterion: AuditCriterionEntity): Promise<string> {
    const step = await this.existing(this.repo.steps, workspaceId, criterion.stepId, 'Step');
    const process = await this.existing(this.repo.processes, workspaceId, step.processId, 'Process');
    return process.touchpointId;
  }

  private async existing<T extends AuditProcessEntity | AuditStepEntity | AuditCriterionEntity>(
    repo: Repository<T>,
    workspaceId: string,
    id: string,
    what: string,
  ): Promise<T> {
    const row = await repo.findOneBy({ workspaceId, id } as never);
    if (!row) throw notFound(what);
    return row;
  }
}

/** The fields the body really sent (the DTO may carry omitted ones as undefined). */
const defined = <T extends object>(input: T): T => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;

/** A capped insert's row, or the 404 (parent gone) / 409 too_many (parent full) it deserves. */
function created<T>(result: CappedInsert<T>, parent: string, fullMessage: string): T {
  if (result.kind === 'missing') throw notFound(parent);
  if (result.kind === 'full') throw conflict('too_many', fullMessage);
  return result.row;
}

/** A revisioned edit's row, or the 404 / 409 it deserves. */
function settle<T>(result: RevisionedUpdate<T>, what: string, revision: number): T {
  if (result.kind === 'missing') throw notFound(what);
  if (result.kind === 'stale')
    throw conflict(
      'stale_edit',
      `This ${what.toLowerCase()} was changed by someone else since you opened it (you edited revision ${revision}, it is now ${result.revision}). Reload it, then make your change again.`,
    );
  return result.row;
}

function assertCriterion(c: {
  measure: AuditMeasure;
  direction: 'higher_better' | 'lower_better';
  green: number;
  yellow: number;
  checklistItems: string[];
}) {
  if (!thresholdsInOrder(c))
    throw validationError([
      {
        field: 'yellow',
        message:
          c.direction === 'lower_better'
            ? 'for lower-is-better the yellow threshold must be at least the green one'
            : 'for higher-is-better the yellow threshold must be at most the green one',
      },
    ]);
  const isChecklist = c.measure === 'checklist_percent';
  if (isChecklist && c.checklistItems.length === 0)
    throw validationError([{ field: 'checklistItems', message: 'a checklist criterion needs at least one item' }]);
  if (!isChecklist && c.checklistItems.length > 0)
    throw validationError([{ field: 'checklistItems', message: 'only checklist_percent criteria have checklist items' }]);
  if (new Set(c.checklistItems).size !== c.checklistItems.length)
    throw validationError([{ field: 'checklistItems', message: 'checklist items must differ from each other' }]);
}
