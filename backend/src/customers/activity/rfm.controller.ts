import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { RfmOverviewDto } from './rfm.dto';
import { RfmService } from './rfm.service';

@ApiTags('customers')
@Controller('workspaces/:workspaceId/customers/rfm')
export class RfmController {
  constructor(private readonly rfm: RfmService) {}

  @Get()
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({
    summary:
      'RFM: the 5×5 recency × frequency grid (customers and mean order money per cell), customers per group, and when the workspace was scored (daily, and within minutes of new activity)',
  })
  @ApiOkResponse({ type: RfmOverviewDto })
  overview(@CurrentWorkspace() ws: WorkspaceContext): Promise<RfmOverviewDto> {
    return this.rfm.overview(ws.workspaceId);
  }
}
