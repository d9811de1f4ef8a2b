import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { DEFAULT_PAGE_LIMIT } from '../common/http/cursor-page.query';
import { decodeKeysetCursor, encodeKeysetCursor } from '../common/http/keyset-cursor';
import { sendCsv } from '../common/http/send-csv';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { CompensationBudgetsService } from './compensation-budgets.service';
import type { BudgetValues } from './compensation-budgets.repository';
import { CompensationLedgerService } from './compensation-ledger.service';
import { compensationReportCsv } from './compensation-report.csv';
import { CompensationReportService } from './compensation-report.service';
import { GRANTING_ROLES } from './compensation-rules';
import { CompensationService, type CompensationActor } from './compensation.service';
import { CompensationViews } from './compensation-views';
import {
  CompensationBudgetsDto,
  CaseGrantsDto,
  CreateGrantDto,
  DecideGrantDto,
  GrantDto,
  GrantPageDto,
  GrantResultDto,
  CompensationLedgerDto,
  CompensationLedgerQuery,
  ListGrantsQuery,
  MyCompensationBudgetDto,
  CompensationReportDto,
  CompensationReportQuery,
  SaveCompensationBudgetsDto,
} from './compensation.dto';

const READ = { scope: 'compensation:read' } as const;
const GRANT = { roles: GRANTING_ROLES, scope: 'compensation:write' } as const;
const ADMIN_READ = { roles: ['admin'], scope: 'compensation:read' } as const;
const ADMIN_WRITE = { roles: ['admin'], scope: 'compensation:write' } as const;
/** Approving or rejecting is a person's decision: no scope, so API tokens get 403 token_not_allowed. */
const ADMIN_DECIDES = { roles: ['admin'] } as const;

const userOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);
const actorOf = (p: Principal): CompensationActor =>
  p.kind === 'user' ? { kind: 'user', userId: p.userId } : { kind: 'token', tokenId: p.tokenId };
const today = () => new Date().toISOString().slice(0, 10);
/** People see a nameless member's email; API tokens do not (that needs members:read): they see "Member <short id>". */
const emailsFor = (p: Principal) => p.kind === 'user';

/** Compensation within a budget: budgets (admins), grants on cases, approvals (admins), the ledger and the report. */
@ApiTags('compensation')
@Controller('workspaces/:workspaceId')
export class CompensationController {
  constructor(
    private readonly compensation: CompensationService,
    private readonly budgets: CompensationBudgetsService,
    private readonly ledgers: CompensationLedgerService,
    private readonly reports: CompensationReportService,
    private readonly views: CompensationViews,
  ) {}

  @Get('compensation/budgets')
  @WorkspaceAccess(ADMIN_READ)
  @ApiOperation({ summary: 'Compensation budgets per role and per member (admins)' })
  @ApiOkResponse({ type: CompensationBudgetsDto })
  async listBudgets(@CurrentWorkspace() ws: WorkspaceContext, @CurrentPrincipal() p: Principal): Promise<CompensationBudgetsDto> {
    return { budgets: await this.views.budgets(await this.budgets.list(ws.workspaceId), emailsFor(p)) };
  }

  @Put('compensation/budgets')
  @WorkspaceAccess(ADMIN_WRITE)
  @ApiOperation({
    summary: 'Save every compensation budget (admins): the list replaces the saved one',
    description: "A member's budget overrides their role's. Periods are calendar months, quarters or years in UTC.",
  })
  @ApiOkResponse({ type: CompensationBudgetsDto })
  async saveBudgets(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: SaveCompensationBudgetsDto,
  ): Promise<CompensationBudgetsDto> {
    const values = body.budgets.map((b) => ({ ...b }) as BudgetValues);
    return { budgets: await this.views.budgets(await this.budgets.save(ws.workspaceId, values, userOf(p)), emailsFor(p)) };
  }

  @Get('compensation/me')
  @WorkspaceAccess()
  @ApiOperation({ summary: 'My compensation budget this period: budget, spent, pending, remaining (people only)' })
  @ApiOkResponse({ type: MyCompensationBudgetDto })
  me(@CurrentWorkspace() ws: WorkspaceContext, @CurrentPrincipal() p: Principal): Promise<MyCompensationBudgetDto> {
    // No scope: tokens are refused before this runs, so the principal is a person with a role.
    return this.budgets.stateOf(ws.workspaceId, userOf(p) as string, ws.role ?? 'viewer');
  }

