import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { ListMomentsQuery, MomentPageDto, RecordedMomentDto, RecordMomentDto } from './moments.dto';
import { MomentsService } from './moments.service';
import { ExternalIdPipe } from '../external-id.pipe';

@ApiTags('customers')
@Controller('workspaces/:workspaceId/customers/:externalId/moments')
export class MomentsController {
  constructor(private readonly moments: MomentsService) {}

  @Post()
  @WorkspaceAccess({ roles: ['admin', 'analyst'], scope: 'customers:write' })
  @ApiOperation({
    summary:
      "Report a risky moment (trial ending, renewal due, payment failed…): surveys waiting for it show at the customer's next page view, and customer.moment is sent to webhooks",
  })
  @ApiCreatedResponse({ type: RecordedMomentDto, description: 'Recorded' })
  @ApiOkResponse({ type: RecordedMomentDto, description: 'Already recorded with this idempotencyKey' })
  async record(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() body: RecordMomentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecordedMomentDto> {
    const result = await this.moments.record(ws.workspaceId, externalId, body);
    res.status(result.created ? 201 : 200);
    return result.moment;
  }

  @Get()
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: "A customer's reported moments, newest first, with whether each is pending, answered or expired" })
  @ApiOkResponse({ type: MomentPageDto })
  list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Query() query: ListMomentsQuery,
  ): Promise<MomentPageDto> {
    return this.moments.list(ws.workspaceId, externalId, query);
  }
}
