import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { OVERVIEW_SCOPES } from './overview-access';
import { OverviewDto, OverviewQuery } from './overview.dto';
import { OverviewService } from './overview.service';

@ApiTags('overview')
@Controller('workspaces/:workspaceId/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @WorkspaceAccess({ anyScope: OVERVIEW_SCOPES })
  @ApiOperation({
    summary:
      'The home page: scores, churn, cases, growing clusters, mentions, unowned touchpoints, sleeping customers and the setup checklist',
    description:
      'Each part is computed by the same code, with the same filter, as the page it links to. A part the caller may not read ' +
      '(an API token without its scope) is null and listed in `restricted`; a token needs at least one of the read scopes.',
  })
  @ApiOkResponse({ type: OverviewDto })
  get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() principal: Principal,
    @Query() query: OverviewQuery,
  ): Promise<OverviewDto> {
    return this.overview.get(ws.workspaceId, principal, ws.role, query);
  }
}
