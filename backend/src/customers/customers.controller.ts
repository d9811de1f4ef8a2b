import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { BulkUpsertDto, BulkUpsertResultDto, CustomerDto, CustomerFieldsDto, CustomerPageDto, ListCustomersQuery } from './customers.dto';
import { CustomersService } from './customers.service';
import { ExternalIdPipe } from './external-id.pipe';

const EDITORS = ['admin', 'analyst'] as const;

@ApiTags('customers')
@Controller('workspaces/:workspaceId/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: 'Customers, most recently seen first, with search and filters' })
  @ApiOkResponse({ type: CustomerPageDto })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: ListCustomersQuery): Promise<CustomerPageDto> {
    return this.customers.list(ws.workspaceId, query);
  }

  @Post('bulk')
  @WorkspaceAccess({ roles: EDITORS, scope: 'customers:write' })
  @ApiOperation({ summary: 'Create or update up to 1000 customers; invalid rows are reported, valid rows stored' })
  @ApiOkResponse({ type: BulkUpsertResultDto })
  bulk(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: BulkUpsertDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BulkUpsertResultDto> {
    res.status(200);
    return this.customers.bulkUpsert(ws.workspaceId, body.customers);
  }

  @Get(':externalId')
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: 'One customer by your external id' })
  @ApiOkResponse({ type: CustomerDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('externalId', ExternalIdPipe) externalId: string): Promise<CustomerDto> {
    return this.customers.get(ws.workspaceId, externalId);
  }

  @Put(':externalId')
  @WorkspaceAccess({ roles: EDITORS, scope: 'customers:write' })
  @ApiOperation({ summary: 'Create or update one customer by your external id (omitted fields keep their value)' })
  @ApiOkResponse({ type: CustomerDto, description: 'Updated' })
  @ApiCreatedResponse({ type: CustomerDto, description: 'Created' })
  async upsert(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() body: CustomerFieldsDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CustomerDto> {
    const result = await this.customers.upsert(ws.workspaceId, externalId, body);
    res.status(result.created ? 201 : 200);
    return result.customer;
  }
}
