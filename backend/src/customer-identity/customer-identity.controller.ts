import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { IdentitySecretDto, RotateIdentitySecretDto } from './customer-identity.dto';
import { CustomerIdentityService } from './customer-identity.service';

/** Admins in the dashboard only (no token scope): the secret vouches for every customer of the workspace. */
const ADMINS = { roles: ['admin'] } as const;

@ApiTags('workspaces')
@Controller('workspaces/:workspaceId/identity-secret')
export class CustomerIdentityController {
  constructor(private readonly identity: CustomerIdentityService) {}

  @Get()
  @WorkspaceAccess(ADMINS)
  @ApiOperation({ summary: 'Reveal the identity secret that signs customer ids for the widgets (created on first read)' })
  @ApiOkResponse({ type: IdentitySecretDto })
  get(@CurrentWorkspace() ws: WorkspaceContext): Promise<IdentitySecretDto> {
    return this.identity.get(ws.workspaceId);
  }

  @Post('rotate')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(ADMINS)
  @ApiOperation({ summary: 'Replace the identity secret; the old one keeps working for previousValidHours (default 24)' })
  @ApiOkResponse({ type: IdentitySecretDto })
  rotate(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: RotateIdentitySecretDto): Promise<IdentitySecretDto> {
    return this.identity.rotate(ws.workspaceId, body.previousValidHours);
  }
}
