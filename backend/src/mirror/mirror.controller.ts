import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentUserId, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { sendCsv } from '../common/http/send-csv';
import { uuidOr404 } from '../common/http/uuid-or-404';
import {
  CreateMirrorDto,
  MirrorDto,
  MirrorListDto,
  MirrorReportDto,
  MirrorReportQuery,
  MyMirrorsDto,
  SubmitMirrorAnswersDto,
  SubmitMirrorResultDto,
  UpdateMirrorDto,
} from './mirror.dto';
import { MirrorReportService } from './mirror-report.service';
import { MirrorService } from './mirror.service';

const READ = { scope: 'surveys:read' } as const;
const WRITE = { roles: ['admin', 'analyst'], scope: 'surveys:write' } as const;
const ADMIN = { roles: ['admin'], scope: 'surveys:write' } as const;
const MIRROR_ID = uuidOr404('Mirror');
const userOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);

const METHOD =
  "Staff of a touchpoint answer the customer survey's NPS and rating questions as they think customers would, once per " +
  'period (a second answer replaces the first). gap = staff mean − customers mean; a blind spot when |gap| exceeds ' +
  'blindSpotNps (0–10) or blindSpotRating (per 1–5 scale, scaled to the question). Customer answers: finished responses ' +
  "to the original survey at that touchpoint (its `touchpoint` hidden field, else the survey's touchpoint) in the same periods: " +
  "calendar months or quarters in the workspace's time zone (its default SLA calendar's).";

/** The mirror survey: staff vs customers per touchpoint and question. */
@ApiTags('mirror')
@Controller('workspaces/:workspaceId/mirrors')
export class MirrorController {
  constructor(
    private readonly mirrors: MirrorService,
    private readonly reports: MirrorReportService,
  ) {}

  @Get()
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Mirrors with their touchpoints, staff and staff response rate in the current period', description: METHOD })
  @ApiOkResponse({ type: MirrorListDto })
  async list(@CurrentWorkspace() ws: WorkspaceContext): Promise<MirrorListDto> {
    return { items: await this.mirrors.list(ws.workspaceId) };
  }

  @Post()
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Mirror a customer survey for one or more touchpoints (extra staff: admins only)', description: METHOD })
  @ApiCreatedResponse({ type: MirrorDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @CurrentPrincipal() p: Principal, @Body() body: CreateMirrorDto): Promise<MirrorDto> {
    return this.mirrors.create(ws.workspaceId, ws.role, userOf(p), body);
  }

  @Get('mine')
  @WorkspaceAccess()
  @ApiOperation({ summary: 'The mirrors you answer (you are staff of the touchpoint), every open period, with your answers so far' })
  @ApiOkResponse({ type: MyMirrorsDto })
  mine(@CurrentWorkspace() ws: WorkspaceContext, @CurrentUserId() userId: string): Promise<MyMirrorsDto> {
    return this.mirrors.mine(ws.workspaceId, userId);
  }

  @Get(':mirrorId')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One mirror' })
  @ApiOkResponse({ type: MirrorDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('mirrorId', MIRROR_ID) id: string): Promise<MirrorDto> {
    return this.mirrors.get(ws.workspaceId, id);
  }

  @Patch(':mirrorId')
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary: 'Change a mirror; a touchpoint list replaces the old one (answers of touchpoints taken off are deleted)',
    description:
      'Send `updatedAt` as read: 409 stale_edit when someone changed the mirror since. The survey and period change only ' +
      'before any staff answer (409 mirror_answered). Extra staff: admins only.',
  })
  @ApiOkResponse({ type: MirrorDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('mirrorId', MIRROR_ID) id: string,
    @Body() body: UpdateMirrorDto,
  ): Promise<MirrorDto> {
    return this.mirrors.update(ws.workspaceId, ws.role, id, body);
  }

  @Delete(':mirrorId')
  @WorkspaceAccess(ADMIN)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a mirror with its touchpoints and every staff answer (admins)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@CurrentWorkspace() ws: WorkspaceContext, @Param('mirrorId', MIRROR_ID) id: string): Promise<void> {
    await this.mirrors.remove(ws.workspaceId, id);
  }

  @Put(':mirrorId/answers')
  @WorkspaceAccess()
  @ApiOperation({
    summary: 'Answer a mirror for a touchpoint you are staff of (any role); replaces your earlier answers for the period',
    description: 'Open periods: the current one, and the previous one during the grace days. 409 period_closed otherwise.',
  })
  @ApiOkResponse({ type: SubmitMirrorResultDto })
  submit(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentUserId() userId: string,
    @Param('mirrorId', MIRROR_ID) id: string,
    @Body() body: SubmitMirrorAnswersDto,
  ): Promise<SubmitMirrorResultDto> {
    return this.mirrors.submit(ws.workspaceId, userId, id, body);
  }

  @Get(':mirrorId/report')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'Staff vs customers per touchpoint and question: means, n, margin, gap, direction, blind spot, trend',
    description: METHOD,
  })
  @ApiOkResponse({ type: MirrorReportDto })
  report(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('mirrorId', MIRROR_ID) id: string,
    @Query() query: MirrorReportQuery,
  ): Promise<MirrorReportDto> {
    return this.reports.build(ws.workspaceId, id, query);
  }

  @Get(':mirrorId/report.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The report as CSV: a row per touchpoint, question and period, then the whole range (period "all")' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  async reportCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('mirrorId', MIRROR_ID) id: string,
    @Query() query: MirrorReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const report = await this.reports.build(ws.workspaceId, id, query);
    return sendCsv(res, `mirror-${report.from}-${report.to}.csv`, Promise.resolve(this.reports.csv(report)));
  }
}
