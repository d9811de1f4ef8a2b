import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { AcceptLanguage } from '../common/http/accept-language.decorator';
import { sendCsv } from '../common/http/send-csv';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { ExternalIdPipe } from '../customers/external-id.pipe';
import { defaultNotice, noticeLanguageOf } from './notice-template';
import { ProblemInsightsService } from './problem-insights.service';
import { ProblemViews } from './problem-views';
import { recoveryReportCsv } from './recovery-report.csv';
import { RecoveryReportService } from './recovery-report.service';
import { RecoveryCustomersRepository } from './recovery-customers.repository';
import {
  CreateProblemDto,
  CustomersQuery,
  FixProblemDto,
  ListProblemsQuery,
  MarkReturnedDto,
  NoticeTemplateDto,
  NotifyDto,
  NotifyResultDto,
  ProblemDetailDto,
  ProblemDto,
  ProblemListDto,
  RecoveryCustomerPageDto,
  RecoveryReportDto,
  RefreshResultDto,
  RootCauseDto,
  RootCauseViewDto,
  TemplateQuery,
} from './win-back.dto';
import { WinBackNoticeService } from './win-back-notice.service';
import { WinBackTrackingService } from './win-back-tracking.service';
import { WinBackService } from './win-back.service';

const WORKERS = ['admin', 'analyst', 'owner'] as const;
const READ = { scope: 'recovery:read' } as const;
const WRITE = { roles: WORKERS, scope: 'recovery:write' } as const;

const userOf = (p: Principal): string | null => (p.kind === 'user' ? p.userId : null);
const languageOf = (header: string | undefined) => noticeLanguageOf(header?.slice(0, 2).toLowerCase());

/** The win-back loop: problems marked fixed, the customers they hurt, the notice, who came back, and the report. */
@ApiTags('recovery')
@Controller('workspaces/:workspaceId/recovery')
export class WinBackController {
  constructor(
    private readonly winBack: WinBackService,
    private readonly notices: WinBackNoticeService,
    private readonly tracking: WinBackTrackingService,
    private readonly views: ProblemViews,
    private readonly insights: ProblemInsightsService,
    private readonly customers: RecoveryCustomersRepository,
    private readonly reports: RecoveryReportService,
  ) {}

  @Get('problems')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Problems: open known issues first, then fixes (latest first), with the report columns' })
  @ApiOkResponse({ type: ProblemListDto })
  async list(@CurrentWorkspace() ws: WorkspaceContext, @Query() q: ListProblemsQuery): Promise<ProblemListDto> {
    const [rows, total] = await this.winBack.list(ws.workspaceId, q);
    return { items: await this.views.many(ws.workspaceId, rows), total };
  }

