import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { RESPONSE_IMPORT_FIELDS } from './response-columns';
import { RESPONSE_IMPORT_LIMITS } from './response-import-limits';
import { RESPONSE_IMPORT_STATUSES, type ResponseImportStatus } from './response-import.entity';

const bool = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class UploadResponseImportQuery {
  @ApiPropertyOptional({
    description:
      'Start at once when the columns were mapped automatically (a date column and a score or comment column); otherwise the import waits for a mapping',
  })
  @IsOptional()
  @bool()
  @IsBoolean({ message: 'start must be true or false' })
  start?: boolean;

  @ApiPropertyOptional({ description: 'With start=true: let low scores open cases as live ones do (default false)' })
  @IsOptional()
  @bool()
  @IsBoolean({ message: 'createCases must be true or false' })
  createCases?: boolean;
}

export class StartResponseImportDto {
  @ApiProperty({
    type: String,
    isArray: true,
    example: ['createdAt', 'score', 'comment', 'ignore'],
    description: `One target per column, in column order: ${RESPONSE_IMPORT_FIELDS.join(', ')} or ignore. createdAt once, and score or comment.`,
  })
  @IsString({ each: true, message: 'each target must be a string' })
  @ArrayMaxSize(RESPONSE_IMPORT_LIMITS.maxColumns)
  @IsArray({ message: 'mapping must be a list with one target per column' })
  mapping: string[];

  @ApiPropertyOptional({
    default: false,
    description:
      "Let low scores of this import open cases as live ones do (only answers within the case sync's 7-day lookback ever do). Off: history never opens cases.",
  })
  @IsOptional()
  @IsBoolean({ message: 'createCases must be true or false' })
  createCases?: boolean;
}

export class ResponseImportErrorDto {
  @ApiProperty({ description: 'Row number as the file shows it (the header is row 1)' }) row: number;
  @ApiProperty({ type: String, nullable: true, description: 'Header of the column the value came from' }) column: string | null;
  @ApiProperty({ enum: [...RESPONSE_IMPORT_FIELDS, 'row'], description: 'The field, or row for the whole row' }) field: string;
  @ApiProperty({
    description:
      'What is wrong, for translation: date_missing, date_invalid, date_future, date_too_old, score_invalid, score_out_of_range, score_missing, comment_too_long, nothing_to_import, customer_too_long, respondent_too_long, language_unknown, invalid_character, too_many_cells',
  })
  code: string;
  @ApiProperty({ type: String, nullable: true, description: 'The cell (at most 200 characters)' }) value: string | null;
  @ApiProperty({ description: 'In English' }) message: string;
}

export class ResponseImportSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1251'] }) encoding: string;
  @ApiProperty({ description: 'The delimiter found: , ; tab or |' }) delimiter: string;
  @ApiProperty() byteSize: number;
  @ApiProperty({ enum: RESPONSE_IMPORT_STATUSES, enumName: 'ResponseImportStatus' }) status: ResponseImportStatus;
  @ApiProperty({ description: 'Data rows in the file (empty rows are skipped)' }) rowsTotal: number;
  @ApiProperty({ description: 'Rows done so far (written, skipped as already there, or failed)' }) rowsDone: number;
  @ApiProperty({ description: 'Responses written' }) imported: number;
  @ApiProperty({ description: 'Rows whose answer was already there (imported before): nothing written' }) duplicates: number;
  @ApiProperty({ description: 'Rows not written (see errors)' }) failed: number;
  @ApiProperty() createCases: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why an import failed' }) message: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class ResponseImportPreviewRowDto {
  @ApiProperty() row: number;
  @ApiProperty({ type: String, isArray: true }) values: string[];
}

export class ResponseImportDto extends ResponseImportSummaryDto {
  @ApiProperty({ type: String, isArray: true }) headers: string[];
  @ApiProperty({ type: String, isArray: true, nullable: true, description: 'The mapping the import was started with' })
  mapping: string[] | null;
  @ApiProperty({ type: String, isArray: true, description: 'A target per column, from the header names' }) suggestedMapping: string[];
  @ApiProperty({ type: String, isArray: true, description: 'The fields a column can map to (besides ignore)' }) fields: string[];
  @ApiProperty({ type: ResponseImportPreviewRowDto, isArray: true, description: `The first ${RESPONSE_IMPORT_LIMITS.previewRows} rows` })
  previewRows: ResponseImportPreviewRowDto[];
  @ApiProperty({ type: ResponseImportErrorDto, isArray: true, description: 'The first 50 row errors (all: GET …/errors)' })
  errors: ResponseImportErrorDto[];
  @ApiProperty({
    description: `Row errors stored (at most ${RESPONSE_IMPORT_LIMITS.storedErrors.toLocaleString('en')}; failed counts every failed row)`,
  })
  errorsTotal: number;
}

export class ResponseImportListDto {
  @ApiProperty({ type: ResponseImportSummaryDto, isArray: true }) items: ResponseImportSummaryDto[];
}

export class ResponseImportErrorsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(RESPONSE_IMPORT_LIMITS.storedErrors)
  offset?: number;
}

export class ResponseImportErrorPageDto {
  @ApiProperty({ type: ResponseImportErrorDto, isArray: true }) items: ResponseImportErrorDto[];
  @ApiProperty() total: number;
}
