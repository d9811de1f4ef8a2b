import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { ApiError } from '../common/http/api-error';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { CaseBreachJob } from './case-breach.job';
import { CaseSyncService } from './case-sync.service';
import {
  BreachCheckDto,
  BulkAssignDto,
  BulkAssignResultDto,
  CaseDetailDto,
  CaseDto,
  CasePageDto,
  CaseSettingsDto,
  CaseSyncOutcomeDto,
  CloseCaseDto,
  CreateCaseDto,
  FollowUpDto,
  ListCasesQuery,
  ReplyDto,
  toCaseDto,
  toCaseEventDto,
  toCaseHopDto,
  UpdateCaseDto,
} from './cases.dto';
import { Actor, CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CaseRoutingHopsRepository } from './routing/case-routing-hops.repository';
import { CustomerNames } from '../customers/customer-names';
import type { CaseRow } from './cases.repository';
import { ReplyResultDto, toReplyDeliveryDto } from './replies/case-thread.dto';

const WORKERS = ['admin', 'analyst', 'owner'] as const;
const READ = { scope: 'cases:read' } as const;
const WRITE = { roles: WORKERS, scope: 'cases:write' } as const;

const actorOf = (p: Principal): Actor =>
  p.kind === 'user' ? { kind: 'user', userId: p.userId } : { kind: 'token', userId: null, tokenId: p.tokenId };

