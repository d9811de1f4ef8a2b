import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import {
  BacktestDto,
  BacktestQuery,
  EarlyWarningRulesDto,
  EarlyWarningRulesResponseDto,
  ListWarningsQuery,
  ScanOutcomeDto,
  WarningPageDto,
} from './early-warning.dto';
import { EarlyWarningRulesService } from './early-warning-rules.service';
import { EarlyWarningService } from './early-warning.service';
import { WarningListService } from './warning-list.service';

@ApiTags('early-warning')
@Controller('workspaces/:workspaceId/early-warning')
export class EarlyWarningController {
  constructor(
    private readonly rules: EarlyWarningRulesService,
    private readonly warnings: WarningListService,
    private readonly scanner: EarlyWarningService,
  ) {}

  @Get('rules')
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: 'Early-warning rules (the defaults until an admin saves them)' })
  @ApiOkResponse({ type: EarlyWarningRulesResponseDto })
  getRules(@CurrentWorkspace() ws: WorkspaceContext): Promise<EarlyWarningRulesResponseDto> {
    return this.rules.get(ws.workspaceId);
  }

  @Put('rules')
  @WorkspaceAccess({ roles: ['admin'], scope: 'customers:write' })
  @ApiOperation({ summary: 'Replace the early-warning rules (admins)' })
  @ApiOkResponse({ type: EarlyWarningRulesResponseDto })
  putRules(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: EarlyWarningRulesDto,
  ): Promise<EarlyWarningRulesResponseDto> {
    return this.rules.update(ws.workspaceId, body, p.kind === 'user' ? p.userId : null);
  }

  @Get('warnings')
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({
    summary: "Early warnings, newest first: open or cleared, by rule, a customer, or a manager's own customers (managerId=me)",
  })
  @ApiOkResponse({ type: WarningPageDto })
  list(@CurrentWorkspace() ws: WorkspaceContext, @CurrentPrincipal() p: Principal, @Query() q: ListWarningsQuery): Promise<WarningPageDto> {
    return this.warnings.list(ws.workspaceId, q, p.kind === 'user' ? p.userId : null);
  }

  @Post('scan')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess({ roles: ['admin'], scope: 'customers:write' })
  @ApiOperation({
    summary: 'Scan now (admins): clear warnings whose behaviour came back, raise new ones; also runs daily and after new activity',
  })
  @ApiOkResponse({ type: ScanOutcomeDto })
  scan(@CurrentWorkspace() ws: WorkspaceContext): Promise<ScanOutcomeDto> {
    return this.scanner.scan(ws.workspaceId);
  }

  @Get('backtest')
  @WorkspaceAccess({ roles: ['admin', 'analyst'], scope: 'customers:read' })
  @ApiOperation({
    summary:
      'Replay the rules week by week over the last weeks (nothing stored or sent): of the customers who cancelled, who was warned first and how early',
  })
  @ApiOkResponse({ type: BacktestDto })
  backtest(@CurrentWorkspace() ws: WorkspaceContext, @Query() q: BacktestQuery): Promise<BacktestDto> {
    return this.scanner.backtest(ws.workspaceId, q.weeks ?? 26);
  }
}
