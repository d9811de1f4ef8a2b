import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryDetailDto,
  DeliveryDto,
  DeliveryPageDto,
  EventTypeDto,
  ListDeliveriesQuery,
  UpdateWebhookDto,
  WebhookDto,
  WebhookSecretDto,
} from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

const READ = { roles: ['admin'], scope: 'webhooks:read' } as const;
const WRITE = { roles: ['admin'], scope: 'webhooks:write' } as const;

@ApiTags('webhooks')
@Controller('workspaces/:workspaceId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('event-types')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Event types an endpoint can subscribe to' })
  @ApiOkResponse({ type: [EventTypeDto] })
  eventTypes(): EventTypeDto[] {
    return this.webhooks.eventTypes();
  }

  @Get()
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Webhook endpoints with their queue depth and latest outcome (admins)' })
  @ApiOkResponse({ type: [WebhookDto] })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<WebhookDto[]> {
    return this.webhooks.list(ws.workspaceId);
  }

  @Post()
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Add an endpoint; the answer holds its signing secret' })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.webhooks.create(ws.workspaceId, body);
  }

  @Get(':webhookId')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One endpoint' })
  @ApiOkResponse({ type: WebhookDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('webhookId', uuidOr404('Webhook endpoint')) id: string): Promise<WebhookDto> {
    return this.webhooks.get(ws.workspaceId, id);
  }

  @Patch(':webhookId')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Change the URL, events, description, or pause/resume an endpoint' })
  @ApiOkResponse({ type: WebhookDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', uuidOr404('Webhook endpoint')) id: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    return this.webhooks.update(ws.workspaceId, id, body);
  }

  @Delete(':webhookId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Delete an endpoint and its delivery log' })
  @ApiNoContentResponse()
  async remove(@CurrentWorkspace() ws: WorkspaceContext, @Param('webhookId', uuidOr404('Webhook endpoint')) id: string): Promise<void> {
    await this.webhooks.remove(ws.workspaceId, id);
  }

  @Get(':webhookId/secret')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Reveal the signing secret' })
  @ApiOkResponse({ type: WebhookSecretDto })
  secret(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', uuidOr404('Webhook endpoint')) id: string,
  ): Promise<WebhookSecretDto> {
    return this.webhooks.secret(ws.workspaceId, id);
  }

  @Post(':webhookId/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Replace the signing secret now' })
  @ApiOkResponse({ type: WebhookSecretDto })
  rotate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', uuidOr404('Webhook endpoint')) id: string,
  ): Promise<WebhookSecretDto> {
    return this.webhooks.rotateSecret(ws.workspaceId, id);
  }

  @Post(':webhookId/test')
  @HttpCode(HttpStatus.ACCEPTED)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Queue a signed "ping" event to this endpoint' })
  @ApiAcceptedResponse({ type: DeliveryDto })
  test(@CurrentWorkspace() ws: WorkspaceContext, @Param('webhookId', uuidOr404('Webhook endpoint')) id: string): Promise<DeliveryDto> {
    return this.webhooks.sendTest(ws.workspaceId, id);
  }

  @Get(':webhookId/deliveries')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Delivery log, newest first: status, attempts, response code and time' })
  @ApiOkResponse({ type: DeliveryPageDto })
  deliveries(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', uuidOr404('Webhook endpoint')) id: string,
    @Query() query: ListDeliveriesQuery,
  ): Promise<DeliveryPageDto> {
    return this.webhooks.deliveriesPage(ws.workspaceId, id, query);
  }

  @Get(':webhookId/deliveries/:deliveryId')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One delivery with its body and every attempt' })
  @ApiOkResponse({ type: DeliveryDetailDto })
  delivery(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', uuidOr404('Webhook endpoint')) id: string,
    @Param('deliveryId', uuidOr404('Delivery')) deliveryId: string,
  ): Promise<DeliveryDetailDto> {
    return this.webhooks.delivery(ws.workspaceId, id, deliveryId);
  }

  @Post(':webhookId/deliveries/:deliveryId/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Send a delivered (or failed) event again' })
  @ApiAcceptedResponse({ type: DeliveryDto })
  replay(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', uuidOr404('Webhook endpoint')) id: string,
    @Param('deliveryId', uuidOr404('Delivery')) deliveryId: string,
  ): Promise<DeliveryDto> {
    return this.webhooks.replay(ws.workspaceId, id, deliveryId);
  }
}