const encodeCursor = (due: string | null, id: string) => Buffer.from(`${due ?? 'none'}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { due: Date | null; id: string } {
  const [rawDue, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const due = rawDue === 'none' ? null : new Date(rawDue ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || (due && Number.isNaN(due.getTime()))) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'Invalid request: cursor is not one this API returned', [
      { field: 'cursor', message: 'cursor is not one this API returned' },
    ]);
  }
  return { due, id };
}

@ApiTags('cases')
@Controller('workspaces/:workspaceId')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly repository: CasesRepository,
    private readonly breach: CaseBreachJob,
    private readonly sync: CaseSyncService,
    private readonly customerNames: CustomerNames,
    private readonly hops: CaseRoutingHopsRepository,
  ) {}

  /** Cases as the API shows them, with their customers' names (one lookup for the whole page). */
  private async dtos(workspaceId: string, rows: CaseRow[]): Promise<CaseDto[]> {
    const names = await this.customerNames.of(
      workspaceId,
      rows.map((r) => r.customerExternalId),
    );
    return rows.map((r) => toCaseDto(r, names));
  }

  private async dto(workspaceId: string, row: CaseRow): Promise<CaseDto> {
    return (await this.dtos(workspaceId, [row]))[0]!;
  }

  @Get('cases')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The case inbox: filtered, soonest resolution deadline first (none last), cursor-paged' })
  @ApiOkResponse({ type: CasePageDto })
  async list(@CurrentWorkspace() ws: WorkspaceContext, @CurrentPrincipal() p: Principal, @Query() q: ListCasesQuery): Promise<CasePageDto> {
    if (q.owner === 'me' && p.kind !== 'user')
      throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'Invalid request: owner=me needs a signed-in person', [
        { field: 'owner', message: 'owner=me needs a signed-in person' },
      ]);
    const limit = q.limit ?? 50;
    const rows = await this.repository.list(
      ws.workspaceId,
      {
        statuses: q.status,
        owner: q.owner,
        touchpointId: q.touchpoint,
        priorities: q.priority,
        sources: q.source,
        breached: q.breached,
        limit,
        after: q.cursor ? decodeCursor(q.cursor) : undefined,
      },
      p.kind === 'user' ? p.userId : null,
    );
    const items = await this.dtos(ws.workspaceId, rows.slice(0, limit));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.resolutionDue, last.id) : null };
  }

  @Post('cases')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Open a case by hand or from another system; routed, prioritised and timed like automatic ones' })
  @ApiCreatedResponse({ type: CaseDto })
  async create(@CurrentWorkspace() ws: WorkspaceContext, @CurrentPrincipal() p: Principal, @Body() body: CreateCaseDto): Promise<CaseDto> {
    const source = body.source ?? (p.kind === 'token' ? 'api' : 'manual');
    const created = await this.cases.openManual(
      ws.workspaceId,
      {
        title: body.title,
        description: body.description,
        source,
        sourceId: body.sourceId ?? null,
        touchpointId: body.touchpointId ?? null,
        customerExternalId: body.customerId ?? null,
        channel: body.channel ?? null,
        priority: body.priority ?? null,
        ownerId: body.ownerId ?? null,
        openedAt: body.openedAt ? new Date(body.openedAt) : new Date(),
      },
      actorOf(p),
    );
    return this.dto(ws.workspaceId, created);
  }

  @Post('cases/sync')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess({ roles: ['admin'], scope: 'cases:write' })
  @ApiOperation({ summary: 'Open cases from new feedback now (it also runs in the background)' })
  @ApiOkResponse({ type: CaseSyncOutcomeDto })
  runSync(@CurrentWorkspace() ws: WorkspaceContext): Promise<CaseSyncOutcomeDto> {
    return this.sync.sync(ws.workspaceId);
  }

  @Post('cases/breach-check')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Run the SLA warning/breach check for this workspace now (admins; it also runs in the background)' })
  @ApiOkResponse({ type: BreachCheckDto })
  breachCheck(@CurrentWorkspace() ws: WorkspaceContext): Promise<BreachCheckDto> {
    return this.breach.run(new Date(), ws.workspaceId);
  }

  @Get('cases/settings')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Case priority settings' })
  @ApiOkResponse({ type: CaseSettingsDto })
  settings(@CurrentWorkspace() ws: WorkspaceContext): Promise<CaseSettingsDto> {
    return this.repository.settings(ws.workspaceId);
  }

  @Put('cases/settings')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Change the case priority settings (admins)' })
  @ApiOkResponse({ type: CaseSettingsDto })
  async updateSettings(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CaseSettingsDto): Promise<CaseSettingsDto> {
    await this.repository.setSettings(ws.workspaceId, body.highMrrThreshold);
    return this.repository.settings(ws.workspaceId);
  }

  @Post('cases/bulk-assign')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Assign many cases to a member (or unassign them)' })
  @ApiOkResponse({ type: BulkAssignResultDto })
  bulkAssign(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: BulkAssignDto,
  ): Promise<BulkAssignResultDto> {
    return this.cases.bulkAssign(ws.workspaceId, body.ids, body.ownerId, actorOf(p), body.reassignReason);
  }

  @Get('cases/:caseId')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One case with its audit trail' })
  @ApiOkResponse({ type: CaseDetailDto })
  async get(@CurrentWorkspace() ws: WorkspaceContext, @Param('caseId', uuidOr404('Case')) id: string): Promise<CaseDetailDto> {
    const c = await this.cases.get(ws.workspaceId, id);
    return {
      ...(await this.dto(ws.workspaceId, c)),
      events: (await this.repository.events(ws.workspaceId, id)).map(toCaseEventDto),
      hops: (await this.hops.ofCase(ws.workspaceId, id)).map(toCaseHopDto),
    };
  }

  @Patch('cases/:caseId')
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary:
      'Assign, move to another touchpoint, change priority (timers follow) or wait on / resume from the customer (pauses the timers); ' +
      'a move or reassignment is recorded as a routing hop with reassignReason',
  })
  @ApiOkResponse({ type: CaseDto })
  async update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('caseId', uuidOr404('Case')) id: string,
    @Body() body: UpdateCaseDto,
  ): Promise<CaseDto> {
    return this.dto(ws.workspaceId, await this.cases.patch(ws.workspaceId, id, body, actorOf(p)));
  }

  @Post('cases/:caseId/replies')
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary:
      "A reply. Ours goes to the customer in their channel (email, the gateway's SMS/Telegram/WhatsApp, or a public answer's record) unless send is false, and the first meets the first-response target; the customer's resumes a paused case",
  })
  @ApiCreatedResponse({ type: ReplyResultDto })
  async reply(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('caseId', uuidOr404('Case')) id: string,
    @Body() body: ReplyDto,
  ): Promise<ReplyResultDto> {
    const result = await this.cases.replyAndSend(ws.workspaceId, id, { ...body, send: body.send ?? true }, actorOf(p));
    return { ...(await this.dto(ws.workspaceId, result.case)), delivery: toReplyDeliveryDto(result.delivery) };
  }

  @Post('cases/:caseId/close')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Close with root cause and action taken (and a churn reason when the customer left)' })
  @ApiOkResponse({ type: CaseDto })
  async close(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('caseId', uuidOr404('Case')) id: string,
    @Body() body: CloseCaseDto,
  ): Promise<CaseDto> {
    return this.dto(ws.workspaceId, await this.cases.close(ws.workspaceId, id, body, actorOf(p)));
  }

  @Post('cases/:caseId/follow-up')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: "Record the customer's follow-up CSAT (1–5) on a closed case; 1–2 reopens it" })
  @ApiOkResponse({ type: CaseDto })
  async followUp(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('caseId', uuidOr404('Case')) id: string,
    @Body() body: FollowUpDto,
  ): Promise<CaseDto> {
    return this.dto(ws.workspaceId, await this.cases.followUp(ws.workspaceId, id, body, actorOf(p)));
  }
}
