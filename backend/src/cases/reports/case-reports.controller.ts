import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { caseReportCsv, caseReportSeriesCsv } from './case-reports.csv';
import { CaseReportDto, CaseReportQuery, CaseReportSeriesDto, CaseReportSeriesQuery, SLA_TIME } from './case-reports.dto';
import { CaseReportsService } from './case-reports.service';

const READ = { scope: 'cases:read' } as const;

const DEFINITIONS =
  `Cases opened in [from, to). Times are ${SLA_TIME}. Compliance = met / measured per timer, where a case is ` +
  'measured once its outcome is known (the timer stopped, or its deadline passed); pending cases and cases without a target are left out. ' +
  'Closed-loop rate = cases opened from NPS detractors (0–6) whose first response met its target / those measured.';

/** Headers only once the file is built, so a 400 keeps its JSON error body and content type. */
async function sendCsv(res: Response, filename: string, build: Promise<string>): Promise<string> {
  const body = await build;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return body;
}

/** SLA reports over cases for the dashboard's case reports page; each also as CSV (UTF-8 BOM, formulas neutralised). */
@ApiTags('cases')
@Controller('workspaces/:workspaceId')
export class CaseReportsController {
  constructor(private readonly reports: CaseReportsService) {}

  @Get('case-reports')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary:
      'SLA compliance, median/p90 times, breaches, follow-up CSAT and closed-loop rate per touchpoint, owner, channel, priority or month',
    description: DEFINITIONS,
  })
  @ApiOkResponse({ type: CaseReportDto })
  report(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: CaseReportQuery): Promise<CaseReportDto> {
    return this.reports.report(ws.workspaceId, query);
  }

  @Get('case-reports.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The case report as CSV: one row per group, then the totals', description: DEFINITIONS })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  reportCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: CaseReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(
      res,
      `case-report-by-${query.groupBy ?? 'touchpoint'}.csv`,
      this.reports.report(ws.workspaceId, query).then(caseReportCsv),
    );
  }

  @Get('case-reports/series')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'The same figures per week or month the cases opened in: breaches and compliance over time',
    description: DEFINITIONS,
  })
  @ApiOkResponse({ type: CaseReportSeriesDto })
  series(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: CaseReportSeriesQuery): Promise<CaseReportSeriesDto> {
    return this.reports.series(ws.workspaceId, query);
  }

  @Get('case-reports/series.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The case report over time as CSV: one row per week or month', description: DEFINITIONS })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  seriesCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: CaseReportSeriesQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(
      res,
      `case-report-by-${query.interval ?? 'week'}.csv`,
      this.reports.series(ws.workspaceId, query).then(caseReportSeriesCsv),
    );
  }
}
