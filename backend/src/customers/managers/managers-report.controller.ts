import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../../common/auth/principal';
import { sendCsv } from '../../common/http/send-csv';
import { managersReportCsv } from './managers-report.csv';
import { ManagersReportDto, ManagersReportQuery } from './managers-report.dto';
import { ManagersReportService } from './managers-report.service';

const READ = { scope: 'customers:read' } as const;

/** Who lost whom: the managers report (registered before CustomersController, so customers/:externalId does not take its path). */
@ApiTags('customers')
@Controller('workspaces/:workspaceId/customers')
export class ManagersReportController {
  constructor(private readonly reports: ManagersReportService) {}

  @Get('managers-report')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'Losses, saves, money lost, NPS and open cases per account manager, touchpoint or saved segment',
    description: 'For an API token, NPS is null without responses:read and open cases are null without cases:read.',
  })
  @ApiOkResponse({ type: ManagersReportDto })
  report(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() query: ManagersReportQuery,
  ): Promise<ManagersReportDto> {
    return this.reports.report(ws.workspaceId, query, p);
  }

  @Get('managers-report.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The managers report as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  reportCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() query: ManagersReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const by = query.by ?? 'manager';
    return sendCsv(res, `customers-by-${by}.csv`, this.reports.report(ws.workspaceId, query, p).then(managersReportCsv));
  }
}
