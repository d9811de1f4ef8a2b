import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUserId, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { PasswordResetsService } from './password-resets.service';

@ApiTags('members')
@Controller('workspaces/:workspaceId/members')
export class PasswordResetsController {
  constructor(private readonly resets: PasswordResetsService) {}

  @Post(':userId/password-reset')
  @WorkspaceAccess({ roles: ['admin'] })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Mail a member a one-time link to set a new password (admins); the admin never sees the link',
  })
  @ApiNoContentResponse()
  sendPasswordReset(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentUserId() actorId: string,
    @Param('userId', uuidOr404('Member')) userId: string,
  ): Promise<void> {
    return this.resets.request(ws.workspaceId, userId, actorId);
  }
}
