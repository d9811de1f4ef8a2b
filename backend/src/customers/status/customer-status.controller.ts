import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../../common/auth/principal';
import { ExternalIdPipe } from '../external-id.pipe';
import {
  OverrideStatusDto,
  SaveStatusRulesResultDto,
  StatusHistoryDto,
  StatusReportDto,
  StatusReportQuery,
  StatusRulesDto,
  StatusRulesInputDto,
} from './customer-status.dto';
import { CustomerStatusViews } from './customer-status.views';
import { StatusReportService } from './status-report.service';

const READ = { scope: 'customers:read' } as const;
const userOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);

const RULES_NOTE =
  'Statuses are derived by the first rule that matches: stopped (marked left, or a buyer with no order for stoppedAfterDays) ' +
  'with ≥ platinumOrders orders and ≥ longCooperationDays from first seen → red_platinum; stopped buyer → red_gold; offer declined ' +
  'and no order → red_green; ≥ platinumOrders orders → platinum; an order → gold; offer requested → green_gold; marketing consent ' +
  '→ yellow; offer interested → green; organisation without a decision maker → grey; else white. An override wins over the rules.';

/** Colour statuses: the rules, overrides with who and why, each customer's history and the monthly report. */
@ApiTags('customers')
@Controller('workspaces/:workspaceId/customers')
export class CustomerStatusController {
  constructor(
    private readonly views: CustomerStatusViews,
    private readonly reports: StatusReportService,
  ) {}

  @Get('status-rules')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: "The workspace's thresholds for deriving colour statuses", description: RULES_NOTE })
  @ApiOkResponse({ type: StatusRulesDto })
  rules(@CurrentWorkspace() ws: WorkspaceContext): Promise<StatusRulesDto> {
    return this.views.rules(ws.workspaceId);
  }

  @Put('status-rules')
  @WorkspaceAccess({ roles: ['admin'], scope: 'customers:write' })
  @ApiOperation({ summary: 'Save the thresholds and re-derive every customer of the workspace with them', description: RULES_NOTE })
  @ApiOkResponse({ type: SaveStatusRulesResultDto })
  saveRules(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: StatusRulesInputDto,
  ): Promise<SaveStatusRulesResultDto> {
    return this.views.saveRules(ws.workspaceId, body, userOf(p));
  }

  @Get('status-report')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Customers per colour status at the end of each month, and the moves between statuses in the period' })
  @ApiOkResponse({ type: StatusReportDto })
  report(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: StatusReportQuery): Promise<StatusReportDto> {
    return this.reports.build(ws.workspaceId, query);
  }

  @Get('status-report.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The status report as CSV: a row per month and status (month_end), then a row per move' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  async reportCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: StatusReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const report = await this.reports.build(ws.workspaceId, query);
    // Headers only once the report is built, so a 400 keeps its JSON error body.
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="colour-statuses-${report.from}-${report.to}.csv"`);
    return this.reports.csv(report);
  }

  @Get(':externalId/status-history')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: "A customer's colour status changes, newest first" })
  @ApiOkResponse({ type: StatusHistoryDto })
  history(@CurrentWorkspace() ws: WorkspaceContext, @Param('externalId', ExternalIdPipe) externalId: string): Promise<StatusHistoryDto> {
    return this.views.history(ws.workspaceId, externalId);
  }

  @Put(':externalId/status')
  @WorkspaceAccess({ roles: ['admin', 'analyst'], scope: 'customers:write' })
  @HttpCode(204)
  @ApiOperation({ summary: "Set a customer's colour status by hand, with the reason (wins over the rules until cleared)" })
  @ApiNoContentResponse({ description: 'Set' })
  async override(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() body: OverrideStatusDto,
  ): Promise<void> {
    await this.views.override(ws.workspaceId, externalId, body, userOf(p));
  }

  @Delete(':externalId/status')
  @WorkspaceAccess({ roles: ['admin', 'analyst'], scope: 'customers:write' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Clear the override: the rules decide the status again' })
  @ApiNoContentResponse({ description: 'Cleared (also when there was no override)' })
  async clear(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('externalId', ExternalIdPipe) externalId: string,
  ): Promise<void> {
    await this.views.clearOverride(ws.workspaceId, externalId, userOf(p));
  }
}
