import { Injectable } from '@nestjs/common';
import { notFound } from '../common/http/api-error';
import { PromisesService, type AuditStep } from '../promises/promises.service';
import { colourOf, roundValue, type AuditColour } from './audit-measures';
import { addMonths, monthOf, monthRange } from '../metrics';
import { AuditModelService, toCriterionDto } from './audit-model.service';
import { AuditValuesService, type AuditValues } from './audit-values.service';
import type { AuditGridDto, CriterionDetailDto, GridRowDto, ImprovementStepDto, MonthValueDto } from './service-audit.dto';

const TREND_MONTHS = 6;
const SERIES_MONTHS = 12;
/** How far past the grid's month "after a change" may look (and never past the current month). */
const AFTER_MONTHS = 12;

/**
 * The monthly traffic-light grid: per touchpoint × criterion the month's value and colour, the month before, the
 * last six months and the improvement steps raised in the promise register, with "before → after" for kept ones.
 */
@Injectable()
export class AuditGridService {
  constructor(
    private readonly model: AuditModelService,
    private readonly values: AuditValuesService,
    private readonly promises: PromisesService,
  ) {}

  async grid(workspaceId: string, requestedMonth: string | undefined, now = new Date()): Promise<AuditGridDto> {
    return (await this.build(workspaceId, requestedMonth, now)).grid;
  }

  private async build(
    workspaceId: string,
    requestedMonth: string | undefined,
    now: Date,
  ): Promise<{ grid: AuditGridDto; values: AuditValues }> {
    const { month, values, current } = await this.window(workspaceId, requestedMonth, now);
    const { processes } = await this.model.model(workspaceId);
    const criterionIds = processes.flatMap((p) => p.steps.flatMap((s) => s.criteria.map((c) => c.id)));
    const steps = await this.promises.listByAuditRefs(workspaceId, criterionIds);
    const rows: GridRowDto[] = [];
    for (const p of processes)
      for (const s of p.steps)
        for (const c of s.criteria) {
          const cell = (m: string) => this.cell(values, c, p.touchpointId, m);
          const shown = cell(month);
          const previous = cell(addMonths(month, -1));
          rows.push({
            touchpointId: p.touchpointId,
            touchpointName: p.touchpointName,
            processId: p.id,
            processName: p.name,
            stepId: s.id,
            stepName: s.name,
            criterion: c,
            value: shown.value,
            colour: shown.colour,
            n: shown.n,
            previousValue: previous.value,
            previousColour: previous.colour,
            trend: monthRange(addMonths(month, 1 - TREND_MONTHS), month).map((m) => strip(cell(m))),
            steps: steps
              .filter((st) => st.auditRef.criterionId === c.id && st.auditRef.month <= month)
              .map((st) => this.step(st, values, c, p.touchpointId, current)),
          });
        }
    const summary = { green: 0, yellow: 0, red: 0, no_data: 0 };
    for (const r of rows) summary[r.colour]++;
    return { grid: { month, previousMonth: addMonths(month, -1), timeZone: values.timeZone, rows, summary }, values };
  }

  async detail(
    workspaceId: string,
    criterionId: string,
    requestedMonth: string | undefined,
    now = new Date(),
  ): Promise<CriterionDetailDto> {
    await this.model.criterion(workspaceId, criterionId);
    const { grid, values } = await this.build(workspaceId, requestedMonth, now);
    const row = grid.rows.find((r) => r.criterion.id === criterionId);
    if (!row) throw notFound('Criterion');
    const series = monthRange(addMonths(grid.month, 1 - SERIES_MONTHS), grid.month).map((m) =>
      strip(this.cell(values, row.criterion, row.touchpointId, m)),
    );
    return { row, series, month: grid.month, timeZone: grid.timeZone };
  }

  /** The value and colour of one cell (a red one is where an improvement step may be added). */
  async colourOf(workspaceId: string, criterionId: string, touchpointId: string, month: string, now = new Date()): Promise<AuditColour> {
    const criterion = toCriterionDto(await this.model.criterion(workspaceId, criterionId));
    const { values } = await this.window(workspaceId, month, now);
    return this.cell(values, criterion, touchpointId, month).colour;
  }

  /** The month asked for (default the current one) and the values of the months the grid and its steps look at. */
  private async window(workspaceId: string, requestedMonth: string | undefined, now: Date) {
    const timeZone = await this.values.timeZone(workspaceId);
    const current = monthOf(now, timeZone);
    // By default the last full month: a month still running is not judged yet.
    const month = requestedMonth ?? addMonths(current, -1);
    const first = addMonths(month, -SERIES_MONTHS);
    const lastWanted = addMonths(month, AFTER_MONTHS);
    const last = lastWanted < current ? lastWanted : current > month ? current : month;
    return { month, current, values: await this.values.load(workspaceId, timeZone, first, last, now) };
  }

  private cell(values: AuditValues, c: GridRowDto['criterion'], touchpointId: string, month: string) {
    const { value, n } = values.valueOf(c.measure, c.id, touchpointId, month);
    const shown = value === null ? null : roundValue(value);
    return { month, value: shown, colour: colourOf(shown, c), n };
  }

  /** A step with, once kept, the value of the month before the one it was due in and of the month after. */
  private step(st: AuditStep, values: AuditValues, c: GridRowDto['criterion'], touchpointId: string, current: string): ImprovementStepDto {
    const dueMonth = monthOf(st.dueAt, values.timeZone);
    const kept = st.status === 'kept';
    const beforeMonth = addMonths(dueMonth, -1);
    const afterMonth = addMonths(dueMonth, 1);
    const before = kept && values.covers(beforeMonth) ? this.cell(values, c, touchpointId, beforeMonth) : null;
    // A month still running is not "after" yet: its value would move.
    const after = kept && afterMonth < current && values.covers(afterMonth) ? this.cell(values, c, touchpointId, afterMonth) : null;
    return {
      id: st.id,
      status: st.status,
      dueAt: st.dueAt.toISOString(),
      ownerId: st.ownerId,
      text: st.text,
      month: st.auditRef.month,
      dueMonth,
      before: before?.value ?? null,
      beforeColour: before?.colour ?? null,
      after: after?.value ?? null,
      afterColour: after?.colour ?? null,
    };
  }
}

const strip = (c: { month: string; value: number | null; colour: AuditColour }): MonthValueDto => ({
  month: c.month,
  value: c.value,
  colour: c.colour,
});
