import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../../common/auth/principal';
import { AcceptLanguage } from '../../common/http/accept-language.decorator';
import { TimelinePageDto, TimelineQuery } from './timeline.dto';
import { TimelineService } from './timeline.service';
import { ExternalIdPipe } from '../external-id.pipe';

@ApiTags('customers')
@Controller('workspaces/:workspaceId/customers/:externalId/timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get()
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({
    summary:
      "A customer's responses, cancellations, mentions, cases, moments, orders, payments and record events, newest first, by cursor (API tokens see a kind only with its own read scope, e.g. cases:read)",
  })
  @ApiOkResponse({ type: TimelinePageDto })
  page(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() principal: Principal,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Query() query: TimelineQuery,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<TimelinePageDto> {
    return this.timeline.page(ws.workspaceId, externalId, query, principal, acceptLanguage);
  }
}
