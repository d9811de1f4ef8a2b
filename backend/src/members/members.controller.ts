import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUserId, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { InvitationsService } from './invitations.service';
import { ChangeRoleDto, CreateInvitationDto, CreatedInvitationDto, InvitationDto, MemberDto } from './members.dto';
import { MembersService } from './members.service';

const memberId = uuidOr404('Member');

@ApiTags('members')
@Controller('workspaces/:workspaceId')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get('members')
  @WorkspaceAccess({ scope: 'members:read' })
  @ApiOperation({ summary: 'Members of the workspace' })
  @ApiOkResponse({ type: MemberDto, isArray: true })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<MemberDto[]> {
    return this.members.list(ws.workspaceId);
  }

  @Patch('members/:userId')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: "Change a member's role (admins); the last admin cannot be demoted" })
  @ApiOkResponse({ type: MemberDto })
  changeRole(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', memberId) userId: string,
    @Body() body: ChangeRoleDto,
  ): Promise<MemberDto> {
    return this.members.changeRole(ws.workspaceId, userId, body.role);
  }

  @Delete('members/:userId')
  @WorkspaceAccess()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (admins) or leave (yourself); never the last admin' })
  @ApiNoContentResponse()
  remove(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentUserId() actorId: string,
    @Param('userId', memberId) userId: string,
  ): Promise<void> {
    return this.members.remove(ws.workspaceId, userId, { userId: actorId, role: ws.role! });
  }

  @Get('invitations')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Pending invitations (admins)' })
  @ApiOkResponse({ type: InvitationDto, isArray: true })
  listInvitations(@CurrentWorkspace() ws: WorkspaceContext): Promise<InvitationDto[]> {
    return this.invitations.listPending(ws.workspaceId);
  }

  @Post('invitations')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Invite someone by email with a role (admins); returns the accept link' })
  @ApiCreatedResponse({ type: CreatedInvitationDto })
  invite(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentUserId() userId: string,
    @Body() body: CreateInvitationDto,
  ): Promise<CreatedInvitationDto> {
    return this.invitations.create(ws.workspaceId, userId, body.email, body.role);
  }

  @Delete('invitations/:invitationId')
  @WorkspaceAccess({ roles: ['admin'] })
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a pending invitation (admins)' })
  @ApiNoContentResponse()
  revokeInvitation(@CurrentWorkspace() ws: WorkspaceContext, @Param('invitationId', uuidOr404('Invitation')) id: string): Promise<void> {
    return this.invitations.revoke(ws.workspaceId, id);
  }
}
