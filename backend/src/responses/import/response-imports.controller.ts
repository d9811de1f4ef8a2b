import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { tmpdir } from 'node:os';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { ErrorResponseDto } from '../../common/http/error.dto';
import { uuidOr404 } from '../../common/http/uuid-or-404';
import { uploadErrorsInterceptor } from '../../customers/import/upload.interceptor';
import { RESPONSE_IMPORT_FIELDS } from './response-columns';
import { MAX_IMPORT_MEGABYTES, RESPONSE_IMPORT_LIMITS } from './response-import-limits';
import {
  ResponseImportDto,
  ResponseImportErrorPageDto,
  ResponseImportErrorsQuery,
  ResponseImportListDto,
  StartResponseImportDto,
  UploadResponseImportQuery,
} from './response-imports.dto';
import { type DiskUpload, ResponseImportsService } from './response-imports.service';

const ACCESS = { roles: ['admin', 'analyst'], scope: 'responses:write' } as const;
const SurveyId = () => Param('surveyId', uuidOr404('Survey'));
const ImportId = () => Param('importId', uuidOr404('Import'));

/** multer: one file, written to a temporary file (never whole in memory), at most the import limit. */
const UPLOAD_OPTIONS = {
  dest: tmpdir(),
  limits: { fileSize: RESPONSE_IMPORT_LIMITS.maxBytes, files: 1, fields: 5, parts: 6 },
  defParamCharset: 'utf8',
};

@ApiTags('response imports')
@Controller('workspaces/:workspaceId/surveys/:surveyId/response-imports')
export class ResponseImportsController {
  constructor(private readonly imports: ResponseImportsService) {}

  @Post()
  @WorkspaceAccess(ACCESS)
  @UseInterceptors(uploadErrorsInterceptor(MAX_IMPORT_MEGABYTES), FileInterceptor('file', UPLOAD_OPTIONS))
  @ApiOperation({
    summary: 'Upload a CSV of historical responses (preview; with start=true, import at once)',
    description:
      `multipart/form-data with the file in the field "file", at most ${MAX_IMPORT_MEGABYTES} MB (413 beyond). UTF-8 (with or ` +
      'without BOM), UTF-16 with BOM or Windows-1251; delimiter , ; tab or | found from the header row. Columns named ' +
      `${RESPONSE_IMPORT_FIELDS.join(', ')} (or the usual export names: Date, Score, Comment, Email, …) are mapped ` +
      'automatically; with start=true the import starts when a date column and a score or comment column were found. ' +
      'Each row becomes a finished response to the current version; the same answer imported twice is written once.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ResponseImportDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: `File over ${MAX_IMPORT_MEGABYTES} MB` })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'Files of this workspace are being read; retry after Retry-After seconds',
  })
  upload(
    @CurrentWorkspace() ws: WorkspaceContext,
    @SurveyId() surveyId: string,
    @UploadedFile() file: DiskUpload | undefined,
    @Query() query: UploadResponseImportQuery,
  ): Promise<ResponseImportDto> {
    return this.imports.upload(ws.workspaceId, surveyId, file, query);
  }

  @Get()
  @WorkspaceAccess(ACCESS)
  @ApiOperation({ summary: "The survey's recent history imports, newest first (at most 50)" })
  @ApiOkResponse({ type: ResponseImportListDto })
  list(@CurrentWorkspace() ws: WorkspaceContext, @SurveyId() surveyId: string): Promise<ResponseImportListDto> {
    return this.imports.list(ws.workspaceId, surveyId);
  }

  @Get(':importId')
  @WorkspaceAccess(ACCESS)
  @ApiOperation({ summary: 'One import: status, rowsDone of rowsTotal, columns, preview, mapping and the first row errors' })
  @ApiOkResponse({ type: ResponseImportDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @SurveyId() surveyId: string, @ImportId() id: string): Promise<ResponseImportDto> {
    return this.imports.get(ws.workspaceId, surveyId, id);
  }

  @Post(':importId/start')
  @HttpCode(202)
  @WorkspaceAccess(ACCESS)
  @ApiOperation({ summary: 'Start importing with a mapping; runs in the background (poll the import). 409 when already started.' })
  @ApiAcceptedResponse({ type: ResponseImportDto })
  start(
    @CurrentWorkspace() ws: WorkspaceContext,
    @SurveyId() surveyId: string,
    @ImportId() id: string,
    @Body() body: StartResponseImportDto,
  ): Promise<ResponseImportDto> {
    return this.imports.start(ws.workspaceId, surveyId, id, body.mapping, body.createCases ?? false);
  }

  @Get(':importId/errors')
  @WorkspaceAccess(ACCESS)
  @ApiOperation({ summary: 'Row errors of an import, in file order, paged' })
  @ApiOkResponse({ type: ResponseImportErrorPageDto })
  errors(
    @CurrentWorkspace() ws: WorkspaceContext,
    @SurveyId() surveyId: string,
    @ImportId() id: string,
    @Query() query: ResponseImportErrorsQuery,
  ): Promise<ResponseImportErrorPageDto> {
    return this.imports.errors(ws.workspaceId, surveyId, id, query.limit, query.offset);
  }
}
