import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { auditGridCsv } from './audit-grid.csv';
import { AuditGridService } from './audit-grid.service';
import { AuditChecksService } from './audit-checks.service';
import { AuditImprovementsService } from './audit-improvements.service';
import { AuditModelService } from './audit-model.service';
import {
  AuditGridDto,
  AuditModelDto,
  CheckDto,
  CheckListDto,
  CreateCheckDto,
  CreateCriterionDto,
  CreateImprovementStepDto,
  CreateProcessDto,
  CreateStepDto,
  CriterionDetailDto,
  CriterionDto,
  MonthQuery,
  UpdateCriterionDto,
  UpdateNamedDto,
} from './service-audit.dto';

/** Read like the journey map (its case and survey figures are workspace-level aggregates). */
const READ = { scope: 'workspace:read' } as const;
/** The model is set up by those who build surveys and touchpoints; sessions only, as touchpoint edits. */
const EDITORS = { roles: ['admin', 'analyst'] } as const;
/** Touchpoint owners listen to calls and answer red cells too. */
const AUDITORS = { roles: ['admin', 'analyst', 'owner'] } as const;
const userOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);

const COLOUR_NOTE =
  'Lower-is-better: green when value ≤ green, yellow when ≤ yellow, else red; higher-is-better mirrored (≥). Edges are inclusive; ' +
  'values are compared rounded to 2 decimals, as shown. Months are those of the workspace time zone (its default SLA calendar).';

@ApiTags('service-audit')
@Controller('workspaces/:workspaceId/service-audit')
export class ServiceAuditController {
  constructor(
    private readonly model: AuditModelService,
    private readonly grids: AuditGridService,
    private readonly checks: AuditChecksService,
    private readonly improvements: AuditImprovementsService,
  ) {}

  @Get('model')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The audited processes per touchpoint, their steps and criteria, and the defaults per measure' })
  @ApiOkResponse({ type: AuditModelDto })
  getModel(@CurrentWorkspace() ws: WorkspaceContext): Promise<AuditModelDto> {
    return this.model.model(ws.workspaceId);
  }

  @Post('processes')
  @WorkspaceAccess(EDITORS)
  @ApiOperation({ summary: "Add a process to a touchpoint's audit" })
  @ApiCreatedResponse({ description: 'Created: { id }' })
  createProcess(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateProcessDto): Promise<{ id: string }> {
    return this.model.createProcess(ws.workspaceId, body);
  }

