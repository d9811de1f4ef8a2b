import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { ApiError, notFound } from '../common/http/api-error';
import { DEFAULT_PAGE_LIMIT } from '../common/http/cursor-page.query';
import { EmailSuppressionsRepository } from './email-suppressions.repository';
import {
  InboundSecretDto,
  ListSuppressionsQuery,
  MessagingSettingsDto,
  MessagingSettingsInputDto,
  MessagingStatusDto,
  SuppressionPageDto,
} from './messaging.dto';
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
    private readonly suppressions: EmailSuppressionsRepository,
  ) {}

  @Get('suppressions')
  @WorkspaceAccess({ scope: 'messages:read' })
  @ApiOperation({ summary: 'Addresses the workspace no longer emails (a permanent bounce or a complaint), newest first, cursor-paged' })
  @ApiOkResponse({ type: SuppressionPageDto })
  async suppressionList(@CurrentWorkspace() ws: WorkspaceContext, @Query() q: ListSuppressionsQuery): Promise<SuppressionPageDto> {
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const rows = await this.suppressions.list(ws.workspaceId, limit + 1, q.cursor ? decodeSuppressionCursor(q.cursor) : undefined);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        address: row.address,
        reason: row.reason,
        detail: row.detail,
        messageId: row.messageId,
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor:
        rows.length > limit && last
          ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.address])).toString('base64url')
          : null,
    };
  }

  @Delete('suppressions/:address')
  @HttpCode(HttpStatus.NO_CONTENT)
  @WorkspaceAccess(ADMIN)
  @ApiOperation({
    summary: 'Allow an address again (admins): lift its suppression so the next message to it is sent',
    description: 'For an address that bounced by mistake or was fixed. 404 when the address is not suppressed.',
  })
  @ApiNoContentResponse()
  async lift(@CurrentWorkspace() ws: WorkspaceContext, @Param('address') address: string): Promise<void> {
    if (!(await this.suppressions.remove(ws.workspaceId, address.trim().slice(0, 320)))) throw notFound('Suppressed address');
  }

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

/** The suppression list's cursor: the last row's [createdAt, address]; anything else is a 400 naming the field. */
function decodeSuppressionCursor(cursor: string): { at: Date; address: string } {
  try {
    const [at, address] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(at));
    if (typeof at === 'string' && typeof address === 'string' && !Number.isNaN(date.getTime())) return { at: date, address };
  } catch {
    // falls through to the 400
  }
  throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'Invalid request: cursor is not one this API returned', [
    { field: 'cursor', message: 'cursor is not one this API returned' },
  ]);
}