  @Post('problems')
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary: 'A new known issue, or the problem of a cluster or churn reason (an existing one is answered with 200)',
  })
  @ApiCreatedResponse({ type: ProblemDto })
  async create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: CreateProblemDto,
    @AcceptLanguage() acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProblemDto> {
    const { row, created } = await this.winBack.create(ws.workspaceId, userOf(p), body, languageOf(acceptLanguage));
    if (!created) res.status(HttpStatus.OK);
    return this.views.one(ws.workspaceId, row);
  }

  @Get('notice-template')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The default notice (subject and text with {name} and {what_changed}) in en, ru or bg' })
  @ApiOkResponse({ type: NoticeTemplateDto })
  template(@Query() q: TemplateQuery, @AcceptLanguage() acceptLanguage: string | undefined): NoticeTemplateDto {
    const language = q.language ?? languageOf(acceptLanguage);
    return { language, ...defaultNotice(language) };
  }

  @Get('report')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Fixes with customers affected, told, answered, returned and revenue recovered (per currency)' })
  @ApiOkResponse({ type: RecoveryReportDto })
  report(@CurrentWorkspace() ws: WorkspaceContext): Promise<RecoveryReportDto> {
    return this.reports.build(ws.workspaceId);
  }

  @Get('report.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The report as CSV, one row per fix' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  reportCsv(@CurrentWorkspace() ws: WorkspaceContext, @Res({ passthrough: true }) res: Response): Promise<string> {
    return sendCsv(
      res,
      'win-back.csv',
      this.reports.build(ws.workspaceId).then((r) => recoveryReportCsv(r.fixes)),
    );
  }

  @Get('problems/:id')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'One problem: what changed, the counts, its weekly volume and the touchpoint score before and after the fix',
    description: 'Reads only: answers and returns are found by the background job every few minutes (POST …/refresh does it now).',
  })
  @ApiOkResponse({ type: ProblemDetailDto })
  async get(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', uuidOr404('Problem')) id: string): Promise<ProblemDetailDto> {
    const row = await this.winBack.get(ws.workspaceId, id);
    const [view, volume, score] = await Promise.all([
      this.views.one(ws.workspaceId, row),
      this.insights.volume(ws.workspaceId, row),
      this.insights.score(ws.workspaceId, row),
    ]);
    return { ...view, volumeOf: this.insights.volumeOf(row), volume, score };
  }

  @Post('problems/:id/refresh')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary: "Look for this fix's answers and returns now (writers; the job does it every few minutes anyway)",
    description: 'Customers told more than 180 days ago are no longer watched. Returns fire customer.returned webhooks.',
  })
  @ApiOkResponse({ type: RefreshResultDto })
  async refresh(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', uuidOr404('Problem')) id: string): Promise<RefreshResultDto> {
    const row = await this.winBack.get(ws.workspaceId, id);
    if (row.status !== 'fixed') return { refreshed: false };
    await this.tracking.refresh(ws.workspaceId, id);
    return { refreshed: true };
  }

  @Post('problems/:id/fix')
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary: 'Mark fixed (what changed, when): snapshots the affected customers once; 409 when it is already fixed',
  })
  @ApiCreatedResponse({ type: ProblemDto })
  async fix(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidOr404('Problem')) id: string,
    @Body() body: FixProblemDto,
  ): Promise<ProblemDto> {
    return this.views.one(ws.workspaceId, await this.winBack.fix(ws.workspaceId, id, userOf(p), body));
  }

  @Get('problems/:id/customers')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The affected customers with where each stands (not told, no address, queued, held, sent, answered, returned)' })
  @ApiOkResponse({ type: RecoveryCustomerPageDto })
  async customersOf(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', uuidOr404('Problem')) id: string,
    @Query() q: CustomersQuery,
  ): Promise<RecoveryCustomerPageDto> {
    await this.winBack.get(ws.workspaceId, id);
    const page = await this.customers.page(ws.workspaceId, id, { state: q.state, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      total: page.total,
      items: page.rows.map((r) => ({
        ...r,
        holdReasons:
          r.state === 'held' || r.state === 'cancelled' ? (r.holdReasons ?? []).map((h) => ({ code: h.code, until: h.until ?? null })) : [],
        notifiedAt: iso(r.notifiedAt),
        answeredAt: iso(r.answeredAt),
        returnedAt: iso(r.returnedAt),
      })),
    };
  }

  @Post('problems/:id/notify')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary: 'Tell the affected customers (email, else SMS) with a template; never twice to one customer',
    description: 'Marketing purpose: consents and the contact policy apply when the message is sent (held with the reasons).',
  })
  @ApiOkResponse({ type: NotifyResultDto })
  notify(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidOr404('Problem')) id: string,
    @Body() body: NotifyDto,
  ): Promise<NotifyResultDto> {
    return this.notices.notify(ws.workspaceId, id, userOf(p), body);
  }

  @Post('problems/:id/customers/:externalId/returned')
  @HttpCode(HttpStatus.NO_CONTENT)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Mark an affected customer returned by hand, with an optional amount; 409 when already returned' })
  @ApiNoContentResponse()
  async markReturned(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidOr404('Problem')) id: string,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() body: MarkReturnedDto,
  ): Promise<void> {
    await this.winBack.markReturned(ws.workspaceId, id, externalId, userOf(p), body);
  }

  @Get('cases/:caseId/root-cause')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The known issue a case names as its root cause (null when none)' })
  @ApiOkResponse({ type: RootCauseViewDto })
  async rootCause(@CurrentWorkspace() ws: WorkspaceContext, @Param('caseId', uuidOr404('Case')) caseId: string): Promise<RootCauseViewDto> {
    const problem = await this.winBack.rootCause(ws.workspaceId, caseId);
    return { problem: problem ? await this.views.one(ws.workspaceId, problem) : null };
  }

  @Put('cases/:caseId/root-cause')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: "Name an open known issue as the case's root cause (replaces an earlier one)" })
  @ApiOkResponse({ type: RootCauseViewDto })
  async setRootCause(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('caseId', uuidOr404('Case')) caseId: string,
    @Body() body: RootCauseDto,
  ): Promise<RootCauseViewDto> {
    const problem = await this.winBack.setRootCause(ws.workspaceId, caseId, body.problemId, userOf(p));
    return { problem: await this.views.one(ws.workspaceId, problem) };
  }

  @Delete('cases/:caseId/root-cause')
  @HttpCode(HttpStatus.NO_CONTENT)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: "Clear the case's root cause" })
  @ApiNoContentResponse()
  async clearRootCause(@CurrentWorkspace() ws: WorkspaceContext, @Param('caseId', uuidOr404('Case')) caseId: string): Promise<void> {
    await this.winBack.clearRootCause(ws.workspaceId, caseId);
  }
}
