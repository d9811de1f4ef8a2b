import { Body, Controller, Get, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { ApiError } from '../common/http/api-error';
import { DEFAULT_PAGE_LIMIT } from '../common/http/cursor-page.query';
import { decodeKeysetCursor, encodeKeysetCursor } from '../common/http/keyset-cursor';
import { sendCsv } from '../common/http/send-csv';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { promisesCsv } from './promises.csv';
import {
  CreatePromiseDto,
  ListPromisesQuery,
  PromiseDto,
  PromisePageDto,
  PromiseReportDto,
  PromiseReportQuery,
  ResolvePromiseDto,
  UpdatePromiseDto,
} from './promises.dto';
import type { PromiseFilter } from './promises.repository';
import { PromiseReportService } from './promise-report.service';
import { PromisesService, type PromiseActor } from './promises.service';
import { PromiseViews } from './promise-views';

const WORKERS = ['admin', 'analyst', 'owner'] as const;
const READ = { scope: 'promises:read' } as const;
const WRITE = { roles: WORKERS, scope: 'promises:write' } as const;
/** The CSV holds at most this many rows (the register of a year of a large team). */
const CSV_CAP = 50_000;

const actorOf = (p: Principal): PromiseActor =>
  p.kind === 'user' ? { kind: 'user', userId: p.userId } : { kind: 'token', userId: null, tokenId: p.tokenId };

function filterOf(q: ListPromisesQuery, p: Principal): PromiseFilter {
  if (q.owner === 'me' && p.kind !== 'user')
    throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'Invalid request: owner=me needs a signed-in person', [
      { field: 'owner', message: 'owner=me needs a signed-in person' },
    ]);
  return {
    statuses: q.status,
    ownerId: q.owner === 'me' && p.kind === 'user' ? p.userId : q.owner,
    touchpointId: q.touchpoint,
    source: q.source,
    caseId: q.case,
    customerExternalId: q.customer,
    overdue: q.overdue,
  };
}

/** The promise register: promises to customers with due times on the SLA clock, their outcomes and the report. */
@ApiTags('promises')
@Controller('workspaces/:workspaceId/promises')
export class PromisesController {
  constructor(
    private readonly promises: PromisesService,
    private readonly views: PromiseViews,
    private readonly reports: PromiseReportService,
  ) {}

  @Get()
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The register: filtered, latest due time first, cursor-paged' })
  @ApiOkResponse({ type: PromisePageDto })
  async list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() q: ListPromisesQuery,
  ): Promise<PromisePageDto> {
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const page = await this.promises.list(ws.workspaceId, filterOf(q, p), limit, q.cursor ? decodeKeysetCursor(q.cursor) : undefined);
    const last = page.rows.at(-1);
    return {
      items: await this.views.many(ws.workspaceId, page.rows),
      nextCursor: page.more && last ? encodeKeysetCursor({ at: last.dueAt, id: last.id }) : null,
      total: page.total,
    };
  }

  @Get('report')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'Kept on time / late / broken rates of promises due in the period, per person, team, touchpoint and month',
    description: 'Rates are over the promises decided (kept or broken); cancelled ones are left out; late = kept after the due time.',
  })
  @ApiOkResponse({ type: PromiseReportDto })
  report(@CurrentWorkspace() ws: WorkspaceContext, @Query() q: PromiseReportQuery): Promise<PromiseReportDto> {
    return this.reports.build(ws.workspaceId, q);
  }

  @Get('export.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The register as CSV, with the same filters as the list (at most 50,000 rows)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  async csv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() q: ListPromisesQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const filter = filterOf(q, p);
    const build = async () => promisesCsv(await this.views.many(ws.workspaceId, await this.promises.all(ws.workspaceId, filter, CSV_CAP)));
    return sendCsv(res, 'promises.csv', build());
  }

  @Post()
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary: 'Make a promise to a customer (by hand, from a case reply in one click, or from another system)',
    description: 'Due at a time, or in N business hours/days on the SLA calendar; a reminder goes 2 business hours before by default.',
  })
  @ApiCreatedResponse({ type: PromiseDto })
  async create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: CreatePromiseDto,
  ): Promise<PromiseDto> {
    const row = await this.promises.create(ws.workspaceId, actorOf(p), {
      text: body.text,
      source: body.source ?? (p.kind === 'token' ? 'api' : 'manual'),
      ownerId: body.ownerId,
      caseId: body.caseId,
      caseEventId: body.caseEventId,
      customerExternalId: body.customerExternalId,
      touchpointId: body.touchpointId,
      dueAt: body.dueAt !== undefined ? new Date(body.dueAt) : undefined,
      dueIn: body.dueIn,
      remindBeforeMinutes: body.remindBeforeMinutes,
    });
    return this.views.one(ws.workspaceId, row);
  }

  @Get(':id')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One promise' })
  @ApiOkResponse({ type: PromiseDto })
  async get(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', uuidOr404('Promise')) id: string): Promise<PromiseDto> {
    return this.views.one(ws.workspaceId, await this.promises.get(ws.workspaceId, id));
  }

  @Patch(':id')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Change the text, owner or due time of an open promise (send the version you read: 409 if it changed)' })
  @ApiOkResponse({ type: PromiseDto })
  async update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', uuidOr404('Promise')) id: string,
    @Body() body: UpdatePromiseDto,
  ): Promise<PromiseDto> {
    const row = await this.promises.update(ws.workspaceId, id, {
      version: body.version,
      text: body.text,
      ownerId: body.ownerId,
      dueAt: body.dueAt !== undefined ? new Date(body.dueAt) : undefined,
      dueIn: body.dueIn,
    });
    return this.views.one(ws.workspaceId, row);
  }

  @Post(':id/outcome')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Mark an open promise kept, broken or cancelled, with a note (once: 409 when it is no longer open)' })
  @ApiCreatedResponse({ type: PromiseDto })
  async resolve(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidOr404('Promise')) id: string,
    @Body() body: ResolvePromiseDto,
  ): Promise<PromiseDto> {
    return this.views.one(ws.workspaceId, await this.promises.resolve(ws.workspaceId, id, actorOf(p), body));
  }
}
