import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { CreateReasonDto, ReasonDto, UpdateReasonDto } from './churn-reasons.dto';
import { ChurnReasonsService } from './churn-reasons.service';
import { ChurnSummaryDto, ChurnSummaryQuery } from './churn-summary.dto';
import { ChurnSummaryService } from './churn-summary.service';

const EDITORS = ['admin', 'analyst'] as const;

@ApiTags('churn')
@Controller('workspaces/:workspaceId/churn/summary')
export class ChurnSummaryController {
  constructor(private readonly summary: ChurnSummaryService) {}

  @Get()
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: 'Customer and revenue churn, saves, avoidable share and reasons by month for a period' })
  @ApiOkResponse({ type: ChurnSummaryDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: ChurnSummaryQuery): Promise<ChurnSummaryDto> {
    return this.summary.get(ws.workspaceId, query);
  }
}

@ApiTags('churn')
@Controller('workspaces/:workspaceId/churn/reasons')
export class ChurnReasonsController {
  constructor(private readonly reasons: ChurnReasonsService) {}

  @Get()
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: 'The churn-reason taxonomy (a new workspace starts with the common set)' })
  @ApiOkResponse({ type: ReasonDto, isArray: true })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<ReasonDto[]> {
    return this.reasons.list(ws.workspaceId);
  }

  @Post()
  @WorkspaceAccess({ roles: EDITORS, scope: 'customers:write' })
  @ApiOperation({ summary: 'Add a reason with a new stable key' })
  @ApiCreatedResponse({ type: ReasonDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateReasonDto): Promise<ReasonDto> {
    return this.reasons.create(ws.workspaceId, body);
  }

  @Patch(':key')
  @WorkspaceAccess({ roles: EDITORS, scope: 'customers:write' })
  @ApiOperation({ summary: 'Rename (labels), re-map the offer, mark avoidable, reorder or archive a reason; its key never changes' })
  @ApiOkResponse({ type: ReasonDto })
  update(@CurrentWorkspace() ws: WorkspaceContext, @Param('key') key: string, @Body() body: UpdateReasonDto): Promise<ReasonDto> {
    return this.reasons.update(ws.workspaceId, key, body);
  }
}
