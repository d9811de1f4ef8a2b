import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { notFound } from '../common/http/api-error';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { ClusterGrowthService } from './cluster-growth.service';
import { ClusterRebuildService } from './cluster-rebuild.service';
import {
  ClusterAlertDto,
  ClusterDetailDto,
  ClusterDetailQuery,
  ClusterListDto,
  ClusterQuestionDto,
  ClusterTextPageDto,
  ClusterTextsQuery,
  ComplaintBatchDto,
  ComplaintImportResultDto,
  GrowthSettingsDto,
  ListClustersQuery,
  MergeClusterDto,
  MovedTextsDto,
  MoveTextsDto,
  RunDto,
  SyncOutcomeDto,
  UpdateClusterDto,
} from './clusters.dto';
import { ClustersRepository } from './clusters.repository';
import { ClustersService, toRunDto } from './clusters.service';
import { ComplaintsJobsService } from './complaints-jobs.service';

const EDITORS = ['admin', 'analyst', 'owner'] as const;
const READ = { scope: 'clusters:read' } as const;
const WRITE = { roles: EDITORS, scope: 'clusters:write' } as const;

@ApiTags('clusters')
@Controller('workspaces/:workspaceId')
export class ClustersController {
  constructor(
    private readonly clusters: ClustersService,
    private readonly rebuild: ClusterRebuildService,
    private readonly jobs: ComplaintsJobsService,
    private readonly repository: ClustersRepository,
    private readonly growth: ClusterGrowthService,
  ) {}

  @Get('clusters')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Complaint clusters ranked by size (or growth), with sentiment, growth and example texts' })
  @ApiOkResponse({ type: ClusterListDto })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: ListClustersQuery): Promise<ClusterListDto> {
    return this.clusters.list(ws.workspaceId, query);
  }

  @Get('clusters/questions')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Survey questions whose open answers are clustered (for the question filter), most texts first' })
  @ApiOkResponse({ type: [ClusterQuestionDto] })
  questions(@CurrentWorkspace() ws: WorkspaceContext): Promise<ClusterQuestionDto[]> {
    return this.repository.questions(ws.workspaceId);
  }

  @Post('clusters/sync')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary: 'Copy new texts from responses, cancellations and mentions and place them now (it also runs every few seconds)',
  })
  @ApiOkResponse({ type: SyncOutcomeDto })
  sync(@CurrentWorkspace() ws: WorkspaceContext): Promise<SyncOutcomeDto> {
    return this.jobs.sync(ws.workspaceId, { autoRebuild: false });
  }

  @Get('clusters/runs')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Rebuilds, newest first' })
  @ApiOkResponse({ type: [RunDto] })
  async runs(@CurrentWorkspace() ws: WorkspaceContext): Promise<RunDto[]> {
    return (await this.repository.runs(ws.workspaceId, 50)).map(toRunDto);
  }

  @Post('clusters/runs')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Rebuild the clusters from all texts now; ids, names, merges and pins carry over. Poll the run for progress.' })
  @ApiAcceptedResponse({ type: RunDto })
  async startRun(@CurrentWorkspace() ws: WorkspaceContext, @Res({ passthrough: true }) res: Response): Promise<RunDto> {
    res.status(HttpStatus.ACCEPTED);
    const { run } = await this.rebuild.start(ws.workspaceId, 'manual');
    return toRunDto(run);
  }

  @Get('clusters/runs/:runId')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One rebuild: status, progress and figures' })
  @ApiOkResponse({ type: RunDto })
  async run(@CurrentWorkspace() ws: WorkspaceContext, @Param('runId', uuidOr404('Run')) id: string): Promise<RunDto> {
    const run = await this.repository.run(ws.workspaceId, id);
    if (!run) throw notFound('Run');
    return toRunDto(run);
  }

  @Get('clusters/settings')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Growth alert rule: last 7 days over the 7 before' })
  @ApiOkResponse({ type: GrowthSettingsDto })
  settings(@CurrentWorkspace() ws: WorkspaceContext): Promise<GrowthSettingsDto> {
    return this.growth.settings(ws.workspaceId);
  }

  @Put('clusters/settings')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Change the growth alert rule (admins)' })
  @ApiOkResponse({ type: GrowthSettingsDto })
  async updateSettings(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: GrowthSettingsDto): Promise<GrowthSettingsDto> {
    await this.growth.updateSettings(ws.workspaceId, body);
    return body;
  }

  @Get('clusters/alerts')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Growth alerts, newest first' })
  @ApiOkResponse({ type: [ClusterAlertDto] })
  async alerts(@CurrentWorkspace() ws: WorkspaceContext): Promise<ClusterAlertDto[]> {
    return (await this.repository.alerts(ws.workspaceId, 100)).map((a) => ({ ...a, createdAt: a.createdAt.toISOString() }));
  }

  @Get('clusters/unclustered/texts')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Texts that fit no cluster' })
  @ApiOkResponse({ type: ClusterTextPageDto })
  unclustered(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: ClusterTextsQuery): Promise<ClusterTextPageDto> {
    return this.clusters.texts(ws.workspaceId, null, query);
  }

  @Post('clusters/move-texts')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Move texts to another cluster, out of all, or split them into a new one; kept across rebuilds' })
  @ApiOkResponse({ type: MovedTextsDto })
  move(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: MoveTextsDto): Promise<MovedTextsDto> {
    return this.clusters.moveTexts(ws.workspaceId, body);
  }

  @Get('clusters/:clusterId')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One cluster: trend, churn reasons, touchpoints, sources and examples' })
  @ApiOkResponse({ type: ClusterDetailDto })
  get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('clusterId', uuidOr404('Cluster')) id: string,
    @Query() query: ClusterDetailQuery,
  ): Promise<ClusterDetailDto> {
    return this.clusters.get(ws.workspaceId, id, query);
  }

  @Get('clusters/:clusterId/texts')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: "A cluster's texts, most representative first" })
  @ApiOkResponse({ type: ClusterTextPageDto })
  texts(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('clusterId', uuidOr404('Cluster')) id: string,
    @Query() query: ClusterTextsQuery,
  ): Promise<ClusterTextPageDto> {
    return this.clusters.texts(ws.workspaceId, id, query);
  }

  @Patch('clusters/:clusterId')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Rename (kept across rebuilds) or pin as a known issue' })
  @ApiOkResponse({ type: ClusterDetailDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() principal: Principal,
    @Param('clusterId', uuidOr404('Cluster')) id: string,
    @Body() body: UpdateClusterDto,
  ): Promise<ClusterDetailDto> {
    return this.clusters.update(ws.workspaceId, principal.kind === 'user' ? principal.userId : null, id, body);
  }

  @Post('clusters/:clusterId/merge')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Merge this cluster into another; its texts move there' })
  @ApiOkResponse({ type: ClusterDetailDto })
  merge(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('clusterId', uuidOr404('Cluster')) id: string,
    @Body() body: MergeClusterDto,
  ): Promise<ClusterDetailDto> {
    return this.clusters.merge(ws.workspaceId, id, body.into);
  }

  @Post('feedback-texts/bulk')
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary: 'Import complaints from elsewhere (support tickets, calls) to cluster with the rest; each validated on its own',
  })
  @ApiOkResponse({ type: ComplaintImportResultDto })
  importComplaints(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: ComplaintBatchDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintImportResultDto> {
    res.status(200);
    return this.clusters.importComplaints(ws.workspaceId, body.complaints);
  }
}
