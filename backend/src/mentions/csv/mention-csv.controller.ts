import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { ErrorResponseDto } from '../../common/http/error.dto';
import type { UploadedFile as Upload } from '../../customers/import/read-upload';
import { MAX_INFLATED_MEGABYTES, PARSE_LIMITS } from '../../customers/import/import-limits';
import { UPLOAD_OPTIONS, UploadErrorsInterceptor } from '../../customers/import/upload.interceptor';
import { MentionCsvImportBodyDto, MentionCsvImportResultDto, MentionCsvPreviewDto } from './mention-csv.dto';
import { MentionCsvService } from './mention-csv.service';
import { MENTION_CSV_LIMITS } from './read-mention-file';

const ACCESS = { roles: ['admin', 'analyst', 'owner'], scope: 'mentions:write' } as const;
const FILE_RULES =
  `CSV in UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1251, delimiter , ; tab or | found from the header row ` +
  `(an .xlsx is read too, unpacking to at most ${MAX_INFLATED_MEGABYTES} MB). At most ${MENTION_CSV_LIMITS.maxMegabytes} MB and ` +
  `${MENTION_CSV_LIMITS.maxRows.toLocaleString('en')} rows (413 beyond); at most ${PARSE_LIMITS.perWorkspace} files per workspace are read at once (429 beyond).`;

@ApiTags('mentions')
@Controller('workspaces/:workspaceId/mentions/csv')
export class MentionCsvController {
  constructor(private readonly csv: MentionCsvService) {}

  @Post('preview')
  @HttpCode(200)
  @WorkspaceAccess(ACCESS)
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file', UPLOAD_OPTIONS))
  @ApiOperation({
    summary: 'Read a CSV of mentions: columns, row count, first 20 rows and a suggested mapping; nothing is stored',
    description: FILE_RULES,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: MentionCsvPreviewDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'File or row count over the limit' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'This workspace already has files being read; retry after Retry-After seconds',
  })
  preview(@CurrentWorkspace() ws: WorkspaceContext, @UploadedFile() file: Upload | undefined): Promise<MentionCsvPreviewDto> {
    return this.csv.preview(ws.workspaceId, file);
  }

  @Post('import')
  @HttpCode(200)
  @WorkspaceAccess(ACCESS)
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file', UPLOAD_OPTIONS))
  @ApiOperation({
    summary: 'Import a CSV of mentions with a column mapping; bad rows are reported with their row numbers, good rows kept',
    description:
      `${FILE_RULES} Rows go through the same ingest as the API, 1000 per transaction. Without an id column the id is a hash ` +
      'of the URL (or of text, date and author), so uploading the same file again creates nothing new. Dates without a zone ' +
      '(2026-11-30 09:15, 30.11.2026 09:15) are read in timeZone (default UTC).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'mapping'],
      properties: {
        file: { type: 'string', format: 'binary' },
        mapping: { type: 'string', description: 'JSON list, one target per column', example: '["postedAt","author","text"]' },
        source: { type: 'string', description: 'Source of every row when no column is mapped to source', example: 'vk' },
        timeZone: { type: 'string', description: 'IANA zone for dates without one (default UTC)', example: 'Europe/Moscow' },
      },
    },
  })
  @ApiOkResponse({ type: MentionCsvImportResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Unreadable file, bad mapping or time zone' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'File or row count over the limit' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'This workspace already has files being read; retry after Retry-After seconds',
  })
  import(
    @CurrentWorkspace() ws: WorkspaceContext,
    @UploadedFile() file: Upload | undefined,
    @Body() body: MentionCsvImportBodyDto,
  ): Promise<MentionCsvImportResultDto> {
    return this.csv.import(ws.workspaceId, file, body);
  }
}