  @Patch('processes/:id')
  @WorkspaceAccess(EDITORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Rename or move a process (409 stale_edit when it changed since `revision`)' })
  @ApiNoContentResponse({ description: 'Saved' })
  async updateProcess(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', uuidOr404('Process')) id: string,
    @Body() body: UpdateNamedDto,
  ): Promise<void> {
    await this.model.updateProcess(ws.workspaceId, id, body);
  }

  @Delete('processes/:id')
  @WorkspaceAccess(EDITORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a process with its steps, criteria and checks (improvement steps stay in the promise register)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async removeProcess(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', uuidOr404('Process')) id: string): Promise<void> {
    await this.model.removeProcess(ws.workspaceId, id);
  }

  @Post('processes/:id/steps')
  @WorkspaceAccess(EDITORS)
  @ApiOperation({ summary: 'Add a step scenario to a process' })
  @ApiCreatedResponse({ description: 'Created: { id }' })
  createStep(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', uuidOr404('Process')) id: string,
    @Body() body: CreateStepDto,
  ): Promise<{ id: string }> {
    return this.model.createStep(ws.workspaceId, id, body);
  }

  @Patch('steps/:id')
  @WorkspaceAccess(EDITORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Rename or move a step (409 stale_edit when it changed since `revision`)' })
  @ApiNoContentResponse({ description: 'Saved' })
  async updateStep(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', uuidOr404('Step')) id: string,
    @Body() body: UpdateNamedDto,
  ): Promise<void> {
    await this.model.updateStep(ws.workspaceId, id, body);
  }

  @Delete('steps/:id')
  @WorkspaceAccess(EDITORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a step with its criteria and checks' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async removeStep(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', uuidOr404('Step')) id: string): Promise<void> {
    await this.model.removeStep(ws.workspaceId, id);
  }

  @Post('steps/:id/criteria')
  @WorkspaceAccess(EDITORS)
  @ApiOperation({ summary: "Add a criterion to a step; unit, direction and thresholds default to the measure's", description: COLOUR_NOTE })
  @ApiCreatedResponse({ type: CriterionDto })
  createCriterion(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', uuidOr404('Step')) id: string,
    @Body() body: CreateCriterionDto,
  ): Promise<CriterionDto> {
    return this.model.createCriterion(ws.workspaceId, id, body);
  }

  @Patch('criteria/:id')
  @WorkspaceAccess(EDITORS)
  @ApiOperation({
    summary: 'Edit a criterion and its thresholds (409 stale_edit when it changed since `revision`)',
    description: COLOUR_NOTE,
  })
  @ApiOkResponse({ type: CriterionDto })
  updateCriterion(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', uuidOr404('Criterion')) id: string,
    @Body() body: UpdateCriterionDto,
  ): Promise<CriterionDto> {
    return this.model.updateCriterion(ws.workspaceId, id, body);
  }

  @Delete('criteria/:id')
  @WorkspaceAccess(EDITORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a criterion with its checks' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async removeCriterion(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', uuidOr404('Criterion')) id: string): Promise<void> {
    await this.model.removeCriterion(ws.workspaceId, id);
  }

  @Get('grid')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary:
      'The monthly traffic-light grid: per touchpoint × criterion the value, colour, the month before, 6 months of trend and improvement steps',
    description: COLOUR_NOTE,
  })
  @ApiOkResponse({ type: AuditGridDto })
  grid(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: MonthQuery): Promise<AuditGridDto> {
    return this.grids.grid(ws.workspaceId, query.month);
  }

  @Get('grid.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The grid as CSV: one row per touchpoint × criterion' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  async gridCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: MonthQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const grid = await this.grids.grid(ws.workspaceId, query.month);
    // Headers only once the grid is built, so an error keeps its JSON body.
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="service-audit-${grid.month}.csv"`);
    return auditGridCsv(grid);
  }

  @Get('criteria/:id')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: "A criterion's cell for the month and its 12-month series", description: COLOUR_NOTE })
  @ApiOkResponse({ type: CriterionDetailDto })
  detail(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', uuidOr404('Criterion')) id: string,
    @Query() query: MonthQuery,
  ): Promise<CriterionDetailDto> {
    return this.grids.detail(ws.workspaceId, id, query.month);
  }

  @Get('criteria/:id/checks')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: "A checklist criterion's scored checks, newest first (optionally one month)" })
  @ApiOkResponse({ type: CheckListDto })
  listChecks(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', uuidOr404('Criterion')) id: string,
    @Query() query: MonthQuery,
  ): Promise<CheckListDto> {
    return this.checks.list(ws.workspaceId, id, query.month);
  }

  @Post('criteria/:id/checks')
  @WorkspaceAccess(AUDITORS)
  @ApiOperation({ summary: 'Score one check (a listened call, a visit): each checklist item passed or failed, for a month' })
  @ApiCreatedResponse({ type: CheckDto })
  createCheck(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidOr404('Criterion')) id: string,
    @Body() body: CreateCheckDto,
  ): Promise<CheckDto> {
    return this.checks.create(ws.workspaceId, id, userOf(p), body);
  }

  @Delete('checks/:id')
  @WorkspaceAccess(EDITORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a scored check' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async removeCheck(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', uuidOr404('Check')) id: string): Promise<void> {
    await this.checks.remove(ws.workspaceId, id);
  }

  @Post('criteria/:id/improvement-steps')
  @WorkspaceAccess(AUDITORS)
  @ApiOperation({
    summary:
      "Add an improvement step to a red cell: it goes to the promise register (owner, due date); 409 not_red when the month's cell is not red",
  })
  @ApiCreatedResponse({ description: 'Created: { id } of the promise' })
  createImprovementStep(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidOr404('Criterion')) id: string,
    @Body() body: CreateImprovementStepDto,
  ): Promise<{ id: string }> {
    return this.improvements.create(ws.workspaceId, id, userOf(p), body);
  }
}
