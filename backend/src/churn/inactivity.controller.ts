import { Body, Controller, Get, Header, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { ChurnSettingsDto, InactiveCustomersDto, SleepingNotifiedDto } from './inactivity.dto';
import { InactivityService } from './inactivity.service';
import { SleepingNotifier } from './sleeping-notifier';

@ApiTags('churn')
@Controller('workspaces/:workspaceId/churn')
export class InactivityController {
  constructor(
    private readonly inactivity: InactivityService,
    private readonly notifier: SleepingNotifier,
  ) {}

  @Get('settings')
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: 'Churn settings: the inactive period after which a quiet customer counts as lost' })
  @ApiOkResponse({ type: ChurnSettingsDto })
  settings(@CurrentWorkspace() ws: WorkspaceContext): Promise<ChurnSettingsDto> {
    return this.inactivity.settings(ws.workspaceId);
  }

  @Put('settings')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Change the inactive period (admins)' })
  @ApiOkResponse({ type: ChurnSettingsDto })
  update(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: ChurnSettingsDto): Promise<ChurnSettingsDto> {
    return this.inactivity.updateSettings(ws.workspaceId, body.inactiveDays);
  }

  @Get('inactive')
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: 'Sleeping customers (reactivate them) and customers lost by inactivity' })
  @ApiOkResponse({ type: InactiveCustomersDto })
  inactive(@CurrentWorkspace() ws: WorkspaceContext): Promise<InactiveCustomersDto> {
    return this.inactivity.list(ws.workspaceId);
  }

  @Get('inactive/sleeping.csv')
  @WorkspaceAccess({ scope: 'customers:read' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="sleeping-customers.csv"')
  @ApiOperation({ summary: 'Export the sleeping customers as CSV for a reactivation campaign' })
  @ApiProduces('text/csv')
  sleepingCsv(@CurrentWorkspace() ws: WorkspaceContext): Promise<string> {
    return this.inactivity.sleepingCsv(ws.workspaceId);
  }

  @Post('inactive/notify')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess({ roles: ['admin'], scope: 'webhooks:write' })
  @ApiOperation({
    summary: 'Send sleeping customers not yet announced to webhooks now (customer.sleeping); also runs hourly',
  })
  @ApiOkResponse({ type: SleepingNotifiedDto })
  async notify(@CurrentWorkspace() ws: WorkspaceContext): Promise<SleepingNotifiedDto> {
    return { notified: await this.notifier.notify(ws.workspaceId) };
  }
}
