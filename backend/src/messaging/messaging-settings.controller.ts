import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { InboundSecretDto, MessagingSettingsDto, MessagingSettingsInputDto, MessagingStatusDto } from './messaging.dto';
import { MessagingSettingsService } from './messaging-settings.service';
import { fromLine, OutboxService } from './outbox.service';

const ADMIN = { roles: ['admin'], scope: 'messages:write' } as const;
const userOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);

/** Whether email is configured, the outbox's counts, and the workspace's sender settings and inbound secret. */
@ApiTags('messages')
@Controller('workspaces/:workspaceId/messaging')
export class MessagingSettingsController {
  constructor(
    private readonly settings: MessagingSettingsService,
    private readonly outbox: OutboxService,
  ) {}

  @Get('status')
  @WorkspaceAccess({ scope: 'messages:read' })
  @ApiOperation({ summary: 'Whether email goes out (SMTP_URL set) and how many messages are in each status' })
  @ApiOkResponse({ type: MessagingStatusDto })
  status(@CurrentWorkspace() ws: WorkspaceContext): Promise<MessagingStatusDto> {
    return this.outbox.status(ws.workspaceId);
  }

  @Get('settings')
  @WorkspaceAccess({ scope: 'messages:read' })
  @ApiOperation({ summary: 'The sender of the workspace’s emails: from name and address, reply-to, brand colour' })
  @ApiOkResponse({ type: MessagingSettingsDto })
  get(@CurrentWorkspace() ws: WorkspaceContext): Promise<MessagingSettingsDto> {
    return this.view(ws.workspaceId);
  }

  @Put('settings')
  @WorkspaceAccess(ADMIN)
  @ApiOperation({ summary: 'Save the sender settings (admins); a field left out or null falls back to the default' })
  @ApiOkResponse({ type: MessagingSettingsDto })
  async save(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: MessagingSettingsInputDto,
  ): Promise<MessagingSettingsDto> {
    await this.settings.saveSender(
      ws.workspaceId,
      {
        fromName: body.fromName ?? null,
        fromAddress: body.fromAddress?.toLowerCase() ?? null,
        replyTo: body.replyTo?.toLowerCase() ?? null,
        brandColour: body.brandColour?.toLowerCase() ?? null,
      },
      userOf(p),
    );
    return this.view(ws.workspaceId);
  }

  @Get('inbound-secret')
  @WorkspaceAccess(ADMIN)
  @ApiOperation({ summary: 'Reveal the secret that signs inbound email and gateway requests (created on first reveal; admins)' })
  @ApiOkResponse({ type: InboundSecretDto })
  async secret(@CurrentWorkspace() ws: WorkspaceContext): Promise<InboundSecretDto> {
    return { secret: await this.settings.inboundSecret(ws.workspaceId) };
  }

  @Post('inbound-secret/rotate')
  @HttpCode(200)
  @WorkspaceAccess(ADMIN)
  @ApiOperation({ summary: 'Replace the inbound secret at once: requests signed with the old one are refused (admins)' })
  @ApiOkResponse({ type: InboundSecretDto })
  async rotate(@CurrentWorkspace() ws: WorkspaceContext, @CurrentPrincipal() p: Principal): Promise<InboundSecretDto> {
    return { secret: await this.settings.rotateInboundSecret(ws.workspaceId, userOf(p)) };
  }

  private async view(workspaceId: string): Promise<MessagingSettingsDto> {
    const [settings, sender] = await Promise.all([this.settings.settingsOf(workspaceId), this.settings.senderOf(workspaceId)]);
    return {
      fromName: settings.fromName,
      fromAddress: settings.fromAddress,
      replyTo: settings.replyTo,
      brandColour: settings.brandColour,
      effectiveFrom: fromLine(sender),
      inboundSecretSet: settings.inboundSecret !== null,
    };
  }
}
