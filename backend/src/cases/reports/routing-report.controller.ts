import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { routingHopsCsv } from './routing-report.csv';
import { LOST_TIME, RoutingReportDto, RoutingReportQuery } from './routing-report.dto';
import { RoutingReportService } from './routing-report.service';

const READ = { scope: 'cases:read' } as const;

const DEFINITIONS =
  'Cases opened in [from, to). A hop is a move of a case to another touchpoint or owner (an unassigned case getting its ' +
  'first owner is not one). Misrouting rate = cases whose first move off their first touchpoint, or away from their first ' +
  `owner, had reason wrong_touchpoint or wrong_owner / all cases. Time lost: ${LOST_TIME}. First-contact resolution = ` +
  'resolved cases never moved and never reopened / resolved cases.';

/** The misrouting report of the case reports, and its routing hops as CSV. */
@ApiTags('cases')
@Controller('workspaces/:workspaceId')
export class RoutingReportController {
  constructor(private readonly reports: RoutingReportService) {}

  @Get('case-reports/routing')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'Misrouting rate, hops per case, time lost and first-contact resolution; per routing rule, touchpoint, source and month',
    description: DEFINITIONS,
  })
  @ApiOkResponse({ type: RoutingReportDto })
  report(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: RoutingReportQuery): Promise<RoutingReportDto> {
    return this.reports.report(ws.workspaceId, query);
  }

  @Get('case-reports/routing/hops.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The routing hops of the cases opened in the period as CSV, oldest first', description: DEFINITIONS })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  async hopsCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: RoutingReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    // Headers only once the file is built, so a 400 keeps its JSON error body.
    const body = routingHopsCsv(await this.reports.hops(ws.workspaceId, query));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="routing-hops.csv"');
    return body;
  }
}
