import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentWorkspace, Public, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { PublicRateLimitGuard } from '../web/public-write/public-rate-limit.guard';
import { answerPublicWrite } from '../web/public-write/nest-transport';
import { PublicWrites } from '../web/public-write/public-write.module';
import {
  CancellationRecordedDto,
  CreateFlowDto,
  FlowDto,
  PublicFlowConfigDto,
  SubmitCancellationDto,
  UpdateFlowDto,
} from './cancellation-flows.dto';
import type { CancellationConfig } from '@otklik/survey-model';
import { CancellationFlowsService } from './cancellation-flows.service';

const EDITORS = ['admin', 'analyst'] as const;
const flowId = uuidOr404('Cancellation flow');

@ApiTags('churn')
@Controller('workspaces/:workspaceId/churn/flows')
export class CancellationFlowsController {
  constructor(private readonly flows: CancellationFlowsService) {}

  @Get()
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: 'Cancellation flows (widget configurations)' })
  @ApiOkResponse({ type: FlowDto, isArray: true })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<FlowDto[]> {
    return this.flows.list(ws.workspaceId);
  }

  @Post()
  @WorkspaceAccess({ roles: EDITORS, scope: 'customers:write' })
  @ApiOperation({ summary: 'Create a cancellation flow; embed it with its public key' })
  @ApiCreatedResponse({ type: FlowDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateFlowDto): Promise<FlowDto> {
    return this.flows.create(ws.workspaceId, body);
  }

  @Post('preview')
  @HttpCode(200)
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: "What the widget would show for these flow settings (stores nothing): the dashboard builder's live preview" })
  @ApiQuery({ name: 'language', required: false })
  @ApiOkResponse({ type: PublicFlowConfigDto })
  preview(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: UpdateFlowDto,
    @Query('language') language?: string,
  ): Promise<CancellationConfig> {
    return this.flows.preview(ws.workspaceId, body, typeof language === 'string' ? language.slice(0, 16) : undefined);
  }

  @Patch(':flowId')
  @WorkspaceAccess({ roles: EDITORS, scope: 'customers:write' })
  @ApiOperation({ summary: 'Change a flow: reasons offered and their order, languages, origins, pause' })
  @ApiOkResponse({ type: FlowDto })
  update(@CurrentWorkspace() ws: WorkspaceContext, @Param('flowId', flowId) id: string, @Body() body: UpdateFlowDto): Promise<FlowDto> {
    return this.flows.update(ws.workspaceId, id, body);
  }
}

/**
 * The public edge the cancellation widget talks to (CORS by the flow's allowed origins). Submissions are answered by
 * the public-write pipeline (registered in public-cancellation-routes.ts), as on the ingest edge.
 */
@ApiTags('public')
@Controller('public/cancellation-flows/:publicKey')
@Public()
export class PublicCancellationController {
  constructor(
    private readonly flows: CancellationFlowsService,
    private readonly writes: PublicWrites,
  ) {}

  @Get()
  @UseGuards(PublicRateLimitGuard)
  @ApiOperation({ summary: "A flow's reasons with their save offers, in one language" })
  @ApiQuery({ name: 'language', required: false })
  @ApiOkResponse({ type: PublicFlowConfigDto })
  config(@Param('publicKey') publicKey: string, @Query('language') language?: string): Promise<CancellationConfig> {
    return this.flows.publicConfig(publicKey, typeof language === 'string' ? language.slice(0, 16) : undefined);
  }

  @Post('submissions')
  @ApiOperation({ summary: 'Record a step of a cancellation run (idempotent per key); finished: true records the outcome' })
  @ApiCreatedResponse({ type: CancellationRecordedDto })
  @ApiOkResponse({ type: CancellationRecordedDto })
  @ApiBody({ type: SubmitCancellationDto })
  submit(@Param('publicKey') _publicKey: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return answerPublicWrite(this.writes, req, res);
  }
}
