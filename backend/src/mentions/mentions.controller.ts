import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { IngestKeysService } from './ingest-keys/ingest-keys.service';
import { MentionBatchDto, MentionIngestResultDto } from './mention-input.dto';
import { MentionIngestService } from './mention-ingest.service';
import {
  CreatedIngestKeyDto,
  CreateIngestKeyDto,
  IngestKeyDto,
  ListMentionsQuery,
  MentionDetailDto,
  MentionPageDto,
  MentionStatsDto,
  MentionStatsQuery,
  SpikeAlertDto,
  SpikeSettingsDto,
  UpdateMentionDto,
} from './mentions.dto';
import { MentionsService } from './mentions.service';
import { SpikeAlertsService } from './spikes/spike-alerts.service';

const EDITORS = ['admin', 'analyst', 'owner'] as const;
const userIdOf = (principal: Principal) => (principal.kind === 'user' ? principal.userId : null);

@ApiTags('mentions')
@Controller('workspaces/:workspaceId/mentions')
export class MentionsController {
  constructor(
    private readonly mentions: MentionsService,
    private readonly ingest: MentionIngestService,
    private readonly spikes: SpikeAlertsService,
    private readonly keys: IngestKeysService,
  ) {}

  @Get()
  @WorkspaceAccess({ scope: 'mentions:read' })
  @ApiOperation({ summary: 'Mentions, newest first, with filters; copies left out unless asked for' })
  @ApiOkResponse({ type: MentionPageDto })
  list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListMentionsQuery,
  ): Promise<MentionPageDto> {
    return this.mentions.list(ws.workspaceId, userIdOf(principal), query);
  }

  @Post('bulk')
  @WorkspaceAccess({ roles: EDITORS, scope: 'mentions:write' })
  @ApiOperation({ summary: 'Add up to 1000 mentions; each is validated on its own, invalid ones reported, valid ones stored once' })
  @ApiOkResponse({ type: MentionIngestResultDto })
  bulk(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: MentionBatchDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MentionIngestResultDto> {
    res.status(200);
    return this.ingest.ingest(ws.workspaceId, body.mentions, 'api');
  }

  @Get('stats')
  @WorkspaceAccess({ scope: 'mentions:read' })
  @ApiOperation({ summary: 'Volume and sentiment over time, share of voice per source, languages (originals only)' })
  @ApiOkResponse({ type: MentionStatsDto })
  stats(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: MentionStatsQuery): Promise<MentionStatsDto> {
    return this.mentions.stats(ws.workspaceId, query);
  }

  @Get('settings')
  @WorkspaceAccess({ scope: 'mentions:read' })
  @ApiOperation({ summary: 'Spike alert rule: factor over the baseline, minimum count, baseline days' })
  @ApiOkResponse({ type: SpikeSettingsDto })
  settings(@CurrentWorkspace() ws: WorkspaceContext): Promise<SpikeSettingsDto> {
    return this.spikes.settings(ws.workspaceId);
  }

  @Put('settings')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Change the spike alert rule (admins)' })
  @ApiOkResponse({ type: SpikeSettingsDto })
  updateSettings(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: SpikeSettingsDto): Promise<SpikeSettingsDto> {
    return this.spikes.updateSettings(ws.workspaceId, body);
  }

  @Get('alerts')
  @WorkspaceAccess({ scope: 'mentions:read' })
  @ApiOperation({ summary: 'Spike alerts, newest day first' })
  @ApiOkResponse({ type: [SpikeAlertDto] })
  async alerts(@CurrentWorkspace() ws: WorkspaceContext): Promise<SpikeAlertDto[]> {
    return (await this.spikes.list(ws.workspaceId)).map((a) => ({ ...a, createdAt: a.createdAt.toISOString() }));
  }

  @Get('ingest-keys')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Keys that sign the mention webhook (POST /api/v1/ingest/mentions)' })
  @ApiOkResponse({ type: [IngestKeyDto] })
  ingestKeys(@CurrentWorkspace() ws: WorkspaceContext): Promise<IngestKeyDto[]> {
    return this.keys.list(ws.workspaceId);
  }

  @Post('ingest-keys')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Create a webhook ingest key; its secret is shown once' })
  @ApiCreatedResponse({ type: CreatedIngestKeyDto })
  createIngestKey(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateIngestKeyDto): Promise<CreatedIngestKeyDto> {
    return this.keys.create(ws.workspaceId, body.name);
  }

  @Delete('ingest-keys/:keyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Revoke an ingest key: its signatures stop being accepted at once' })
  @ApiNoContentResponse()
  async removeIngestKey(@CurrentWorkspace() ws: WorkspaceContext, @Param('keyId', uuidOr404('Ingest key')) id: string): Promise<void> {
    await this.keys.remove(ws.workspaceId, id);
  }

  @Get(':mentionId')
  @WorkspaceAccess({ scope: 'mentions:read' })
  @ApiOperation({ summary: 'One mention with its thread (parents and replies) and its copies' })
  @ApiOkResponse({ type: MentionDetailDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('mentionId', uuidOr404('Mention')) id: string): Promise<MentionDetailDto> {
    return this.mentions.get(ws.workspaceId, id);
  }

  @Patch(':mentionId')
  @WorkspaceAccess({ roles: EDITORS, scope: 'mentions:write' })
  @ApiOperation({ summary: 'Assign, mark answered, or link to a customer' })
  @ApiOkResponse({ type: MentionDetailDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() principal: Principal,
    @Param('mentionId', uuidOr404('Mention')) id: string,
    @Body() body: UpdateMentionDto,
  ): Promise<MentionDetailDto> {
    return this.mentions.update(ws.workspaceId, userIdOf(principal), id, body);
  }
}
