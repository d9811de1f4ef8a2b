import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import {
  CreateTouchpointDto,
  JourneyDto,
  JourneyQuery,
  ReorderTouchpointsDto,
  TouchpointDto,
  UpdateTouchpointDto,
} from './touchpoints.dto';
import { TouchpointsService } from './touchpoints.service';

const EDITORS = ['admin', 'analyst'] as const;

@ApiTags('touchpoints')
@Controller('workspaces/:workspaceId/touchpoints')
export class TouchpointsController {
  constructor(private readonly touchpoints: TouchpointsService) {}

  @Get()
  @WorkspaceAccess({ scope: 'workspace:read' })
  @ApiOperation({ summary: 'The touchpoint registry, by stage and position' })
  @ApiOkResponse({ type: TouchpointDto, isArray: true })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<TouchpointDto[]> {
    return this.touchpoints.list(ws.workspaceId);
  }

  // Declared before ':touchpointId' so "journey" is not taken for an id.
  @Get('journey')
  @WorkspaceAccess({ scope: 'workspace:read' })
  @ApiOperation({ summary: 'Journey map: stages with their touchpoints, owners, NPS/CSAT/CES trends, case figures and surveys' })
  @ApiOkResponse({ type: JourneyDto })
  journey(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: JourneyQuery): Promise<JourneyDto> {
    return this.touchpoints.journey(ws.workspaceId, query.asOf ? new Date(query.asOf) : new Date());
  }

  @Post()
  @WorkspaceAccess({ roles: EDITORS })
  @ApiOperation({ summary: 'Add a touchpoint' })
  @ApiCreatedResponse({ type: TouchpointDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateTouchpointDto): Promise<TouchpointDto> {
    return this.touchpoints.create(ws.workspaceId, body);
  }

  @Post('reorder')
  @HttpCode(200)
  @WorkspaceAccess({ roles: EDITORS })
  @ApiOperation({ summary: 'Put touchpoints in a stage in the given order' })
  @ApiOkResponse({ type: TouchpointDto, isArray: true })
  reorder(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: ReorderTouchpointsDto): Promise<TouchpointDto[]> {
    return this.touchpoints.reorder(ws.workspaceId, body);
  }

  @Get(':touchpointId')
  @WorkspaceAccess({ scope: 'workspace:read' })
  @ApiOperation({ summary: 'One touchpoint' })
  @ApiOkResponse({ type: TouchpointDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('touchpointId', uuidOr404('Touchpoint')) id: string): Promise<TouchpointDto> {
    return this.touchpoints.get(ws.workspaceId, id);
  }

  @Patch(':touchpointId')
  @WorkspaceAccess({ roles: EDITORS })
  @ApiOperation({ summary: 'Edit a touchpoint; a rename also renames the link on its surveys' })
  @ApiOkResponse({ type: TouchpointDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('touchpointId', uuidOr404('Touchpoint')) id: string,
    @Body() body: UpdateTouchpointDto,
  ): Promise<TouchpointDto> {
    return this.touchpoints.update(ws.workspaceId, id, body);
  }

  @Delete(':touchpointId')
  @HttpCode(204)
  @WorkspaceAccess({ roles: EDITORS })
  @ApiOperation({ summary: 'Delete a touchpoint (its surveys keep their touchpoint name)' })
  @ApiNoContentResponse()
  async remove(@CurrentWorkspace() ws: WorkspaceContext, @Param('touchpointId', uuidOr404('Touchpoint')) id: string): Promise<void> {
    await this.touchpoints.remove(ws.workspaceId, id);
  }
}
