import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUserId, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './api-tokens.dto';
import { ApiTokensService } from './api-tokens.service';

@ApiTags('api-tokens')
@Controller('workspaces/:workspaceId/api-tokens')
@WorkspaceAccess({ roles: ['admin'] })
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({ summary: 'Active API tokens (admins)' })
  @ApiOkResponse({ type: ApiTokenDto, isArray: true })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<ApiTokenDto[]> {
    return this.tokens.list(ws.workspaceId);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an API token (admins); the secret is returned only once',
    description:
      "A token never does more than its creator's current role: each use is re-checked against it, and the token stops working when its creator leaves the workspace.",
  })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentUserId() userId: string,
    @Body() body: CreateApiTokenDto,
  ): Promise<CreatedApiTokenDto> {
    return this.tokens.create(ws.workspaceId, { userId, role: ws.role }, body);
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API token (admins)' })
  @ApiNoContentResponse()
  revoke(@CurrentWorkspace() ws: WorkspaceContext, @Param('tokenId', uuidOr404('API token')) id: string): Promise<void> {
    return this.tokens.revoke(ws.workspaceId, id);
  }
}
