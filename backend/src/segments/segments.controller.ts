import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { segmentBreakdownCsv } from './segment-breakdown.csv';
import { SegmentBreakdownService } from './segment-breakdown.service';
import {
  CreateSegmentDto,
  SegmentBreakdownDto,
  SegmentBreakdownQuery,
  SegmentDto,
  SegmentListDto,
  SegmentPreviewDto,
  SegmentRulesDto,
  UpdateSegmentDto,
} from './segments.dto';
import { SegmentsService } from './segments.service';

const READ = { scope: 'customers:read' } as const;
const WRITE = { roles: ['admin', 'analyst'], scope: 'customers:write' } as const;
const segmentId = uuidOr404('Segment');

/** Saved segments (rules over customer fields), a live preview of rules, and any metric broken down by segment. */
@ApiTags('segments')
@Controller('workspaces/:workspaceId/segments')
export class SegmentsController {
  constructor(
    private readonly segments: SegmentsService,
    private readonly breakdowns: SegmentBreakdownService,
  ) {}

  @Get()
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Saved segments by name' })
  @ApiOkResponse({ type: SegmentListDto })
  async list(@CurrentWorkspace() ws: WorkspaceContext): Promise<SegmentListDto> {
    return { items: await this.segments.list(ws.workspaceId) };
  }

  @Post()
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Save a segment (409 segment_name_taken when the name is in use, case-insensitively)' })
  @ApiCreatedResponse({ type: SegmentDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @CurrentPrincipal() p: Principal, @Body() body: CreateSegmentDto): Promise<SegmentDto> {
    return this.segments.create(ws.workspaceId, p.kind === 'user' ? p.userId : null, body);
  }

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'How many customers these rules match now, and the first 20; nothing is saved' })
  @ApiOkResponse({ type: SegmentPreviewDto })
  preview(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: SegmentRulesDto): Promise<SegmentPreviewDto> {
    return this.segments.preview(ws.workspaceId, body.rules);
  }

  @Get('breakdown')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'One metric (NPS, CSAT, churn, cases, mentions) for all customers and each saved segment',
    description: "An API token also needs the metric's own read scope: responses:read (nps, csat), cases:read, mentions:read.",
  })
  @ApiOkResponse({ type: SegmentBreakdownDto })
  breakdown(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() query: SegmentBreakdownQuery,
  ): Promise<SegmentBreakdownDto> {
    return this.breakdowns.breakdown(ws.workspaceId, p, query.metric, query);
  }

  @Get('breakdown.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The breakdown by segment as CSV (same scopes as the JSON breakdown)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async breakdownCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() query: SegmentBreakdownQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = segmentBreakdownCsv(await this.breakdowns.breakdown(ws.workspaceId, p, query.metric, query));
    // Headers only once the report is built, so an error keeps its JSON body.
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="segments-${query.metric}.csv"`);
    return body;
  }

  @Get(':segmentId')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One saved segment' })
  @ApiOkResponse({ type: SegmentDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('segmentId', segmentId) id: string): Promise<SegmentDto> {
    return this.segments.get(ws.workspaceId, id);
  }

  @Patch(':segmentId')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Rename a segment or change its rules' })
  @ApiOkResponse({ type: SegmentDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('segmentId', segmentId) id: string,
    @Body() body: UpdateSegmentDto,
  ): Promise<SegmentDto> {
    return this.segments.update(ws.workspaceId, id, body);
  }

  @Delete(':segmentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Delete a segment' })
  @ApiNoContentResponse()
  async remove(@CurrentWorkspace() ws: WorkspaceContext, @Param('segmentId', segmentId) id: string): Promise<void> {
    await this.segments.delete(ws.workspaceId, id);
  }
}
