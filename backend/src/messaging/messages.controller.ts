import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { DEFAULT_PAGE_LIMIT } from '../common/http/cursor-page.query';
import { decodeKeysetCursor, encodeKeysetCursor } from '../common/http/keyset-cursor';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { toMessageDto } from './message-dto.mapper';
import { DeliveryReportDto, ListMessagesQuery, MessageDetailDto, MessageDto, MessagePageDto, SendMessageDto } from './messaging.dto';
import { OutboxService } from './outbox.service';

const WORKERS = ['admin', 'analyst', 'owner'] as const;
const READ = { scope: 'messages:read' } as const;
const WRITE = { roles: WORKERS, scope: 'messages:write' } as const;
/** Retry, cancel and gateway delivery reports: admins and integrators' tokens (an 'owner' owns cases, not the outbox). */
const ADMIN = { roles: ['admin'], scope: 'messages:write' } as const;
const userOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);

/** The outbox and the inbox of customer messages: list, preview, one-off sends, retry, cancel and gateway delivery reports. */
@ApiTags('messages')
@Controller('workspaces/:workspaceId/messages')
export class MessagesController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Messages to and from customers, newest first, filtered and cursor-paged' })
  @ApiOkResponse({ type: MessagePageDto })
  async list(@CurrentWorkspace() ws: WorkspaceContext, @Query() q: ListMessagesQuery): Promise<MessagePageDto> {
    const filter = { status: q.status, channel: q.channel, direction: q.direction, customerExternalId: q.customer, caseId: q.case };
    const page = await this.outbox.list(
      ws.workspaceId,
      filter,
      q.limit ?? DEFAULT_PAGE_LIMIT,
      q.cursor ? decodeKeysetCursor(q.cursor) : undefined,
    );
    const last = page.rows.at(-1);
    return {
      items: page.rows.map(toMessageDto),
      nextCursor: page.more && last ? encodeKeysetCursor({ at: last.createdAt, id: last.id }) : null,
    };
  }

  @Post()
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary: 'Send a one-off message to a customer',
    description:
      "The address comes from the customer's record: email, phone for SMS, attributes.telegram / attributes.whatsapp (else phone). " +
      '422 no_address when the record has none for the channel. Survey and marketing messages obey the contact policy (held while it refuses).',
  })
  @ApiCreatedResponse({ type: MessageDto })
  async send(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: SendMessageDto,
  ): Promise<MessageDto> {
    const queued = await this.outbox.send(ws.workspaceId, body, userOf(p));
    return toMessageDto(await this.outbox.get(ws.workspaceId, queued.id));
  }

  @Get(':id')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One message with its preview: the email’s HTML and text parts and headers as they are sent' })
  @ApiOkResponse({ type: MessageDetailDto })
  async get(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', uuidOr404('Message')) id: string): Promise<MessageDetailDto> {
    const row = await this.outbox.get(ws.workspaceId, id);
    return { ...toMessageDto(row), preview: await this.outbox.preview(row) };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @WorkspaceAccess(ADMIN)
  @ApiOperation({ summary: 'Queue a failed message again (409 not_retryable otherwise)' })
  @ApiOkResponse({ type: MessageDto })
  async retry(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', uuidOr404('Message')) id: string): Promise<MessageDto> {
    return toMessageDto(await this.outbox.retry(ws.workspaceId, id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @WorkspaceAccess(ADMIN)
  @ApiOperation({ summary: 'Withdraw a queued or held message (409 not_cancellable otherwise)' })
  @ApiOkResponse({ type: MessageDto })
  async cancel(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', uuidOr404('Message')) id: string): Promise<MessageDto> {
    return toMessageDto(await this.outbox.cancel(ws.workspaceId, id));
  }

  @Post(':id/delivery')
  @HttpCode(200)
  @WorkspaceAccess(ADMIN)
  @ApiOperation({
    summary: "The gateway's delivery report for an SMS, Telegram or WhatsApp message",
    description:
      'sent → delivered, failed or bounced; delivered → bounced. Idempotent: the same report again changes nothing. ' +
      'A move backwards is refused with 409 invalid_transition.',
  })
  @ApiOkResponse({ type: MessageDto })
  async delivery(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', uuidOr404('Message')) id: string,
    @Body() body: DeliveryReportDto,
  ): Promise<MessageDto> {
    return toMessageDto(await this.outbox.reportDelivery(ws.workspaceId, id, body));
  }
}
