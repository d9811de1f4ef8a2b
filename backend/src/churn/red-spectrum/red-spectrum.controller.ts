import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../../common/auth/principal';
import { sendCsv } from '../../common/http/send-csv';
import { redCustomersCsv, spectrumCsv } from './red-spectrum.csv';
import { RedCustomerPageDto, RedSpectrumCustomersQuery, RedSpectrumDto, RedSpectrumQuery } from './red-spectrum.dto';
import { RedSpectrumService } from './red-spectrum.service';

const READ = { scope: 'customers:read' } as const;

/** The red spectrum report: red statuses × loss reasons, money lost, the monthly trend and the customers behind each cell. */
@ApiTags('churn')
@Controller('workspaces/:workspaceId/churn/red-spectrum')
export class RedSpectrumController {
  constructor(private readonly spectrum: RedSpectrumService) {}

  @Get()
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'Customers in the red statuses by loss reason: counts, shares, money lost (MRR on record) and the monthly trend',
    description:
      'Reasons named after a survey or complaint cluster come from answers: an API token without responses:read sees them as negative_feedback.',
  })
  @ApiOkResponse({ type: RedSpectrumDto })
  report(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() query: RedSpectrumQuery,
  ): Promise<RedSpectrumDto> {
    return this.spectrum.spectrum(ws.workspaceId, p, query);
  }

  @Get('report.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The red spectrum as CSV: status × reason cells, status totals and the monthly trend' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  reportCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() query: RedSpectrumQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(res, 'red-spectrum.csv', this.spectrum.spectrum(ws.workspaceId, p, query).then(spectrumCsv));
  }

  @Get('customers')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The red customers of a status and/or loss reason, latest loss first' })
  @ApiOkResponse({ type: RedCustomerPageDto })
  customers(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() query: RedSpectrumCustomersQuery,
  ): Promise<RedCustomerPageDto> {
    return this.spectrum.customers(ws.workspaceId, p, query);
  }

  @Get('customers.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'Every red customer of a status and/or loss reason as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  customersCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Query() query: RedSpectrumCustomersQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(res, 'red-spectrum-customers.csv', this.spectrum.allCustomers(ws.workspaceId, p, query).then(redCustomersCsv));
  }
}
