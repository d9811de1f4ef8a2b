import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import {
  CreateSlaPolicyDto,
  DeleteSlaPolicyQuery,
  SlaPolicyDto,
  SlaPreviewDto,
  SlaPreviewRequestDto,
  UpdateSlaPolicyDto,
} from './sla-policies.dto';
import { SlaPoliciesService } from './sla-policies.service';

const ADMINS = ['admin'] as const;

@ApiTags('sla-policies')
@Controller('workspaces/:workspaceId/sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Get()
  @WorkspaceAccess({ scope: 'workspace:read' })
  @ApiOperation({ summary: 'SLA policies (a workspace gets an editable default policy on first use)' })
  @ApiOkResponse({ type: SlaPolicyDto, isArray: true })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<SlaPolicyDto[]> {
    return this.policies.list(ws.workspaceId);
  }

  @Post()
  @WorkspaceAccess({ roles: ADMINS })
  @ApiOperation({ summary: 'Add a policy; fields left out start from the defaults' })
  @ApiCreatedResponse({ type: SlaPolicyDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateSlaPolicyDto): Promise<SlaPolicyDto> {
    return this.policies.create(ws.workspaceId, body);
  }

  @Get(':policyId')
  @WorkspaceAccess({ scope: 'workspace:read' })
  @ApiOperation({ summary: 'One SLA policy' })
  @ApiOkResponse({ type: SlaPolicyDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('policyId', uuidOr404('SLA policy')) id: string): Promise<SlaPolicyDto> {
    return this.policies.get(ws.workspaceId, id);
  }

  @Patch(':policyId')
  @WorkspaceAccess({ roles: ADMINS })
  @ApiOperation({ summary: 'Edit targets, calendar, name, or make the policy the default' })
  @ApiOkResponse({ type: SlaPolicyDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('policyId', uuidOr404('SLA policy')) id: string,
    @Body() body: UpdateSlaPolicyDto,
  ): Promise<SlaPolicyDto> {
    return this.policies.update(ws.workspaceId, id, body);
  }

  @Delete(':policyId')
  @HttpCode(204)
  @WorkspaceAccess({ roles: ADMINS })
  @ApiOperation({ summary: 'Delete a policy (not the default; one used by touchpoints only with reassignTo)' })
  @ApiNoContentResponse()
  async remove(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('policyId', uuidOr404('SLA policy')) id: string,
    @Query() query: DeleteSlaPolicyQuery,
  ): Promise<void> {
    await this.policies.remove(ws.workspaceId, id, query.reassignTo);
  }

  @Post(':policyId/preview')
  @HttpCode(200)
  @WorkspaceAccess({ scope: 'workspace:read' })
  @ApiOperation({ summary: 'Deadlines a case opened at openedAt with this priority and channel would get' })
  @ApiOkResponse({ type: SlaPreviewDto })
  preview(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('policyId', uuidOr404('SLA policy')) id: string,
    @Body() body: SlaPreviewRequestDto,
  ): Promise<SlaPreviewDto> {
    return this.policies.preview(ws.workspaceId, id, body);
  }
}
