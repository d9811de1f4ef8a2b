import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IMPORT_FIELDS } from './column-mapping';
import { IMPORT_LIMITS } from './import-limits';

export const IMPORT_STATUSES = ['previewing', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

const TARGETS_HELP = `One target per column, in column order: ${IMPORT_FIELDS.join(', ')}, attribute:<name> or ignore. externalId exactly once.`;

export class ImportMappingDto {
  @ApiProperty({
    type: String,
    isArray: true,
    example: ['externalId', 'name', 'email', 'attribute:city', 'ignore'],
    description: TARGETS_HELP,
  })
  // class-validator runs the lowest decorator first; with stopAtFirstError the shape check must come first.
  @IsString({ each: true, message: 'each target must be a string' })
  @ArrayMaxSize(IMPORT_LIMITS.maxColumns)
  @IsArray({ message: 'mapping must be a list with one target per column' })
  mapping: string[];
}

export class ValidateImportDto extends ImportMappingDto {
  @ApiPropertyOptional({ minimum: 1, maximum: IMPORT_LIMITS.maxRows, description: 'Check only the first N rows (default: all rows)' })
  @IsOptional()
  @IsInt({ message: 'rows must be a whole number' })
  @Min(1)
  @Max(IMPORT_LIMITS.maxRows)
  rows?: number;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Row number as the file shows it (the header is row 1)' }) row: number;
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Header of the column the value came from' }) column: string | null;
  @ApiProperty({ description: 'Customer field, e.g. email or consents.survey.granted; empty for the whole row' }) field: string;
  @ApiProperty() message: string;
}

export class ImportDuplicateDto {
  @ApiProperty() row: number;
  @ApiProperty() externalId: string;
  @ApiProperty({ description: 'The earlier row with the same external id; the later row wins' }) firstRow: number;
}

export class ImportValidationDto {
  @ApiProperty() checkedRows: number;
  @ApiProperty() validRows: number;
  @ApiProperty() invalidRows: number;
  @ApiProperty({ description: 'Rows whose external id appeared earlier in the file (they update that customer: the later row wins)' })
  duplicateRows: number;
  @ApiProperty({ type: ImportRowErrorDto, isArray: true, description: 'The first 200 errors' }) errors: ImportRowErrorDto[];
  @ApiProperty({ description: 'More errors exist than listed' }) errorsTruncated: boolean;
  @ApiProperty({ type: ImportDuplicateDto, isArray: true, description: 'The first 100 repeated external ids' })
  duplicates: ImportDuplicateDto[];
}

export class ImportSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format: 'csv' | 'xlsx';
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1251'],
    description: 'How a CSV was decoded',
  })
  encoding: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The CSV delimiter found: , ; tab or |' }) delimiter: string | null;
  @ApiProperty({ description: 'Data rows in the file (empty rows are skipped)' }) totalRows: number;
  @ApiProperty({ enum: IMPORT_STATUSES, enumName: 'CustomerImportStatus' }) status: ImportStatus;
  @ApiProperty({ description: 'Rows done so far' }) processed: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ description: 'Rows not stored (see errors)' }) failed: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why an import failed' }) message: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class ImportPreviewRowDto {
  @ApiProperty() row: number;
  @ApiProperty({ type: String, isArray: true }) values: string[];
}

export class ImportDto extends ImportSummaryDto {
  @ApiProperty({ type: String, isArray: true }) headers: string[];
  @ApiProperty({ type: String, isArray: true, nullable: true, description: 'The mapping the import was started with' }) mapping:
    string[] | null;
  @ApiProperty({ type: String, isArray: true, description: 'A target per column, from the header names (en/ru)' })
  suggestedMapping: string[];
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'The customer fields a column can map to (besides attribute:<name> and ignore)',
  })
  fields: string[];
  @ApiProperty({ type: ImportPreviewRowDto, isArray: true, description: `The first ${IMPORT_LIMITS.previewRows} rows` })
  previewRows: ImportPreviewRowDto[];
}

export class ImportListDto {
  @ApiProperty({ type: ImportSummaryDto, isArray: true }) items: ImportSummaryDto[];
}

export class ImportErrorsQuery {
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
  @Max(10_000_000)
  offset?: number;
}

export class ImportErrorPageDto {
  @ApiProperty({ type: ImportRowErrorDto, isArray: true }) items: ImportRowErrorDto[];
  @ApiProperty() total: number;
}
