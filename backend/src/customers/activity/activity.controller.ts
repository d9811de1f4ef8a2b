import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ApiError } from '../../common/http/api-error';
import { ErrorResponseDto } from '../../common/http/error.dto';
import type { Request, Response } from 'express';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { ExternalIdPipe } from '../external-id.pipe';
import {
  ActivityEventDto,
  BulkActivityDto,
  BulkActivityResultDto,
  ImportActivityResultDto,
  RecentActivityDto,
  RecentActivityQuery,
  StoredActivityDto,
} from './activity.dto';
import { ActivityImportService } from './activity-import.service';
import { ActivityService } from './activity.service';
import { ACTIVITY_CSV_LIMITS } from './activity-csv';

const EDITORS = ['admin', 'analyst'] as const;

@ApiTags('customers')
@Controller('workspaces/:workspaceId/customers')
export class ActivityController {
  constructor(
    private readonly activity: ActivityService,
    private readonly imports: ActivityImportService,
  ) {}

  @Post('activity/import')
  @HttpCode(200)
  @WorkspaceAccess({ roles: EDITORS, scope: 'activity:write' })
  @ApiOperation({
    summary: 'Import events from a CSV (text/csv body); idempotent by eventId, so a file can be sent again',
    description:
      'UTF-8, header row first with the columns customerExternalId, eventId, kind, occurredAt and optionally name, amount, ' +
      `currency; delimiter , ; tab or |. At most ${ACTIVITY_CSV_LIMITS.maxBytes / (1024 * 1024)} MB and ` +
      `${ACTIVITY_CSV_LIMITS.maxRows.toLocaleString('en')} rows (413 beyond); one file per workspace at a time (429 beyond). ` +
      'Rows are judged one by one like the bulk API; errors name the 0-based data row.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'customerExternalId,eventId,kind,amount,currency,occurredAt\nc-1,ord-1,order,120.50,EUR,2026-03-01T10:00:00Z',
    },
  })
  @ApiOkResponse({ type: ImportActivityResultDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'File or row count over the limit' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Another file of this workspace is being read' })
  importCsv(@CurrentWorkspace() ws: WorkspaceContext, @Req() req: Request): Promise<ImportActivityResultDto> {
    if (!req.is('text/csv')) {
      throw new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported_media_type',
        'Send the file as the body with Content-Type: text/csv.',
      );
    }
    const length = Number(req.headers['content-length']);
    return this.imports.importCsv(ws.workspaceId, req, Number.isFinite(length) ? length : null);
  }

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
