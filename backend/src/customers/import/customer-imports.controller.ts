import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTooManyRequestsResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { ErrorResponseDto } from '../../common/http/error.dto';
import { uuidOr404 } from '../../common/http/uuid-or-404';
import {
  ImportDto,
  ImportErrorPageDto,
  ImportErrorsQuery,
  ImportListDto,
  ImportMappingDto,
  ImportValidationDto,
  ValidateImportDto,
} from './customer-imports.dto';
import { CustomerImportsService } from './customer-imports.service';
import { IMPORT_LIMITS, MAX_INFLATED_MEGABYTES, MAX_MEGABYTES, PARSE_LIMITS } from './import-limits';
import type { UploadedFile as Upload } from './read-upload';
import { UPLOAD_OPTIONS, UploadErrorsInterceptor } from './upload.interceptor';

const EDITORS = ['admin', 'analyst'] as const;
const ACCESS = { roles: EDITORS, scope: 'customers:write' } as const;
const ImportId = () => Param('importId', uuidOr404('Import'));

@ApiTags('customer imports')
@Controller('workspaces/:workspaceId/customer-imports')
export class CustomerImportsController {
  constructor(private readonly imports: CustomerImportsService) {}

  @Post()
  @WorkspaceAccess(ACCESS)
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file', UPLOAD_OPTIONS))
  @ApiOperation({
    summary: 'Upload a CSV or XLSX file of customers for preview',
    description:
      `multipart/form-data with the file in the field "file". CSV: UTF-8 (with or without BOM), UTF-16 with BOM or ` +
      `Windows-1251; delimiter , ; tab or | found from the header row. XLSX: the first worksheet. The first non-empty ` +
      `row is the header. At most ${MAX_MEGABYTES} MB and ${IMPORT_LIMITS.maxRows.toLocaleString('en')} rows (413 beyond); an XLSX may ` +
      `unpack to at most ${MAX_INFLATED_MEGABYTES} MB of sheet data (413 beyond). At most ${PARSE_LIMITS.perWorkspace} files per ` +
      'workspace are read at once (429 with Retry-After beyond). ' +
      'Returns the columns, the first rows and a suggested mapping; nothing is imported until start.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ImportDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'File, unpacked XLSX size or row count over the limit' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'This workspace already has files being read; retry after Retry-After seconds',
  })
  upload(@CurrentWorkspace() ws: WorkspaceContext, @UploadedFile() file: Upload | undefined): Promise<ImportDto> {
    return this.imports.upload(ws.workspaceId, file);
  }

  @Get()
  @WorkspaceAccess(ACCESS)
  @ApiOperation({ summary: 'Recent imports, newest first (at most 50)' })
  @ApiOkResponse({ type: ImportListDto })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<ImportListDto> {
    return this.imports.list(ws.workspaceId);
  }

  @Get(':importId')
  @WorkspaceAccess(ACCESS)
  @ApiOperation({ summary: 'One import: status and progress counts, columns, preview rows and suggested mapping' })
  @ApiOkResponse({ type: ImportDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @ImportId() id: string): Promise<ImportDto> {
    return this.imports.get(ws.workspaceId, id);
  }

  @Post(':importId/validate')
  @HttpCode(200)
  @WorkspaceAccess(ACCESS)
  @ApiOperation({
    summary: 'Check a mapping against the rows without importing: per-row errors and repeated external ids',
    description: 'A repeated external id is not an error: rows are applied in file order, so the later row wins.',
  })
  @ApiOkResponse({ type: ImportValidationDto })
  validate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @ImportId() id: string,
    @Body() body: ValidateImportDto,
  ): Promise<ImportValidationDto> {
    return this.imports.validate(ws.workspaceId, id, body.mapping, body.rows);
  }

  @Post(':importId/start')
  @HttpCode(202)
  @WorkspaceAccess(ACCESS)
  @ApiOperation({
    summary: 'Start importing with a mapping; runs in the background (poll the import for progress)',
    description:
      'Each row creates or updates the customer with its external id; bad rows are reported, good rows kept. 409 when already started.',
  })
  @ApiAcceptedResponse({ type: ImportDto })
  start(@CurrentWorkspace() ws: WorkspaceContext, @ImportId() id: string, @Body() body: ImportMappingDto): Promise<ImportDto> {
    return this.imports.start(ws.workspaceId, id, body.mapping);
  }

  @Get(':importId/errors')
  @WorkspaceAccess(ACCESS)
  @ApiOperation({ summary: 'Row errors of an import, in file order, paged' })
  @ApiOkResponse({ type: ImportErrorPageDto })
  errors(@CurrentWorkspace() ws: WorkspaceContext, @ImportId() id: string, @Query() query: ImportErrorsQuery): Promise<ImportErrorPageDto> {
    return this.imports.errors(ws.workspaceId, id, query.limit, query.offset);
  }

  @Get(':importId/errors.csv')
  @WorkspaceAccess(ACCESS)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'All row errors as CSV (row, external_id, column, field, message)' })
  @ApiProduces('text/csv')
  async errorsCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @ImportId() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { fileName, csv } = await this.imports.errorsCsv(ws.workspaceId, id);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return csv;
  }
}