  @Post('cases/:caseId/compensations')
  @WorkspaceAccess(GRANT)
  @ApiOperation({
    summary: 'Grant compensation on a case',
    description:
      "Approved at once when it fits the granter's remaining budget this period (same currency); otherwise pending until an admin " +
      'approves or rejects it. API tokens have no budget: their grants wait. 201 for a new grant, 200 when idempotencyKey repeats one.',
  })
  @ApiCreatedResponse({ type: GrantResultDto })
  async grant(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('caseId', uuidOr404('Case')) caseId: string,
    @Body() body: CreateGrantDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GrantResultDto> {
    const outcome = await this.compensation.grant(ws.workspaceId, actorOf(p), caseId, body);
    if (!outcome.created) res.status(HttpStatus.OK);
    return { ...(await this.views.grant(ws.workspaceId, outcome.grant, emailsFor(p))), budget: outcome.budget };
  }

  @Get('cases/:caseId/compensations')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: "A case's grants, newest first" })
  @ApiOkResponse({ type: CaseGrantsDto })
  async ofCase(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('caseId', uuidOr404('Case')) caseId: string,
  ): Promise<CaseGrantsDto> {
    return { items: await this.views.grants(ws.workspaceId, await this.compensation.ofCase(ws.workspaceId, caseId), emailsFor(p)) };
  }

  @Get('compensation/grants')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Grants, newest first, cursor-paged (status=pending: the approvals queue)' })
  @ApiOkResponse({ type: GrantPageDto })
  async list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() q: ListGrantsQuery,
  ): Promise<GrantPageDto> {
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const filter = { statuses: q.status, grantedBy: q.userId, periodDay: q.period };
    const page = await this.compensation.page(ws.workspaceId, filter, limit, q.cursor ? decodeKeysetCursor(q.cursor) : undefined);
    const last = page.rows.at(-1);
    return {
      items: await this.views.grants(ws.workspaceId, page.rows, emailsFor(p)),
      nextCursor: page.more && last ? encodeKeysetCursor({ at: new Date(last.createdAt), id: last.id }) : null,
      total: page.total,
    };
  }

  @Get('compensation/grants/:id')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One grant' })
  @ApiOkResponse({ type: GrantDto })
  async one(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidOr404('Grant')) id: string,
  ): Promise<GrantDto> {
    return this.views.grant(ws.workspaceId, await this.compensation.get(ws.workspaceId, id), emailsFor(p));
  }

  @Post('compensation/grants/:id/approve')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(ADMIN_DECIDES)
  @ApiOperation({
    summary: 'Approve a pending grant (admins, signed in: API tokens cannot); sends compensation.granted',
    description: "It does not spend the granter's budget: the ledger shows it as approved over budget. 409 when already decided.",
  })
  @ApiOkResponse({ type: GrantDto })
  approve(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidOr404('Grant')) id: string,
    @Body() body: DecideGrantDto,
  ): Promise<GrantDto> {
    return this.decide(ws, p, id, 'approved', body);
  }

  @Post('compensation/grants/:id/reject')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(ADMIN_DECIDES)
  @ApiOperation({
    summary: 'Reject a pending grant (admins, signed in: API tokens cannot), with a note for the granter; 409 when already decided',
  })
  @ApiOkResponse({ type: GrantDto })
  reject(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidOr404('Grant')) id: string,
    @Body() body: DecideGrantDto,
  ): Promise<GrantDto> {
    return this.decide(ws, p, id, 'rejected', body);
  }

  @Get('compensation/ledger')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'Per person and currency: budget, spent within it, approved over it, pending and remaining in their period containing the day',
  })
  @ApiOkResponse({ type: CompensationLedgerDto })
  ledger(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() q: CompensationLedgerQuery,
  ): Promise<CompensationLedgerDto> {
    return this.ledgers.ledger(ws.workspaceId, q.period ?? today(), q.userId, emailsFor(p));
  }

  @Get('compensation/report')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'Compensation spent against customers kept and revenue saved, by touchpoint and by kind',
    description:
      'Approved grants decided in [from, to] in one currency. Kept: no cancellation and no move into a red status in the 90 days after ' +
      "the customer's first grant of the group; revenue saved: the kept customers' orders (or payments, the larger) in those days.",
  })
  @ApiOkResponse({ type: CompensationReportDto })
  report(@CurrentWorkspace() ws: WorkspaceContext, @Query() q: CompensationReportQuery): Promise<CompensationReportDto> {
    return this.reports.build(ws.workspaceId, q);
  }

  @Get('compensation/report.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The report as CSV (total, per touchpoint, per kind)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  csv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() q: CompensationReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(
      res,
      'compensation-report.csv',
      this.reports.build(ws.workspaceId, q).then((r) => compensationReportCsv(r)),
    );
  }

  private async decide(
    ws: WorkspaceContext,
    p: Principal,
    id: string,
    status: 'approved' | 'rejected',
    body: DecideGrantDto,
  ): Promise<GrantDto> {
    // People only (ADMIN_DECIDES has no scope), so the principal is a user.
    const row = await this.compensation.decide(ws.workspaceId, userOf(p) as string, id, status, body.note ?? null);
    return this.views.grant(ws.workspaceId, row, true);
  }
}
