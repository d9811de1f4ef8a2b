import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { ExternalIdPipe } from '../external-id.pipe';
import {
  ActivityEventDto,
  BulkActivityDto,
  BulkActivityResultDto,
  RecentActivityDto,
  RecentActivityQuery,
  StoredActivityDto,
} from './activity.dto';
import { ActivityService } from './activity.service';

const EDITORS = ['admin', 'analyst'] as const;

@ApiTags('customers')
@Controller('workspaces/:workspaceId/customers')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Post('activity/bulk')
  @WorkspaceAccess({ roles: EDITORS, scope: 'activity:write' })
  @ApiOperation({
    summary: 'Report up to 1000 events of any customers; invalid rows are reported, valid rows stored (idempotent by eventId)',
  })
  @ApiOkResponse({ type: BulkActivityResultDto })
  bulk(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: BulkActivityDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BulkActivityResultDto> {
    res.status(200);
    return this.activity.bulk(ws.workspaceId, body.events);
  }

  @Post(':externalId/activity')
  @WorkspaceAccess({ roles: EDITORS, scope: 'activity:write' })
  @ApiOperation({
    summary:
      'Report what a customer did (an order, a payment, a login or a named event); idempotent by eventId: a repeat returns the stored event, a reused eventId with other content is refused (409 event_id_reused)',
  })
  @ApiCreatedResponse({ type: StoredActivityDto, description: 'Stored' })
  @ApiOkResponse({ type: StoredActivityDto, description: 'Already stored with this eventId and the same content' })
  async record(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() body: ActivityEventDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StoredActivityDto> {
    const result = await this.activity.record(ws.workspaceId, externalId, body);
    res.status(result.created ? 201 : 200);
    return result.event;
  }

  @Get(':externalId/activity')
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: "A customer's latest orders, payments, logins and named events, newest first" })
  @ApiOkResponse({ type: RecentActivityDto })
  recent(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Query() query: RecentActivityQuery,
  ): Promise<RecentActivityDto> {
    return this.activity.recent(ws.workspaceId, externalId, query);
  }
}
