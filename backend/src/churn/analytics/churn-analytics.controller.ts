import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import {
  AnalyticsPeriodQuery,
  ChurnTrendDto,
  CohortsDto,
  FunnelDto,
  LabelledPeriodQuery,
  MoneyLostDto,
  MoneyLostQuery,
  ReasonBreakdownDto,
  ReasonBreakdownQuery,
  ReasonCommentsDto,
  ReasonCommentsQuery,
  ReasonsOverTimeDto,
  ReasonsOverTimeQuery,
  TrendQuery,
} from './churn-analytics.dto';
import { breakdownCsv, cohortsCsv, commentsCsv, funnelCsv, reasonsOverTimeCsv, trendCsv } from './churn-analytics.csv';
import { ChurnTrendService } from './churn-trend.service';
import { CustomerAnalyticsService } from './customer-analytics.service';
import { ReasonAnalyticsService } from './reason-analytics.service';

const READ = { scope: 'customers:read' } as const;

/**
 * Sends a CSV export. Headers are set only once the report is built, so a 400/404 keeps its JSON error
 * body and content type (a decorator header would label the error as CSV too).
 */
async function sendCsv(res: Response, filename: string, build: Promise<string>): Promise<string> {
  const body = await build;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return body;
}

/** Churn analytics for the dashboard's Churn page; every table also as CSV (UTF-8 BOM, formulas neutralised). */
@ApiTags('churn')
@Controller('workspaces/:workspaceId/churn')
export class ChurnAnalyticsController {
  constructor(
    private readonly reasons: ReasonAnalyticsService,
    private readonly customers: CustomerAnalyticsService,
    private readonly trends: ChurnTrendService,
  ) {}

  @Get('reasons-over-time')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Cancellation reasons per month: count, and share over the flows that offered each reason; avoidable split' })
  @ApiOkResponse({ type: ReasonsOverTimeDto })
  reasonsOverTime(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: ReasonsOverTimeQuery): Promise<ReasonsOverTimeDto> {
    return this.reasons.overTime(ws.workspaceId, query);
  }

  @Get('reasons-over-time.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Reasons per month as CSV (one row per month × reason)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  reasonsOverTimeCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: ReasonsOverTimeQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(res, 'churn-reasons-by-month.csv', this.reasons.overTime(ws.workspaceId, query).then(reasonsOverTimeCsv));
  }

  @Get('reasons/breakdown')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Cancellation reasons per segment, plan or touchpoint (cancellation flow)' })
  @ApiOkResponse({ type: ReasonBreakdownDto })
  breakdown(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: ReasonBreakdownQuery): Promise<ReasonBreakdownDto> {
    return this.reasons.breakdown(ws.workspaceId, query);
  }

  @Get('reasons/breakdown.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Reasons per segment, plan or touchpoint as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  breakdownCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: ReasonBreakdownQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(res, `churn-reasons-by-${query.by}.csv`, this.reasons.breakdown(ws.workspaceId, query).then(breakdownCsv));
  }

  @Get('reasons/:reasonKey/comments')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The latest comments (follow-up or "Other" text) left with a reason' })
  @ApiOkResponse({ type: ReasonCommentsDto })
  comments(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('reasonKey') reasonKey: string,
    @Query() query: ReasonCommentsQuery,
  ): Promise<ReasonCommentsDto> {
    return this.reasons.comments(ws.workspaceId, reasonKey, query);
  }

  @Get('reasons/:reasonKey/comments.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: "A reason's comments as CSV" })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  commentsCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('reasonKey') reasonKey: string,
    @Query() query: ReasonCommentsQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    // The key is checked against the taxonomy before it reaches the file name.
    return sendCsv(res, `churn-comments-${reasonKey}.csv`, this.reasons.comments(ws.workspaceId, reasonKey, query).then(commentsCsv));
  }

  @Get('cohorts')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Retention by first-seen month (lost = cancelled or inactive for the inactive period)' })
  @ApiOkResponse({ type: CohortsDto })
  cohorts(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: AnalyticsPeriodQuery): Promise<CohortsDto> {
    return this.customers.cohorts(ws.workspaceId, query);
  }

  @Get('cohorts.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The retention table as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  cohortsCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: AnalyticsPeriodQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(res, 'churn-cohorts.csv', this.customers.cohorts(ws.workspaceId, query).then(cohortsCsv));
  }

  @Get('funnel')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Customers per funnel status, and the period’s lost customers by status and reason' })
  @ApiOkResponse({ type: FunnelDto })
  funnel(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: LabelledPeriodQuery): Promise<FunnelDto> {
    return this.customers.funnel(ws.workspaceId, query);
  }

  @Get('funnel.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Funnel status and lost customers by reason as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  funnelCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: LabelledPeriodQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(res, 'churn-funnel.csv', this.customers.funnel(ws.workspaceId, query).then(funnelCsv));
  }

  @Get('trend')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Churn rate, revenue churn and save rate per calendar month, the current month included' })
  @ApiOkResponse({ type: ChurnTrendDto })
  trend(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: TrendQuery): Promise<ChurnTrendDto> {
    return this.trends.trend(ws.workspaceId, query);
  }

  @Get('trend.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The monthly trend as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  trendCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: TrendQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(res, 'churn-trend.csv', this.trends.trend(ws.workspaceId, query).then(trendCsv));
  }

  @Get('money-lost')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Money lost to churn without subscriptions: customers lost × average check × purchases per period' })
  @ApiOkResponse({ type: MoneyLostDto })
  moneyLost(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: MoneyLostQuery): Promise<MoneyLostDto> {
    return this.customers.moneyLost(ws.workspaceId, query);
  }
}
