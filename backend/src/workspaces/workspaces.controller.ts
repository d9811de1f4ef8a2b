import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUserId, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { WorkspaceDto, WorkspaceNameDto, WorkspaceSummaryDto } from './workspaces.dto';
import { WorkspacesService } from './workspaces.service';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get()
  @ApiOperation({ summary: 'Workspaces the signed-in user belongs to' })
  @ApiOkResponse({ type: WorkspaceSummaryDto, isArray: true })
  list(@CurrentUserId() userId: string): Promise<WorkspaceSummaryDto[]> {
    return this.workspaces.listForUser(userId);
  }

  @Post()
  @ApiOperation({ summary: 'Create a workspace; the creator becomes its admin' })
  @ApiCreatedResponse({ type: WorkspaceSummaryDto })
  create(@CurrentUserId() userId: string, @Body() body: WorkspaceNameDto): Promise<WorkspaceSummaryDto> {
    return this.workspaces.create(body.name, userId);
  }

  @Get(':workspaceId')
  @WorkspaceAccess({ scope: 'workspace:read' })
  @ApiOperation({ summary: 'One workspace' })
  @ApiOkResponse({ type: WorkspaceDto })
  get(@CurrentWorkspace() ws: WorkspaceContext): Promise<WorkspaceDto> {
    return this.workspaces.get(ws.workspaceId, ws.role);
  }

  @Patch(':workspaceId')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Rename a workspace (admins)' })
  @ApiOkResponse({ type: WorkspaceDto })
  rename(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: WorkspaceNameDto): Promise<WorkspaceDto> {
    return this.workspaces.rename(ws.workspaceId, body.name, ws.role);
  }
}
